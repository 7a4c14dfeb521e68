import type { DialectEvent } from "../../dialect.js";
import { CodecError } from "../../errors.js";
import { isObject, type PlainObject } from "../../shared/data.js";
import { cutText, type Fragmenter } from "../../shared/fragment.js";
import type { OllamaResponse } from "./types.js";

/**
 * The NDJSON chunks of an Ollama answer, as Ollama streams them: `model` and
 * `created_at` on each; a chunk per fragment of thinking, then of content (a
 * chat's `message`, or generate's `response`); tool calls whole, in one chunk;
 * a last chunk with `done: true`, the reason, the timings and counts.
 */
export function splitOllama(answer: OllamaResponse, fragment: Fragmenter): DialectEvent[] {
  if (!isObject(answer) || typeof answer.model !== "string") throw new CodecError("invalid-merged", "expected an Ollama answer with a model");
  const { model, created_at, message, response, thinking, done: _done, ...final } = answer;
  const events: DialectEvent[] = [];
  const chunk = (body: PlainObject) => events.push({ data: JSON.stringify({ model, created_at, ...body, done: false }) });
  /** The fragments of a text; an empty text is one empty fragment, so that its field is still sent. */
  const pieces = (text: unknown, field: "text" | "reasoning", path: string) => {
    if (typeof text !== "string") return [];
    const cut = cutText(text, fragment, field, path);
    return cut.length === 0 ? [""] : cut;
  };
  if (isObject(message)) {
    const { role, content, thinking: thought, tool_calls, ...rest } = message;
    for (const piece of pieces(thought, "reasoning", "message.thinking")) chunk({ message: { role, content: "", thinking: piece } });
    for (const piece of cutText(typeof content === "string" ? content : "", fragment, "text", "message.content")) chunk({ message: { role, content: piece } });
    if (Array.isArray(tool_calls)) chunk({ message: { role, content: "", tool_calls } });
    events.push({ data: JSON.stringify({ model, created_at, message: { role, content: "", ...rest }, ...final, done: true }) });
    return events;
  }
  for (const piece of pieces(thinking, "reasoning", "thinking")) chunk({ response: "", thinking: piece });
  for (const piece of cutText(typeof response === "string" ? response : "", fragment, "text", "response")) chunk({ response: piece });
  events.push({ data: JSON.stringify({ model, created_at, response: "", ...final, done: true }) });
  return events;
}
