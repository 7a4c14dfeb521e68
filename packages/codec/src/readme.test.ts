import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dialectNames, dialects } from "./dialects/index.js";
import { framingNames } from "./framing/index.js";

// The README's tables list every dialect and every framing: a new dialect folder without its rows fails here.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
/** The first cells of the rows of the table whose header starts with `| first |`. */
function firstColumn(first: string): string[] {
  const start = readme.indexOf(`| ${first} |`);
  const rows = readme.slice(start).split("\n\n")[0]!.split("\n").slice(2);
  return rows.map((row) => row.split("|")[1]!.trim().replaceAll("`", ""));
}

describe("the codec README", () => {
  it("lists every dialect, with its subpath, and how each is detected", () => {
    expect(firstColumn("dialect | subpath")).toEqual([...dialectNames]);
    expect(firstColumn("dialect | first events")).toEqual([...dialectNames]);
    for (const name of dialectNames) expect(readme).toContain(`\`@tapedeck/codec/${name}\``);
  });

  it("lists every framing, and each dialect's framings", () => {
    expect(firstColumn("framing")).toEqual([...framingNames]);
    const spelled = { sse: "SSE", "aws-event-stream": "AWS event stream", "json-array": "JSON array", ndjson: "NDJSON" } as const;
    for (const name of dialectNames) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${name}\` | \`@tapedeck/codec/`))!;
      expect(row.split("|")[4]!.trim(), name).toBe(dialects[name].framings.map((framing) => spelled[framing]).join(", "));
    }
  });
});
