import type { EventStreamEvent } from "./event.js";
import { eventLines, fieldsOf } from "./lines.js";

/**
 * Writes events as an event stream. A parsed event is written exactly as it was
 * read (its `raw`), as long as its fields still agree with that text; any other
 * event is written in the usual form: comments, `event`, `id`, `retry`, then one
 * `data:` line per line of data, then a blank line.
 *
 * @example
 * ```ts
 * serializeEventStream([{ data: '{"id":1}' }, { data: "[DONE]" }]);
 * // 'data: {"id":1}\n\ndata: [DONE]\n\n'
 * ```
 */
export function serializeEventStream(events: Iterable<EventStreamEvent>): string {
  const parts: string[] = [];
  for (const event of events) parts.push(event.raw !== undefined && agrees(event, event.raw) ? event.raw : canonical(event));
  return parts.join("");
}

function canonical(event: EventStreamEvent): string {
  let text = "";
  for (const comment of event.comments ?? []) text += `: ${comment}\n`;
  if (event.event !== undefined) text += `event: ${event.event}\n`;
  if (event.id !== undefined) text += `id: ${event.id}\n`;
  if (event.retry !== undefined) text += `retry: ${event.retry}\n`;
  if (event.data !== undefined) {
    for (const line of event.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  }
  return `${text}\n`;
}

function agrees(event: EventStreamEvent, raw: string): boolean {
  const described = fieldsOf(eventLines(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).lines);
  if (described.data !== event.data || described.event !== event.event || described.id !== event.id || described.retry !== event.retry) return false;
  const comments = event.comments ?? [];
  const describedComments = described.comments ?? [];
  return comments.length === describedComments.length && comments.every((comment, index) => comment === describedComments[index]);
}
