import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { concatBytes, parseAwsEventStream } from "@tapedeck/aws-event-stream";
import { parseCassette } from "@tapedeck/cassette";
import { badInputsDirectory, cassettePath, listCassettes, listSyntheticCassettes, syntheticCassettePath } from "@tapedeck/fixtures";
import fc from "fast-check";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz` sets 20,000), else a count that keeps `pnpm test` fast. */
export const runs = (fallback: number) => Number(process.env.TAPEDECK_PROPERTY_RUNS) || fallback;

const cassetteFiles = [...listCassettes().map(cassettePath), ...listSyntheticCassettes().map(syntheticCassettePath)];

/** Every cassette the project has (recorded and synthetic) and every broken YAML of the corpus, as bytes. */
export const cassetteSeeds: Uint8Array[] = [
  ...cassetteFiles.map((file) => new Uint8Array(readFileSync(file))),
  ...readdirSync(badInputsDirectory)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => new Uint8Array(readFileSync(join(badInputsDirectory, name)))),
];

/** Every recorded and synthetic response body (each dialect, SSE and AWS frames) and every broken stream of the corpus. */
export const streamSeeds: Uint8Array[] = [
  ...cassetteFiles.flatMap((file) =>
    parseCassette(readFileSync(file)).interactions.map(({ response }) =>
      typeof response.body === "string" ? new TextEncoder().encode(response.body) : (response.body ?? new Uint8Array()),
    ),
  ),
  ...readdirSync(badInputsDirectory)
    .filter((name) => /\.(sse|bin|txt|html)$/.test(name))
    .map((name) => new Uint8Array(readFileSync(join(badInputsDirectory, name)))),
];

/** The stream seeds that are whole AWS event streams (Bedrock's), as recorded. */
export const awsStreamSeeds: Uint8Array[] = streamSeeds.filter((bytes) => {
  try {
    return parseAwsEventStream(bytes).length > 0;
  } catch {
    return false;
  }
});

/** Pieces that mean something to a YAML, SSE or AWS event-stream reader, for structure-aware mutations. */
const tokens = [
  "\n", "\r\n", "\r", " ", "  ", "\t", ": ", "- ", "-", "? ", "|", "|-", "|+", "|2", ">", "'", '"', "\\", "#", "&a ", "*a", "<<: ", "!!binary ", "!x ",
  "{", "}", "[", "]", ",", "---\n", "...\n", "\u2028", "\u0085", "\uFEFF", "\u0000", "data: ", "event: ", "id: ", "retry: 1", ": comment\n", "\n\n",
  "data: [DONE]\n\n", "{}", "[]", "null", "true", "1e400", "9223372036854775808", "-0", '"\\ud800"', '{"type":"error","error":{}}',
].map((token) => new TextEncoder().encode(token));

type Edit = { at: number; kind: "flip" | "delete" | "duplicate" | "insert" | "truncate"; length: number; token: number; bit: number };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom("flip", "delete", "duplicate", "insert", "insert", "truncate"),
  length: fc.integer({ min: 1, max: 64 }),
  token: fc.nat({ max: tokens.length - 1 }),
  bit: fc.nat({ max: 7 }),
});

function apply(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  let current = bytes;
  for (const { at, kind, length, token, bit } of edits) {
    const index = Math.min(current.length, Math.floor(at * current.length));
    const end = Math.min(current.length, index + length);
    if (kind === "flip" && index < current.length) {
      current = current.slice();
      current[index]! ^= 1 << bit;
    } else if (kind === "delete") current = concatBytes([current.subarray(0, index), current.subarray(end)]);
    else if (kind === "duplicate") current = concatBytes([current.subarray(0, end), current.subarray(index)]);
    else if (kind === "insert") current = concatBytes([current.subarray(0, index), tokens[token]!, current.subarray(index)]);
    else if (kind === "truncate") current = current.subarray(0, index);
  }
  return current;
}


/** A seed with a few structure-aware edits, or (one time in ten) random bytes. */
export function mutated(seeds: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([seed, edits]) => apply(seeds[seed]!, edits)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }) },
  );
}
