import { readFileSync } from "node:fs";
import { cassettePath, listCassettes } from "@tapedeck/fixtures";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cassette } from "../model/cassette.js";
import { cassetteLayouts } from "../model/layout.js";
import { interaction, layoutNames, withIds } from "../test/cassette-arbitrary.js";
import { serializeCassette } from "../write/serialize-cassette.js";
import { parseCassette } from "./parse-cassette.js";
import { readInWindows } from "./read-in-windows.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz` sets 100,000), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 200;

// The whole text's reading (a string is never read in windows) is the reference: the windows must give the very
// same cassette, or nothing (then parseCassette reads the whole text).
function wholeText(bytes: Uint8Array): { cassette?: Cassette; failed?: true } {
  try {
    return { cassette: parseCassette(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { failed: true };
  }
}

/** Windows from one item (1) to a few, or the default; long literal blocks' texts made after every window (1), after a few, or at the default (for these files, at the end). */
const windowSizes = fc.record(
  {
    windowBytes: fc.oneof(fc.integer({ min: 1, max: 4_000 }), fc.constant(undefined)),
    batchBytes: fc.oneof(fc.integer({ min: 1, max: 6_000 }), fc.constant(undefined)),
  },
  { requiredKeys: [] },
);

describe("reading bytes a window at a time", () => {
  it("gives the whole text's cassette for generated cassettes, however the windows fall, and is taken in go-yaml's layouts B, C and D", () => {
    fc.assert(
      fc.property(fc.array(interaction, { minLength: 1, maxLength: 5 }), layoutNames, windowSizes, (interactions, name, sizes) => {
        const bytes = new TextEncoder().encode(serializeCassette({ version: 2, layout: cassetteLayouts[name], interactions: withIds(interactions) }));
        const windowed = readInWindows(bytes, undefined, sizes);
        const whole = wholeText(bytes);
        if (windowed !== undefined) expect(windowed).toStrictEqual(whole.cassette);
        // Nearly every generated cassette is read in windows in these layouts; only CR (in a value go-yaml writes raw) sends one to the whole text.
        if (name === "B" || name === "C" || name === "D") expect(windowed !== undefined || new TextDecoder().decode(bytes).includes("\r")).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it("gives the whole text's cassette or nothing for random byte edits of the recordings", () => {
    let taken = 0;
    const fixtures = listCassettes().map((name) => readFileSync(cassettePath(name)));
    const edit = fc.record({ at: fc.nat(), bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 6 }), fc.constantFrom(..."\t\n\r :-?&*!|>'\"%@`#{}[],".split("")).map((character) => new TextEncoder().encode(character))), remove: fc.nat(40) });
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), windowSizes, (which, edits, sizes) => {
        let bytes: Uint8Array = fixtures[which]!;
        for (const { at, bytes: inserted, remove } of edits) {
          const where = at % (bytes.length + 1);
          const next = new Uint8Array(bytes.length + inserted.length - Math.min(remove, bytes.length - where));
          next.set(bytes.subarray(0, where));
          next.set(inserted, where);
          next.set(bytes.subarray(where + remove), where + inserted.length);
          bytes = next;
        }
        const windowed = readInWindows(bytes, undefined, sizes);
        if (windowed === undefined) return;
        taken += 1;
        const whole = wholeText(bytes);
        expect(whole.failed).toBeUndefined();
        expect(windowed).toStrictEqual(whole.cassette);
      }),
      { numRuns: runs },
    );
    // About one edited file in five is still one the windows take (the rest are not UTF-8, or not YAML, or hold CR or a tab): the comparison is made, not skipped.
    expect(taken).toBeGreaterThan(runs / 10);
  });
});
