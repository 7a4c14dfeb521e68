import type { DialectEvent } from "../../dialect.js";
import { CodecError } from "../../errors.js";
import { isObject, type PlainObject, setOwn } from "../../shared/data.js";
import { cutText, type Fragmenter } from "../../shared/fragment.js";
import type { AnthropicContentBlock, AnthropicMessage } from "./types.js";

/** The text field of each block type that streams as deltas, and the delta that carries it. */
const streamed: Record<string, { field: "text" | "thinking"; delta: "text_delta" | "thinking_delta" }> = {
  text: { field: "text", delta: "text_delta" },
  thinking: { field: "thinking", delta: "thinking_delta" },
};

const toolTypes = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);

/**
 * The events of a Messages stream for a whole message, as the direct API
 * streams them (compact JSON, no padding, no pings): `message_start` with empty
 * content, then per block a start, its deltas (citations first, then text; thinking
 * then one signature; tool input as `input_json_delta` fragments after an empty
 * one) and a stop, then `message_delta` with the stop reason and final usage,
 * then `message_stop`. Blocks with no delta form (`redacted_thinking`,
 * `web_search_tool_result`...) arrive whole, as they do on the wire.
 */
export function splitMessage(message: AnthropicMessage, fragment: Fragmenter): DialectEvent[] {
  if (!isObject(message) || !Array.isArray(message.content)) throw new CodecError("invalid-merged", "expected a Message with a content array");
  const events: DialectEvent[] = [];
  const push = (event: PlainObject) => events.push({ type: event.type as string, data: JSON.stringify(event) });
  const start: PlainObject = {};
  for (const key of Object.keys(message)) {
    const value = message[key];
    if (key === "content") setOwn(start, key, []);
    else if (key === "stop_reason" || key === "stop_sequence") setOwn(start, key, null);
    else if (key === "usage" && isObject(value)) setOwn(start, key, startUsage(value));
    else setOwn(start, key, value);
  }
  push({ type: "message_start", message: start });
  message.content.forEach((block, index) => {
    const path = `content[${index}]`;
    if (!isObject(block) || typeof block.type !== "string") throw new CodecError("invalid-merged", "expected a content block with a type", path);
    for (const event of blockEvents(block, index, fragment, path)) push(event);
  });
  const delta: PlainObject = { stop_reason: message.stop_reason ?? null, stop_sequence: message.stop_sequence ?? null };
  const messageDelta: PlainObject = { type: "message_delta", delta };
  if (isObject(message.usage)) messageDelta.usage = finalUsage(message.usage);
  push(messageDelta);
  push({ type: "message_stop" });
  return events;
}

function blockEvents(block: AnthropicContentBlock, index: number, fragment: Fragmenter, path: string): PlainObject[] {
  const events: PlainObject[] = [];
  const text = streamed[block.type];
  const isTool = toolTypes.has(block.type);
  if (text === undefined && !isTool) {
    // A block that arrives complete, start then stop.
    return [{ type: "content_block_start", index, content_block: block }, { type: "content_block_stop", index }];
  }
  const opening: PlainObject = {};
  for (const key of Object.keys(block)) {
    const value = block[key];
    if (text !== undefined && key === text.field) setOwn(opening, key, "");
    else if (key === "signature") setOwn(opening, key, "");
    else if (key === "citations" && Array.isArray(value)) setOwn(opening, key, []);
    else if (isTool && key === "input") setOwn(opening, key, {});
    else setOwn(opening, key, value);
  }
  events.push({ type: "content_block_start", index, content_block: opening });
  const delta = (value: PlainObject) => events.push({ type: "content_block_delta", index, delta: value });
  if (Array.isArray(block.citations)) for (const citation of block.citations) delta({ type: "citations_delta", citation });
  if (text !== undefined) {
    const value = block[text.field];
    if (typeof value !== "string") throw new CodecError("invalid-merged", `expected ${text.field} to be a string`, `${path}.${text.field}`);
    for (const piece of cutText(value, fragment, text.field === "text" ? "text" : "reasoning", `${path}.${text.field}`)) delta({ type: text.delta, [text.field]: piece });
    if (typeof block.signature === "string" && block.signature !== "") delta({ type: "signature_delta", signature: block.signature });
  }
  if (isTool) {
    const input = JSON.stringify(block.input ?? {});
    delta({ type: "input_json_delta", partial_json: "" });
    if (input !== "{}") for (const piece of cutText(input, fragment, "arguments", `${path}.input`)) delta({ type: "input_json_delta", partial_json: piece });
  }
  events.push({ type: "content_block_stop", index });
  return events;
}

/** `message_start`'s usage: the final counts but output, which starts at 1 (docs/dialects/anthropic.md, "Events"). */
function startUsage(usage: PlainObject): PlainObject {
  const start: PlainObject = {};
  for (const key of Object.keys(usage)) setOwn(start, key, key === "output_tokens" && typeof usage[key] === "number" ? Math.min(1, usage[key] as number) : usage[key]);
  return start;
}

/** `message_delta`'s usage: every count (cumulative), and nothing that only `message_start` carries. */
function finalUsage(usage: PlainObject): PlainObject {
  const final: PlainObject = {};
  for (const key of Object.keys(usage)) {
    const value = usage[key];
    if (typeof value === "number" || value === null) setOwn(final, key, value);
    else if (key === "server_tool_use") setOwn(final, key, value);
  }
  return final;
}
