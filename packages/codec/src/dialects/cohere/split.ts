import type { DialectEvent } from "../../dialect.js";
import { CodecError } from "../../errors.js";
import { isObject, type PlainObject } from "../../shared/data.js";
import { cutText, type Fragmenter } from "../../shared/fragment.js";
import type { CohereChatResponse } from "./types.js";

/**
 * The events of a v2 chat response, as Cohere streams them (each named in an
 * `event:` line and in its `type`): `message-start`, the tool plan's deltas,
 * each tool call (start, argument deltas, end), each content item (start,
 * text or thinking deltas, end), each citation (start, end), `message-end`
 * with the finish reason and usage.
 */
export function splitCohere(response: CohereChatResponse, fragment: Fragmenter): DialectEvent[] {
  if (!isObject(response) || !isObject(response.message)) throw new CodecError("invalid-merged", "expected a Cohere chat response with a message");
  const { id, message, ...end } = response;
  const { content, tool_plan, tool_calls, citations, ...rest } = message;
  const events: DialectEvent[] = [];
  const push = (type: string, body: PlainObject) => events.push({ type, data: JSON.stringify({ type, ...body }) });
  const start: PlainObject = { ...rest };
  if (Array.isArray(content)) start.content = [];
  if (typeof tool_plan === "string") start.tool_plan = "";
  if (Array.isArray(tool_calls)) start.tool_calls = [];
  if (Array.isArray(citations)) start.citations = [];
  events.push({ type: "message-start", data: JSON.stringify({ id, type: "message-start", delta: { message: start } }) });
  if (typeof tool_plan === "string") for (const piece of cutText(tool_plan, fragment, "reasoning", "message.tool_plan")) push("tool-plan-delta", { delta: { message: { tool_plan: piece } } });
  (tool_calls ?? []).forEach((call, index) => {
    const fn = isObject(call.function) ? call.function : {};
    const args = typeof fn.arguments === "string" ? fn.arguments : "";
    push("tool-call-start", { index, delta: { message: { tool_calls: { ...call, function: { ...fn, arguments: "" } } } } });
    for (const piece of cutText(args, fragment, "arguments", `message.tool_calls[${index}].function.arguments`)) push("tool-call-delta", { index, delta: { message: { tool_calls: { function: { arguments: piece } } } } });
    push("tool-call-end", { index });
  });
  (content ?? []).forEach((item, index) => {
    const field = typeof item.thinking === "string" ? "thinking" : "text";
    const text = typeof item[field] === "string" ? (item[field] as string) : "";
    push("content-start", { index, delta: { message: { content: { ...item, [field]: "" } } } });
    for (const piece of cutText(text, fragment, field === "thinking" ? "reasoning" : "text", `message.content[${index}].${field}`)) push("content-delta", { index, delta: { message: { content: { [field]: piece } } } });
    push("content-end", { index });
  });
  (citations ?? []).forEach((citation, index) => {
    push("citation-start", { index, delta: { message: { citations: citation } } });
    push("citation-end", { index });
  });
  push("message-end", { delta: end });
  return events;
}
