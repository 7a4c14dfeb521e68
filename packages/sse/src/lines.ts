import type { EventStreamEvent, EventStreamLine, LineEnding } from "./event.js";

/**
 * An event's text read as lines: each field line as sent, and the blank line
 * that ended the event (`""` when the stream ended first).
 *
 * @example
 * ```ts
 * eventLines("event: ping\r\ndata:x\r\n\r\n");
 * // { lines: [{ name: "event", value: "ping", space: true, end: "\r\n" }, { name: "data", value: "x", space: false, end: "\r\n" }], end: "\r\n" }
 * ```
 */
export function eventLines(raw: string): { lines: EventStreamLine[]; end: LineEnding } {
  const lines: EventStreamLine[] = [];
  let start = 0;
  while (start < raw.length) {
    const { content, end, next } = nextLine(raw, start);
    if (content === "") return { lines, end };
    lines.push(parseLine(content, end));
    start = next;
  }
  return { lines, end: "" };
}

function nextLine(text: string, start: number): { content: string; end: LineEnding; next: number } {
  for (let index = start; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) return { content: text.slice(start, index), end: "\n", next: index + 1 };
    if (code === 13) {
      const crlf = text.charCodeAt(index + 1) === 10;
      return { content: text.slice(start, index), end: crlf ? "\r\n" : "\r", next: index + (crlf ? 2 : 1) };
    }
  }
  return { content: text.slice(start), end: "", next: text.length };
}

/** One line's field: name, value (one space after the colon left out), and whether that space was there. */
export function parseLine(content: string, end: LineEnding): EventStreamLine {
  const colon = content.indexOf(":");
  if (colon === -1) return { name: content, value: null, space: false, end };
  const space = content.charCodeAt(colon + 1) === 32;
  return { name: content.slice(0, colon), value: content.slice(colon + (space ? 2 : 1)), space, end };
}

/** The fields an event's lines give (the same rules the parser applies). */
export function fieldsOf(lines: readonly EventStreamLine[]): EventStreamEvent {
  const event: EventStreamEvent = {};
  for (const { name, value } of lines) applyField(event, name, value ?? "", value === null);
  return event;
}

/** Applies one field line to an event, as the SSE specification says. */
export function applyField(event: EventStreamEvent, name: string, value: string, noColon: boolean): void {
  switch (name) {
    case "data":
      event.data = event.data === undefined ? value : `${event.data}\n${value}`;
      break;
    case "":
      if (event.comments === undefined) event.comments = [value];
      else event.comments.push(value);
      break;
    case "event":
      event.event = value;
      break;
    case "id":
      event.id = value;
      break;
    case "retry":
      if (!noColon && /^[0-9]+$/.test(value)) event.retry = Number(value);
      break;
  }
}
