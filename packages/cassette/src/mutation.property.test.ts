import { readFileSync } from "node:fs";
import { cassettePath, listCassettes } from "@tapedeck/fixtures";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CassetteError } from "./errors.js";
import { parseCassette } from "./read/parse-cassette.js";
import { serializeCassette } from "./write/serialize-cassette.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz` sets 100,000), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 200;
const fixtures = listCassettes().map((name) => readFileSync(cassettePath(name)));

/** A random edit of a file's bytes: overwrite, delete, insert, duplicate or truncate. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("overwrite" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.constantFrom(..."\t\n\r:-?&*!|>'\"%@`#{}[],".split("")).map((character) => new TextEncoder().encode(character))) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: Uint8Array, edits: Mutation[]): Uint8Array {
  let bytes = source;
  for (const edit of edits) {
    const at = edit.at % (bytes.length + 1);
    switch (edit.kind) {
      case "overwrite": {
        const copy = bytes.slice();
        copy.set(edit.bytes.subarray(0, Math.max(0, copy.length - at)), at);
        bytes = copy;
        break;
      }
      case "delete":
        bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + edit.length)]);
        break;
      case "insert":
        bytes = new Uint8Array([...bytes.subarray(0, at), ...edit.bytes, ...bytes.subarray(at)]);
        break;
      case "duplicate":
        bytes = new Uint8Array([...bytes.subarray(0, at + edit.length), ...bytes.subarray(at)]);
        break;
      case "truncate":
        bytes = bytes.subarray(0, at);
        break;
    }
  }
  return bytes;
}

describe("random byte mutations of the fixtures", () => {
  it("never produce an untyped error, and what parses writes back and parses again", () => {
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const bytes = mutate(fixtures[which]!, edits);
        let cassette: ReturnType<typeof parseCassette>;
        try {
          cassette = parseCassette(bytes, { source: "mutated.yaml" });
        } catch (error) {
          expect(error).toBeInstanceOf(CassetteError);
          expect((error as CassetteError).line).toBeGreaterThanOrEqual(1);
          return;
        }
        const written = serializeCassette(cassette);
        expect(serializeCassette(parseCassette(written))).toBe(written);
      }),
      { numRuns: runs },
    );
  });
});
