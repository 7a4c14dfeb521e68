import { EventStreamError } from "./errors.js";
import type { EventStreamEvent, ParsedEvent } from "./event.js";
import { applyField } from "./lines.js";

/** Options of {@link createEventStreamParser} and {@link parseEventStream}. */
export interface EventStreamParserOptions {
  /**
   * Longest line accepted, in UTF-16 code units; a longer one throws an
   * {@link EventStreamError} with code `line-too-long`. Default: 64 MiB.
   */
  maxLineLength?: number;
}

/** An incremental event-stream reader. */
export interface EventStreamParser {
  /** Reads the next piece of text; pieces may split lines, line breaks and events anywhere. */
  feed(text: string): void;
  /** Ends the stream: a last event not followed by a blank line is dispatched, its `raw` without one. */
  end(): void;
}

const defaultMaxLineLength = 64 * 1024 * 1024;

/**
 * Creates an incremental, lossless event-stream reader. Every event is handed to
 * `onEvent` as soon as its blank line arrives, with its exact text (`raw`), so
 * that `serializeEventStream` writes the same bytes back (CRLF, comments, `data:`
 * without a space, extra blank lines and a missing final blank line included).
 * Linear in the input however it is cut: a line that arrives in a thousand
 * pieces is joined once. A byte-order mark at the very start is ignored, as the
 * SSE specification says (and kept in the first event's `raw`).
 *
 * @example
 * ```ts
 * const parser = createEventStreamParser({ onEvent: (event) => console.log(event.data) });
 * parser.feed("data: {\"a\"");
 * parser.feed(":1}\n\n"); // logs {"a":1}
 * parser.end();
 * ```
 */
export function createEventStreamParser(options: EventStreamParserOptions & { onEvent: (event: ParsedEvent) => void }): EventStreamParser {
  const { onEvent } = options;
  const maxLineLength = options.maxLineLength ?? defaultMaxLineLength;
  /** The current event's text from earlier pieces (its unfinished line included). */
  let eventPieces: string[] = [];
  /** The unfinished line's text from earlier pieces, and its length. */
  let linePieces: string[] = [];
  let lineLength = 0;
  let fields: EventStreamEvent = {};
  let lineNumber = 1;
  let eventLine = 1;
  let eventNumber = 0;
  let atStart = true;

  function dispatch(raw: string): void {
    const event = fields as ParsedEvent;
    event.raw = raw;
    event.line = eventLine;
    event.number = eventNumber;
    eventNumber += 1;
    fields = {};
    eventLine = lineNumber;
    onEvent(event);
  }

  function field(content: string): void {
    if (atStart) {
      atStart = false;
      if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
    }
    const colon = content.indexOf(":");
    if (colon === -1) applyField(fields, content, "", true);
    else {
      const valueStart = content.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
      applyField(fields, content.slice(0, colon), content.slice(valueStart), false);
    }
  }

  function tooLong(length: number): never {
    throw new EventStreamError("line-too-long", `a line of ${length} characters is longer than maxLineLength (${maxLineLength})`, lineNumber);
  }

  /** Ends the line held from earlier pieces (its content without the break) where `text` continues at `next`. */
  function lineDone(content: string, text: string, eventStart: number, next: number): number {
    if (content.length > maxLineLength) tooLong(content.length);
    lineNumber += 1;
    if (content === "" || (atStart && content === "\uFEFF")) {
      atStart = false;
      const raw = eventPieces.length > 0 ? eventPieces.join("") + text.slice(eventStart, next) : text.slice(eventStart, next);
      eventPieces = [];
      dispatch(raw);
      return next;
    }
    field(content);
    return eventStart;
  }

  function feed(text: string): void {
    const length = text.length;
    if (length === 0) return;
    let lineStart = 0;
    let eventStart = 0;
    if (lineLength > 0 && linePieces[linePieces.length - 1]!.endsWith("\r")) {
      // The last piece ended with CR: a line break, of two characters if this piece starts with LF.
      const held = linePieces.join("").slice(0, -1);
      linePieces = [];
      lineLength = 0;
      lineStart = text.charCodeAt(0) === 10 ? 1 : 0;
      eventStart = lineDone(held, text, 0, lineStart);
    }
    let newline = text.indexOf("\n", lineStart);
    let carriage = text.indexOf("\r", lineStart);
    for (;;) {
      let breakAt: number;
      let breakLength: number;
      if (carriage !== -1 && (newline === -1 || carriage < newline)) {
        // A CR at the end may be the first half of CRLF: it waits for the next piece.
        if (carriage === length - 1) break;
        breakAt = carriage;
        breakLength = text.charCodeAt(carriage + 1) === 10 ? 2 : 1;
      } else if (newline !== -1) {
        breakAt = newline;
        breakLength = 1;
      } else break;
      const next = breakAt + breakLength;
      let content = text.slice(lineStart, breakAt);
      if (lineLength > 0) {
        content = linePieces.join("") + content;
        linePieces = [];
        lineLength = 0;
      }
      eventStart = lineDone(content, text, eventStart, next);
      lineStart = next;
      if (newline !== -1 && newline < next) newline = text.indexOf("\n", next);
      if (carriage !== -1 && carriage < next) carriage = text.indexOf("\r", next);
    }
    if (lineStart < length) {
      const rest = text.slice(lineStart);
      linePieces.push(rest);
      lineLength += rest.length;
      if (lineLength > maxLineLength + 1) tooLong(lineLength);
    }
    if (eventStart < length) eventPieces.push(eventStart === 0 ? text : text.slice(eventStart));
  }

  function end(): void {
    if (lineLength > 0) {
      let content = linePieces.join("");
      linePieces = [];
      lineLength = 0;
      if (content.endsWith("\r")) content = content.slice(0, -1);
      lineDone(content, "", 0, 0);
    }
    if (eventPieces.length > 0) {
      const raw = eventPieces.join("");
      eventPieces = [];
      dispatch(raw);
    }
  }

  return { feed, end };
}

/**
 * Reads a whole event stream into events, losslessly: `serializeEventStream` of
 * the result is the input, byte for byte.
 *
 * @example
 * ```ts
 * const events = parseEventStream("data: {\"id\":1}\n\ndata: [DONE]\n\n");
 * events.map((event) => event.data); // ['{"id":1}', "[DONE]"]
 * ```
 */
export function parseEventStream(text: string, options: EventStreamParserOptions = {}): ParsedEvent[] {
  const events: ParsedEvent[] = [];
  const parser = createEventStreamParser({ ...options, onEvent: (event) => events.push(event) });
  parser.feed(text);
  parser.end();
  return events;
}
