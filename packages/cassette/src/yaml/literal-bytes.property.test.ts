import { readFileSync } from "node:fs";
import fc from "fast-check";
import wabt from "wabt";
import { describe, expect, it } from "vitest";
import { readSequenceItems } from "./block-reader.js";
import { LiteralBytesBatch, literalBytesModule, type NodeBuffer } from "./literal-bytes.js";
import type { YamlNode } from "./node.js";
import { OutsideSubset } from "./outside-subset.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz`), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 1000;

// Windows whose literal blocks are cut out of their text and read from their bytes must read as the same text read
// whole does (literal-block.ts: a block's lines found, de-indented and chomped line by line in JavaScript), or be
// void (a cut the reader did not take), or fail as it fails.

/** What a block's line may be: text indented by the block, further, a bare line break, spaces only (as many, fewer, more). */
const blockLine = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom("a", " ", "{", '"', ":", "|", "#", "-"), minLength: 1, maxLength: 30 }).map((text) => ({ kind: "text" as const, text })) },
  { weight: 2, arbitrary: fc.constant({ kind: "bare" as const, text: "" }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 2).map((extra) => ({ kind: "spaces" as const, text: String(extra) })) },
);

/** A value under a key at column `column`: a literal block (any chomping, rarely with a digit or trailing spaces), or a plain scalar with a bar. */
const value = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      header: fc.constantFrom("|", "|-", "|+", "|", "|2", "|  "),
      indent: fc.integer({ min: 1, max: 4 }),
      lines: fc.array(blockLine, { minLength: 1, maxLength: 12 }),
      long: fc.constantFrom(0, 0, 40, 5_000),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom("a |", "a | b", "'x |'", "x") },
);

function valueText(item: typeof value extends fc.Arbitrary<infer T> ? T : never, column: number): string {
  if (typeof item === "string") return ` ${item}\n`;
  const pad = " ".repeat(column + item.indent);
  // The first line has text: it sets the block's indentation.
  const lines = [`${pad}first${"y".repeat(item.long)}`];
  for (const line of item.lines) {
    if (line.kind === "text") lines.push(`${pad}${line.text}`);
    else if (line.kind === "bare") lines.push("");
    else lines.push(" ".repeat(Math.max(0, pad.length + Number(line.text))));
  }
  return ` ${item.header}\n${lines.join("\n")}\n`;
}

/** A sequence of one-key or two-key mappings at column 0, the keys at column 2, the last line of the window maybe without a break. */
const windowText = fc.array(fc.tuple(value, fc.option(value, { nil: undefined })), { minLength: 1, maxLength: 4 }).map((items) =>
  items.map(([first, second]) => `- a:${valueText(first, 2)}${second === undefined ? "" : `  b:${valueText(second, 2)}`}`).join(""),
);

/** Items without where they are (a cut window's offsets are its own), and with their texts. */
function shape(node: YamlNode): unknown {
  if (node.kind === "scalar") return { text: node.text, style: node.style };
  if (node.kind === "seq") return node.items.map(shape);
  return node.entries.map(({ key, value }) => [shape(key), shape(value)]);
}

function readWhole(text: string): unknown {
  const items: YamlNode[] = [];
  try {
    const read = readSequenceItems(text, 0, (item) => items.push(item));
    return { items: items.map(shape), read: read === text.length };
  } catch (error) {
    if (error instanceof OutsideSubset) return "outside";
    throw error;
  }
}

function readCut(bytes: NodeBuffer, start: number, end: number, batch: LiteralBytesBatch): unknown {
  const items: YamlNode[] = [];
  batch.beginWindow(true);
  const text = batch.cutWindow(bytes, start, end)!;
  try {
    const read = readSequenceItems(text, 0, (item) => items.push(item), batch);
    if (!batch.allTaken) return "void";
    batch.flush();
    return { items: items.map(shape), read: read === text.length };
  } catch (error) {
    if (error instanceof OutsideSubset) return "outside";
    throw error;
  }
}

const asBuffer = (text: string) => Buffer.from(text, "latin1") as unknown as NodeBuffer;

describe("literal blocks cut out of a window's bytes", () => {
  it("embeds the module that literal-bytes.wat compiles to", async () => {
    const toolkit = await wabt();
    const file = new URL("./literal-bytes.wat", import.meta.url);
    const module = toolkit.parseWat("literal-bytes.wat", readFileSync(file, "utf8"), { simd: true, bulk_memory: true });
    expect(Buffer.from(module.toBinary({}).buffer).toString("base64")).toBe(literalBytesModule);
  });

  it("reads as the whole text reads, or voids the window, for blocks of every shape, one batch for windows one after another", () => {
    let cut = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(windowText, fc.nat(9)), { minLength: 1, maxLength: 3 }), fc.boolean(), (windows, lastLineBreak) => {
        // One batch for all the windows, flushed after each (the module's memory holds the blocks of several).
        const batch = new LiteralBytesBatch();
        for (const [window, before] of windows) {
          const text = lastLineBreak ? window : window.replace(/\n$/, "");
          // The window somewhere inside larger bytes, as in a file.
          const bytes = asBuffer(`${"z\n".repeat(before)}${text}x`);
          const whole = readWhole(text);
          const read = readCut(bytes, 2 * before, 2 * before + text.length, batch);
          if (read === "void") continue;
          cut += 1;
          expect(read).toEqual(whole);
        }
      }),
      { numRuns: runs },
    );
    // Most windows are read with their blocks cut, not voided: the comparison is made.
    expect(cut).toBeGreaterThan(runs / 2);
  });

  it("cuts only a block the reader then takes, its lines read from the bytes", () => {
    const batch = new LiteralBytesBatch();
    const text = "- a: |+\n    x\n      y\n\n  b: c |\n";
    const bytes = asBuffer(text);
    batch.beginWindow(true);
    const structure = batch.cutWindow(bytes, 0, bytes.length);
    // The block's three lines are gone from the text; the plain `c |` below them has no block (its next line is not indented past it).
    expect(structure).toBe("- a: |+\n  b: c |\n");
    const items: YamlNode[] = [];
    readSequenceItems(structure!, 0, (item) => items.push(item), batch);
    expect(batch.allTaken).toBe(true);
    batch.flush();
    expect(shape(items[0]!)).toEqual([
      [{ text: "a", style: "plain" }, { text: "x\n  y\n\n", style: "literal" }],
      [{ text: "b", style: "plain" }, { text: "c |", style: "plain" }],
    ]);
  });
});
