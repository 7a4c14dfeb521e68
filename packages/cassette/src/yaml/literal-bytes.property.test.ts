import { readFileSync } from "node:fs";
import fc from "fast-check";
import wabt from "wabt";
import { describe, expect, it } from "vitest";
import { bytesBlockLength, LiteralBytesBatch, literalBytesModule } from "./literal-bytes.js";
import type { YamlScalar } from "./node.js";

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

describe("LiteralBytesBatch", () => {
  it("embeds the module that literal-bytes.wat compiles to", async () => {
    const toolkit = await wabt();
    const file = new URL("./literal-bytes.wat", import.meta.url);
    const module = toolkit.parseWat("literal-bytes.wat", readFileSync(file, "utf8"), { simd: true, bulk_memory: true });
    expect(Buffer.from(module.toBinary({}).buffer).toString("base64")).toBe(literalBytesModule);
  });

  it("leaves out every later line's indentation and keeps blank lines, or says a line is short, for blocks taken one after another, across 16-byte loads and memory growth", () => {
    const indent = fc.integer({ min: 1, max: 12 });
    // Lines of text (their own indentation added below), blank lines, lines of spaces, and a line too short.
    const line = fc.oneof(
      { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom("a", " ", "{", '"', ":", "|", "#", "\t"), maxLength: 40 }).map((text) => ({ text, short: false })) },
      { weight: 2, arbitrary: fc.constant({ text: "", short: false }) },
      { weight: 1, arbitrary: fc.string({ unit: fc.constant("x"), minLength: 1, maxLength: 3 }).map((text) => ({ text, short: true })) },
    );
    // Sometimes one long line, so that blocks pass the module's first 64 KiB; mostly long enough to be taken.
    const long = fc.oneof(fc.constant(0), fc.constantFrom(1_100, 1_100, 15, 65_530, 70_000, 200_000));
    // What follows the block in the window (the module reads past the end: a line break there is not the block's).
    const after = fc.constantFrom("\n---", "x\n", "  \n\n", "");
    const block = fc
      .record({ size: indent, first: fc.string({ unit: fc.constantFrom("a", " ", "-"), maxLength: 20 }), lines: fc.array(line, { maxLength: 30 }), long, offset: fc.nat(5), rest: after })
      .map(({ size, first, lines, long: longLength, offset, rest }) => {
        const pad = " ".repeat(size);
        const later = lines.map(({ text, short }) => (short ? `${" ".repeat(Math.max(0, size - text.length))}${text}`.slice(-size) : text === "" ? "" : `${pad}${text}`));
        return { size, offset, rest, text: [first + "y".repeat(longLength), ...later].join("\n") };
      });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 3 }), (blocks) => {
        const batch = new LiteralBytesBatch();
        const taken = blocks.map(({ size, offset, rest, text }) => {
          // Each block somewhere inside larger bytes, as in a window of its own.
          batch.window = { bytes: bytes(`${"z".repeat(offset + 7)}${text}${rest}`), start: 7 };
          const scalar: YamlScalar = { kind: "scalar", style: "literal", text: "", offset: 0, end: 0 };
          const wanted = expected(text, size);
          const added = batch.add(scalar, offset, offset + text.length, size);
          // Taken exactly when long enough and its lines are indented.
          expect(added).toBe(wanted !== undefined && text.length >= bytesBlockLength);
          return { scalar, wanted, added };
        });
        batch.flush();
        for (const { scalar, wanted, added } of taken) if (added) expect(scalar.text).toBe(wanted);
        expect(batch.size).toBe(0);
      }),
      { numRuns: runs },
    );
  });

  it("takes nothing from a window that is not plain ASCII", () => {
    const batch = new LiteralBytesBatch();
    const scalar: YamlScalar = { kind: "scalar", style: "literal", text: "", offset: 0, end: 0 };
    expect(batch.add(scalar, 0, 2_000, 2)).toBe(false);
  });
});
