// Runs one operation once in this process and prints its peak resident memory over what the process held just
// before it (the input read, collected to the bone): on Linux the peak is reset through /proc/self/clear_refs right
// before the operation, so that reading the file (a buffer and a string at once) is not counted; elsewhere the
// process's whole peak stands in, which can hide up to the file's size.
import { readFileSync, writeFileSync } from "node:fs";
import { parseCassette, serializeCassette } from "@tapedeck/cassette";
import { parse, stringify } from "yaml";

const [operation, file, form] = process.argv.slice(2) as [string, string, "text" | "bytes" | undefined];
const input = form === "bytes" ? readFileSync(file) : readFileSync(file, "utf8");
const text = () => (typeof input === "string" ? input : input.toString("utf8"));
const collect = (globalThis as { gc?: () => void }).gc;
collect?.();
collect?.();

function status(field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

const before = status("VmRSS") ?? process.memoryUsage().rss / 1024;
let reset = false;
try {
  writeFileSync("/proc/self/clear_refs", "5");
  reset = status("VmHWM") !== undefined;
} catch {
  // Not Linux: the whole peak stands in.
}
let keep: unknown;
switch (operation) {
  case "tapedeck-parse":
    keep = parseCassette(input);
    break;
  case "yaml-parse":
    keep = parse(text());
    break;
  case "tapedeck-write":
    keep = serializeCassette(parseCassette(input)).length;
    break;
  case "yaml-write":
    keep = stringify(parse(text())).length;
    break;
}
const peak = (reset ? status("VmHWM") : undefined) ?? process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify({ operation, form: form ?? "text", keep: typeof keep, peakOverStartKilobytes: peak - before, exact: reset }));
