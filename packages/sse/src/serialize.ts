import type { EventStreamEvent, EventStreamLine } from "./event.js";
import { describeLines } from "./parse.js";

/**
 * Writes events as an event stream. A parsed event is written exactly as it was
 * read (its `lines` and `end`), as long as its fields still agree with those
 * lines; any other event is written in the usual form: comments, `event`, `id`,
 * `retry`, then one `data:` line per line of data, then a blank line.
 *
 * @example
 * ```ts
 * serializeEventStream([{ data: '{"id":1}' }, { data: "[DONE]" }]);
 * // 'data: {"id":1}\n\ndata: [DONE]\n\n'
 * ```
 */
export function serializeEventStream(events: Iterable<EventStreamEvent>): string {
  const parts: string[] = [];
  for (const event of events) {
    if (event.lines !== undefined && event.end !== undefined && linesAgree(event, event.lines)) {
      for (const line of event.lines) parts.push(formatLine(line));
      parts.push(event.end);
    } else {
      parts.push(formatCanonical(event));
    }
  }
  return parts.join("");
}

function formatLine({ name, value, space, end }: EventStreamLine): string {
  if (value === null) return name + end;
  return name + (space ? ": " : ":") + value + end;
}

function formatCanonical(event: EventStreamEvent): string {
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

function linesAgree(event: EventStreamEvent, lines: readonly EventStreamLine[]): boolean {
  const described = describeLines(lines);
  if (described.data !== event.data) return false;
  if (described.event !== event.event || described.id !== event.id || described.retry !== event.retry) return false;
  const comments = event.comments ?? [];
  const describedComments = described.comments ?? [];
  return comments.length === describedComments.length && comments.every((comment, index) => comment === describedComments[index]);
}
