import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CodecEvent } from "../../events.js";
import { propertyRuns } from "../../test-support/json-style.js";
import { openaiCompletions } from "./index.js";

// A chunk like the one before but for its text is merged without being parsed (merger.ts, `mergeUnparsed`). Events
// given as objects are never merged that way: their merge is the reference, and the texts' must be the same, for
// chunk texts written every way JSON allows around and inside the text.

const runs = propertyRuns(1500);
const piece = fc.oneof(fc.constantFrom("a", "b", "b ", "é", "🎉", '"', "\\", "\n", "\u0001", '"text"', "te", "xt", "\u2028"), fc.string({ maxLength: 4 }));
// Often one of a few values, so that a chunk's text and another key's value are the same by chance, as a misread needs.
const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("", "a", "b") }, { weight: 2, arbitrary: fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join("")) });

/**
 * How a chunk is written: the usual chunk, or one of the ways the text's place could be misread from the text alone.
 * A stream's chunks share a few of these and differ in their values, as a frame learned from one chunk meets the next.
 */
const shape = fc.record({
  index: fc.constantFrom(0, 0, 0, 1),
  finish: fc.constantFrom(null, null, null, "stop"),
  id: fc.constantFrom("cmpl-1", "cmpl-1", "cmpl-2"),
  // Another "text" key, before the choices or after them.
  other: fc.oneof(fc.constant(undefined), fc.record({ before: fc.boolean(), where: fc.constantFrom("x", "id", "model") })),
  // The choice's text key given twice (JSON.parse keeps the last), the other written plain or escaped, before or after.
  duplicate: fc.oneof(fc.constant(undefined), fc.constant(undefined), fc.record({ before: fc.boolean(), escaped: fc.boolean() })),
  // How the choice's own text key is written.
  key: fc.constantFrom("usual", "space after colon", "escaped key"),
  writing: fc.oneof(
    { weight: 5, arbitrary: fc.constant("usual") },
    { weight: 1, arbitrary: fc.constantFrom("text as a value", "extra key", "escape elsewhere", "no text", "not JSON") },
  ),
});
type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

/** A chunk's JSON text, of a shape, with its text and the other text keys' values. */
function chunkText({ index, finish, id, other, duplicate, key, writing }: Shape, text: string, otherText: string, duplicateText: string): string {
  const choice = { text, index, logprobs: null, finish_reason: finish };
  let chunk: Record<string, unknown> = { id, object: "text_completion", created: 1, model: "m", choices: [choice] };
  // In a key of its own (never a usual chunk), or as the value of id or model (which a usual chunk may have).
  if (other !== undefined) {
    const { [other.where]: _replaced, ...rest } = chunk;
    chunk = other.before ? { [other.where]: { text: otherText }, ...rest } : { ...rest, [other.where]: { text: otherText } };
  }
  if (writing === "text as a value") chunk.y = "text";
  if (writing === "extra key") chunk.system_fingerprint = "fp";
  if (writing === "escape elsewhere") chunk.model = 'm"';
  if (writing === "no text") delete (choice as Partial<typeof choice>).text;
  let json = JSON.stringify(chunk);
  if (duplicate !== undefined && writing !== "no text") {
    const entry = `${duplicate.escaped ? '"te\\u0078t"' : '"text"'}:${JSON.stringify(duplicateText)}`;
    json = duplicate.before ? json.replace('"choices":[{', `"choices":[{${entry},`) : json.replace('"finish_reason":', `${entry},"finish_reason":`);
  }
  // The choice's own key, the first after the choices' start when not given twice before.
  const choiceKey = json.indexOf('"text":', json.indexOf('"choices"'));
  const rewrite = (replacement: string) => (choiceKey === -1 ? json : json.slice(0, choiceKey) + replacement + json.slice(choiceKey + 7));
  if (writing === "not JSON") json = json.slice(0, -1);
  if (key === "space after colon") return rewrite('"text": ');
  if (key === "escaped key") return rewrite('"te\\u0078t":');
  return json;
}

/** The usual chunk, as a stream's first: it gives the merge an id, a created time and a model to keep, which usual chunks need. */
const first: Shape = { index: 0, finish: null, id: "cmpl-1", other: undefined, duplicate: undefined, key: "usual", writing: "usual" };

const stream = fc
  .tuple(fc.array(shape, { minLength: 1, maxLength: 3 }), fc.array(fc.record({ shape: fc.nat(2), text: value, other: value, duplicate: value }), { minLength: 1, maxLength: 12 }))
  .map(([shapes, chunks]) => [chunkText(first, "", "", ""), ...chunks.map((chunk) => chunkText(shapes[chunk.shape % shapes.length]!, chunk.text, chunk.other, chunk.duplicate))]);

function mergeWithEvents(events: unknown[]) {
  const emitted: CodecEvent[] = [];
  const result = openaiCompletions.mergeEvents(events, { onEvent: (event) => emitted.push(event) });
  return { result, emitted };
}

describe("openai-completions chunks merged without being parsed", () => {
  it("merge as the same chunks parsed first do: the same completion, findings and events", () => {
    fc.assert(
      fc.property(stream, (texts) => {
        const parsed = texts.map((text) => {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            return text;
          }
        });
        // Text that is not JSON is given as text on both sides (its finding names the event's text either way).
        expect(mergeWithEvents(texts)).toStrictEqual(mergeWithEvents(parsed));
      }),
      { numRuns: runs },
    );
  });
});
