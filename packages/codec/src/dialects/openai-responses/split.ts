import type { DialectEvent } from "../../dialect.js";
import { CodecError } from "../../errors.js";
import { isObject, type PlainObject, setOwn } from "../../shared/data.js";
import { cutText, type Fragmenter } from "../../shared/fragment.js";
import type { Response, ResponseOutputItem } from "./types.js";

/**
 * The events of a Responses stream for a whole response, in the API's order
 * and JSON style (`type` first, the other top-level keys alphabetical,
 * `sequence_number` from 0): `response.created`, `response.in_progress`, per
 * output item its `added`, its parts and deltas, their `done` events and
 * `output_item.done`, then `response.completed` with the whole response.
 * No `obfuscation` (it is an option of the API) unless a residual is given.
 */
export function splitResponse(response: Response, fragment: Fragmenter): DialectEvent[] {
  if (!isObject(response) || !Array.isArray(response.output)) throw new CodecError("invalid-merged", "expected a Response with an output array");
  const events: DialectEvent[] = [];
  const push = (type: string, fields: PlainObject) => {
    const event: PlainObject = { type };
    const withSequence: PlainObject = { ...fields, sequence_number: events.length };
    for (const key of Object.keys(withSequence).sort()) setOwn(event, key, withSequence[key]);
    events.push({ type, data: JSON.stringify(event) });
  };
  const started = startedResponse(response);
  push("response.created", { response: started });
  push("response.in_progress", { response: { ...started } });
  response.output.forEach((item, index) => {
    if (!isObject(item) || typeof item.type !== "string") throw new CodecError("invalid-merged", "expected an output item with a type", `output[${index}]`);
    itemEvents(item, index, fragment, push);
  });
  push(response.status === "incomplete" ? "response.incomplete" : response.status === "failed" ? "response.failed" : "response.completed", { response });
  return events;
}

type Push = (type: string, fields: PlainObject) => void;

function itemEvents(item: ResponseOutputItem, index: number, fragment: Fragmenter, push: Push): void {
  const path = `output[${index}]`;
  const base = { item_id: item.id, output_index: index };
  push("response.output_item.added", { item: addedItem(item), output_index: index });
  if (item.type === "message" && Array.isArray(item.content)) {
    item.content.forEach((part, at) => {
      const field = part.type === "refusal" ? "refusal" : "text";
      const value = part[field];
      if (typeof value !== "string") throw new CodecError("invalid-merged", `expected ${field} to be a string`, `${path}.content[${at}].${field}`);
      const kind = part.type === "refusal" ? "refusal" : "output_text";
      const logprobs = Array.isArray(part.logprobs) ? { logprobs: [] } : {};
      push("response.content_part.added", { ...base, content_index: at, part: emptyPart(part, field) });
      for (const piece of cutText(value, fragment, field === "text" ? "text" : "refusal", `${path}.content[${at}].${field}`)) {
        push(`response.${kind}.delta`, { ...base, content_index: at, delta: piece, ...logprobs });
      }
      (Array.isArray(part.annotations) ? part.annotations : []).forEach((annotation, annotationIndex) => {
        push("response.output_text.annotation.added", { ...base, content_index: at, annotation, annotation_index: annotationIndex });
      });
      push(`response.${kind}.done`, { ...base, content_index: at, [field]: value, ...logprobs });
      push("response.content_part.done", { ...base, content_index: at, part });
    });
  } else if (item.type === "function_call" || item.type === "custom_tool_call") {
    const field = item.type === "function_call" ? "arguments" : "input";
    const kind = item.type === "function_call" ? "function_call_arguments" : "custom_tool_call_input";
    const value = item[field];
    if (typeof value !== "string") throw new CodecError("invalid-merged", `expected ${field} to be a string`, `${path}.${field}`);
    for (const piece of cutText(value, fragment, "arguments", `${path}.${field}`)) push(`response.${kind}.delta`, { ...base, delta: piece });
    push(`response.${kind}.done`, { ...base, [field]: value });
  } else if (item.type === "reasoning" && Array.isArray(item.summary)) {
    item.summary.forEach((part, at) => {
      push("response.reasoning_summary_part.added", { ...base, part: emptyPart(part, "text"), summary_index: at });
      for (const piece of cutText(part.text, fragment, "reasoning", `${path}.summary[${at}].text`)) {
        push("response.reasoning_summary_text.delta", { ...base, delta: piece, summary_index: at });
      }
      push("response.reasoning_summary_text.done", { ...base, summary_index: at, text: part.text });
      push("response.reasoning_summary_part.done", { ...base, part, summary_index: at });
    });
  }
  push("response.output_item.done", { item, output_index: index });
}

/** The response as `response.created` announces it: in progress, no output, no usage yet. */
function startedResponse(response: Response): PlainObject {
  const started: PlainObject = {};
  for (const key of Object.keys(response)) {
    if (key === "status") setOwn(started, key, "in_progress");
    else if (key === "output") setOwn(started, key, []);
    else if (key === "usage" || key === "completed_at") setOwn(started, key, null);
    else setOwn(started, key, response[key]);
  }
  return started;
}

/** An item as `output_item.added` announces it: in progress, its content, summary and arguments empty. */
function addedItem(item: ResponseOutputItem): PlainObject {
  const added: PlainObject = {};
  for (const key of Object.keys(item)) {
    const value = item[key];
    if (key === "status") setOwn(added, key, "in_progress");
    else if ((key === "content" || key === "summary") && Array.isArray(value)) setOwn(added, key, []);
    else if ((key === "arguments" || key === "input") && typeof value === "string") setOwn(added, key, "");
    else setOwn(added, key, value);
  }
  return added;
}

function emptyPart(part: PlainObject, field: string): PlainObject {
  const empty: PlainObject = {};
  for (const key of Object.keys(part)) setOwn(empty, key, key === field ? "" : key === "annotations" || key === "logprobs" ? [] : part[key]);
  return empty;
}
