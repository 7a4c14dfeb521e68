// Runs one operation once in this process and prints the peak resident set size,
// so that each operation's memory is measured on its own.
import { readFileSync } from "node:fs";
import { parseCassette, serializeCassette } from "@tapedeck/cassette";
import { parse, stringify } from "yaml";

const [operation, file] = process.argv.slice(2) as [string, string];
const text = readFileSync(file, "utf8");
let keep: unknown;
switch (operation) {
  case "baseline":
    keep = text.length;
    break;
  case "tapedeck-parse":
    keep = parseCassette(text);
    break;
  case "yaml-parse":
    keep = parse(text);
    break;
  case "tapedeck-write":
    keep = serializeCassette(parseCassette(text)).length;
    break;
  case "yaml-write":
    keep = stringify(parse(text)).length;
    break;
}
process.stdout.write(JSON.stringify({ operation, keep: typeof keep, maxRssKilobytes: process.resourceUsage().maxRSS }));
