import { readFileSync } from "node:fs";
import fc from "fast-check";
import wabt from "wabt";
import { describe, expect, it } from "vitest";
import { findRefusedCharacters, isPlainAscii, scannerModule } from "./refused-characters.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz`), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 200;

/** The rule, one character at a time (yaml.v3's `is_printable`, as tests/go-interop's `load` confirms): an independent reading. */
function expected(text: string): { refused: number; delete: number } {
  let deleteAt = -1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const control = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x80 && code <= 0x9f && code !== 0x85) || code === 0xfffe || code === 0xffff;
    if (control) return { refused: index, delete: deleteAt };
    if (code === 0x7f && deleteAt === -1) deleteAt = index;
  }
  return { refused: -1, delete: deleteAt };
}

describe("findRefusedCharacters", () => {
  it("embeds the module that refused-characters.wat compiles to", async () => {
    const toolkit = await wabt();
    const file = new URL("./refused-characters.wat", import.meta.url);
    const module = toolkit.parseWat("refused-characters.wat", readFileSync(file, "utf8"), { simd: true });
    expect(Buffer.from(module.toBinary({}).buffer).toString("base64")).toBe(scannerModule);
  });

  it("finds what a check of every character finds, in texts of every kind, across the pieces it encodes", () => {
    // Characters around each byte the module looks for: controls, DEL, C1 and its neighbours (NEL, NBSP), U+FFFD to U+FFFF,
    // full-width forms (lead byte 0xEF too), astral characters and lone surrogates.
    const special = fc.constantFrom("\u0000", "\u0001", "\t", "\n", "\r", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f", "\u00a0", "\u00c2", "é", "\uff0c", "\ufffd", "\ufffe", "\uffff", "😀", "\ud800", "\udc00");
    const ordinary = fc.constantFrom("a", " ", "{", '"', "data: ", "0123456789abcdef");
    const text = fc.array(fc.oneof({ weight: 30, arbitrary: ordinary }, { weight: 1, arbitrary: special }), { maxLength: 200 });
    // A long run of ASCII before, so that what follows falls in the first piece, the second or on their boundary.
    const lead = fc.constantFrom(0, 16 * 1024 - 3, 16 * 1024 - 1, 16 * 1024, 40_000);
    fc.assert(
      fc.property(lead, text, (padding, parts) => {
        const input = "x".repeat(padding) + parts.join("");
        expect(findRefusedCharacters(input)).toEqual(expected(input));
      }),
      { numRuns: runs },
    );
  });

  it("reports the first DEL before the first refused character, and none after it", () => {
    expect(findRefusedCharacters("a\u007fb\u0001c\u007f")).toEqual({ refused: 3, delete: 1 });
    expect(findRefusedCharacters("a\u0001b\u007f")).toEqual({ refused: 1, delete: -1 });
    expect(findRefusedCharacters(`${"a".repeat(20_000)}\u007f`)).toEqual({ refused: -1, delete: 20_000 });
  });
});

describe("isPlainAscii", () => {
  it("says what a look at every byte says, across the pieces it copies and at any start and end", () => {
    // Bytes around each class: C0 controls (refused) and tab, LF, CR (not); DEL; 0x80 and up (not ASCII, even when UTF-8 Go takes).
    const special = fc.constantFrom(0x00, 0x08, 0x09, 0x0a, 0x0b, 0x0d, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xc2, 0xc3, 0xef, 0xff);
    const ordinary = fc.constantFrom(0x61, 0x20, 0x7b, 0x22, 0x30);
    const tail = fc.array(fc.oneof({ weight: 20, arbitrary: ordinary }, { weight: 1, arbitrary: special }), { maxLength: 100 });
    // A long run of ASCII before, so that what follows falls in the first 64 KiB piece, the second, or on their boundary.
    const lead = fc.constantFrom(0, 15, 16, 64 * 1024 - 5, 64 * 1024, 64 * 1024 + 3, 70_000);
    fc.assert(
      fc.property(lead, tail, fc.nat(20), fc.nat(20), (padding, rest, cutStart, cutEnd) => {
        const bytes = new Uint8Array(padding + rest.length).fill(0x61);
        bytes.set(rest, padding);
        const start = Math.min(cutStart, bytes.length);
        const end = Math.max(start, bytes.length - cutEnd);
        const expected = bytes.subarray(start, end).every((byte) => byte < 0x80 && byte !== 0x7f && (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d));
        expect(isPlainAscii(bytes, start, end)).toBe(expected);
      }),
      { numRuns: runs },
    );
  });
});
