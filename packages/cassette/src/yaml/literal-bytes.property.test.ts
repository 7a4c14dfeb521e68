import { readFileSync } from "node:fs";
import fc from "fast-check";
import wabt from "wabt";
import { describe, expect, it } from "vitest";
import { literalBytesModule, stripLinesFromBytes } from "./literal-bytes.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz`), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 300;

/** The rule, a line at a time (as literal-block.ts's `stripLines` cuts the text): an independent reading. */
function expected(block: string, indent: number): string | undefined {
  const [first, ...rest] = block.split("\n");
  const lines = [first!];
  for (const line of rest) {
    if (line === "") lines.push(line);
    else if (line.startsWith(" ".repeat(indent))) lines.push(line.slice(indent));
    else return undefined;
  }
  return lines.join("\n");
}

const bytes = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0));

describe("stripLinesFromBytes", () => {
  it("embeds the module that literal-bytes.wat compiles to", async () => {
    const toolkit = await wabt();
    const file = new URL("./literal-bytes.wat", import.meta.url);
    const module = toolkit.parseWat("literal-bytes.wat", readFileSync(file, "utf8"), { simd: true, bulk_memory: true });
    expect(Buffer.from(module.toBinary({}).buffer).toString("base64")).toBe(literalBytesModule);
  });

  it("leaves out every later line's indentation and keeps blank lines, or says a line is short, across 16-byte loads and memory growth", () => {
    const indent = fc.integer({ min: 1, max: 12 });
    // Lines of text (their own indentation added below), blank lines, lines of spaces, and a line too short.
    const line = fc.oneof(
      { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom("a", " ", "{", '"', ":", "|", "#", "\t"), maxLength: 40 }).map((text) => ({ text, short: false })) },
      { weight: 2, arbitrary: fc.constant({ text: "", short: false }) },
      { weight: 1, arbitrary: fc.string({ unit: fc.constant("x"), minLength: 1, maxLength: 3 }).map((text) => ({ text, short: true })) },
    );
    // Sometimes one long line, so that blocks pass the module's first 64 KiB.
    const long = fc.oneof(fc.constant(0), fc.constant(0), fc.constantFrom(15, 16, 17, 65_530, 70_000, 200_000));
    // What follows the block in the window (the module reads past the end: a line break there is not the block's).
    const after = fc.constantFrom("\n---", "x\n", "  \n\n", "");
    fc.assert(
      fc.property(indent, fc.string({ unit: fc.constantFrom("a", " ", "-"), maxLength: 20 }), fc.array(line, { maxLength: 30 }), long, fc.nat(5), after, (size, first, lines, longLength, offset, rest) => {
        const pad = " ".repeat(size);
        const later = lines.map(({ text, short }) => (short ? `${" ".repeat(Math.max(0, size - text.length))}${text}`.slice(-size) : text === "" ? "" : `${pad}${text}`));
        const block = [first + "y".repeat(longLength), ...later].join("\n");
        // The block somewhere inside larger bytes, as in a window.
        const around = bytes(`${"z".repeat(offset)}${block}${rest}`);
        expect(stripLinesFromBytes(around, offset, offset + block.length, size)).toBe(expected(block, size));
      }),
      { numRuns: runs },
    );
  });
});
