import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CodecEvent } from "../../events.js";
import { propertyRuns } from "../../test-support/json-style.js";
import { anthropic } from "./index.js";

// A delta event like the one before but for its text is merged without being parsed (merger.ts, `mergeUnparsed`;
// docs/merging-unparsed.md). A merge traced for a residual never does that: it parses every event, and is the
// reference here. Both read the same SSE bodies, whose delta events are written every way JSON allows around and
// inside the delta's text, and must give the same message, findings and emitted events.

const runs = propertyRuns(1500);
const piece = fc.oneof(fc.constantFrom("a", "b", "b ", "é", "🎉", '"', "\\", "\n", "\u0001", '"text"', '"thinking"', "te", "xt", "\u2028"), fc.string({ maxLength: 4 }));
// Often one of a few values, so that the delta's text and another key's value are the same by chance, as a misread needs.
const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("", "a", "b") }, { weight: 2, arbitrary: fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join("")) });

/** How a delta event is written: the usual event, or one of the ways its text's place could be misread from its text alone. */
const shape = fc.record({
  // Block 0 is text, 1 is thinking, 2 was never started.
  index: fc.constantFrom(0, 0, 0, 1, 2),
  kind: fc.constantFrom("text", "text", "thinking", "mismatched"),
  name: fc.constantFrom("content_block_delta", "content_block_delta", "content_block_delta", "message_delta", undefined),
  // Another key of the delta's field name: at the top before the delta or after it, or inside the delta.
  other: fc.oneof(fc.constant(undefined), fc.record({ before: fc.boolean(), where: fc.constantFrom("top", "nested", "delta") })),
  // The delta's key given twice (JSON.parse keeps the last), the other written plain or escaped, before or after.
  duplicate: fc.oneof(fc.constant(undefined), fc.constant(undefined), fc.record({ before: fc.boolean(), escaped: fc.boolean() })),
  key: fc.constantFrom("usual", "space after colon", "escaped key"),
  writing: fc.oneof(
    { weight: 5, arbitrary: fc.constant("usual") },
    { weight: 1, arbitrary: fc.constantFrom("field as a value", "extra key", "escape elsewhere", "no text", "not JSON") },
  ),
});
type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

/** A delta event's `event:` and `data:` lines, of a shape, with its text and the other keys' values. */
function deltaEvent({ index, kind, name, other, duplicate, key, writing }: Shape, text: string, otherText: string, duplicateText: string): string {
  const field = kind === "text" ? "text" : "thinking";
  const type = kind === "thinking" ? "thinking_delta" : "text_delta";
  let delta: Record<string, unknown> = { type, [field]: text };
  if (writing === "no text") delete delta[field];
  if (writing === "escape elsewhere") delta = { type, padding: 'p"', ...delta };
  let event: Record<string, unknown> = { type: "content_block_delta", index, delta };
  if (other !== undefined && other.where === "delta") delta[other.before ? "before" : "after"] = { [field]: otherText };
  if (other !== undefined && other.where !== "delta") {
    const entry = other.where === "top" ? { [field]: otherText } : { x: { [field]: otherText } };
    event = other.before ? { ...entry, ...event } : { ...event, ...entry };
  }
  if (writing === "field as a value") event.y = field;
  if (writing === "extra key") event.z = 1;
  let json = JSON.stringify(event);
  const own = `"${field}":`;
  const at = json.indexOf(own, json.indexOf('"delta":'));
  if (duplicate !== undefined && at !== -1) {
    const entry = `${duplicate.escaped ? `"${field.slice(0, 2)}\\u00${field.charCodeAt(2).toString(16)}${field.slice(3)}"` : `"${field}"`}:${JSON.stringify(duplicateText)}`;
    json = duplicate.before ? `${json.slice(0, at)}${entry},${json.slice(at)}` : json.replace(`"type":"${type}"`, `"type":"${type}",${entry}`);
  }
  // The delta's own key, the first after the delta's start when not given twice before.
  const ownAt = json.indexOf(own, json.indexOf('"delta":') + (duplicate?.before === true ? own.length + 1 : 0));
  const rewrite = (replacement: string) => (ownAt === -1 ? json : json.slice(0, ownAt) + replacement + json.slice(ownAt + own.length));
  if (key === "space after colon") json = rewrite(`"${field}": `);
  if (key === "escaped key") json = rewrite(`"${field.slice(0, 2)}\\u00${field.charCodeAt(2).toString(16)}${field.slice(3)}":`);
  if (writing === "not JSON") json = json.slice(0, -1);
  return `${name === undefined ? "" : `event: ${name}\n`}data: ${json}\n\n`;
}

const sse = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
const start =
  sse("message_start", { type: "message_start", message: { id: "msg_1", type: "message", role: "assistant", model: "claude", content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } }) +
  sse("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }) +
  sse("content_block_start", { type: "content_block_start", index: 1, content_block: { type: "thinking", thinking: "" } });
const end =
  sse("content_block_stop", { type: "content_block_stop", index: 0 }) +
  sse("content_block_stop", { type: "content_block_stop", index: 1 }) +
  sse("message_delta", { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 9 } }) +
  sse("message_stop", { type: "message_stop" });

const body = fc
  .tuple(
    fc.array(shape, { minLength: 1, maxLength: 3 }),
    fc.array(fc.oneof({ weight: 9, arbitrary: fc.record({ shape: fc.nat(2), text: value, other: value, duplicate: value }) }, { weight: 1, arbitrary: fc.constant("ping" as const) }), { minLength: 1, maxLength: 12 }),
  )
  .map(([shapes, events]) => start + events.map((event) => (event === "ping" ? sse("ping", { type: "ping" }) : deltaEvent(shapes[event.shape % shapes.length]!, event.text, event.other, event.duplicate))).join("") + end);

function mergeWith(text: string, residual: boolean) {
  const emitted: CodecEvent[] = [];
  const { residual: _residual, ...result } = anthropic.merge(text, { residual, onEvent: (event) => emitted.push(event) });
  return { result, emitted };
}

describe("anthropic delta events merged without being parsed", () => {
  it("merge as the same events parsed do: the same message, findings and events", () => {
    fc.assert(
      fc.property(body, (text) => {
        expect(mergeWith(text, false)).toStrictEqual(mergeWith(text, true));
      }),
      { numRuns: runs },
    );
  });
});
