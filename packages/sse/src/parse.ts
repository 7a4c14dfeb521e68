import { EventStreamError } from "./errors.js";
import type { ParsedEvent } from "./event.js";

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
 * A parsed event. Its `raw` text is cut from the input only when read: the
 * reader keeps where the event was, not a copy, so reading the fields of a
 * stream costs no more than a reader that drops the wire form.
 */
class StreamEvent implements ParsedEvent {
  declare data?: string;
  declare event?: string;
  declare id?: string;
  declare retry?: number;
  declare comments?: string[];
  readonly line: number;
  readonly number: number;
  /** The text the event is in, at `[#start, #end)`: kept as offsets, cut only when `raw` is read. */
  readonly #source: string;
  readonly #start: number;
  readonly #end: number;

  constructor(source: string, start: number, end: number, line: number, number: number) {
    this.#source = source;
    this.#start = start;
    this.#end = end;
    this.line = line;
    this.number = number;
  }

  get raw(): string {
    return this.#source.slice(this.#start, this.#end);
  }
}

/**
 * Creates an incremental, lossless event-stream reader. Every event is handed to
 * `onEvent` as soon as its blank line arrives, with its exact text (`raw`), so
 * that `serializeEventStream` writes the same bytes back (CRLF, comments, `data:`
 * without a space, extra blank lines and a missing final blank line included).
 * Linear in the input however it is cut: each character is copied at most
 * once more than it is read (a line that arrives in a thousand pieces is joined
 * once, an event's earlier lines once). A byte-order mark at the very start is
 * ignored, as the SSE specification says (and kept in the first event's `raw`).
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
  /** The current event's complete lines from earlier pieces. */
  let eventHead: string[] = [];
  /** The unfinished line from earlier pieces (it may end with a CR whose LF has not come yet), and its length. */
  let heldLine: string[] = [];
  let heldLength = 0;
  // The current event's fields.
  let data: string | undefined;
  let eventName: string | undefined;
  let id: string | undefined;
  let retry: number | undefined;
  let comments: string[] | undefined;
  /** Whether the current event has a field other than `data`. */
  let otherFields = false;
  let lineNumber = 1;
  let eventLine = 1;
  let eventNumber = 0;
  let atStart = true;

  /** Hands over the event whose text is `eventHead` then `source[start, end)`. */
  function dispatch(source: string, start: number, end: number): void {
    let event: StreamEvent;
    if (eventHead.length > 0) {
      const raw = eventHead.join("") + source.slice(start, end);
      eventHead = [];
      event = new StreamEvent(raw, 0, raw.length, eventLine, eventNumber);
    } else event = new StreamEvent(source, start, end, eventLine, eventNumber);
    if (data !== undefined) {
      event.data = data;
      data = undefined;
    }
    if (otherFields) {
      if (eventName !== undefined) event.event = eventName;
      if (id !== undefined) event.id = id;
      if (retry !== undefined) event.retry = retry;
      if (comments !== undefined) event.comments = comments;
      eventName = id = retry = comments = undefined;
      otherFields = false;
    }
    eventNumber += 1;
    eventLine = lineNumber;
    onEvent(event);
  }

  /** Applies one field line, `chunk[start, end)`, not blank. */
  function line(chunk: string, start: number, end: number): void {
    // The usual line first: "data:", by character codes, no slicing of the name.
    if (
      chunk.charCodeAt(start) === 100 &&
      chunk.charCodeAt(start + 1) === 97 &&
      chunk.charCodeAt(start + 2) === 116 &&
      chunk.charCodeAt(start + 3) === 97 &&
      chunk.charCodeAt(start + 4) === 58
    ) {
      atStart = false;
      const value = chunk.slice(chunk.charCodeAt(start + 5) === 32 ? start + 6 : start + 5, end);
      data = data === undefined ? value : `${data}\n${value}`;
      return;
    }
    if (atStart) {
      atStart = false;
      if (chunk.charCodeAt(start) === 0xfeff) start += 1;
    }
    otherFields = true;
    if (chunk.charCodeAt(start) === 58) {
      // A comment (": keep-alive"), kept for the wire form and for readers that want it.
      const value = chunk.slice(chunk.charCodeAt(start + 1) === 32 && start + 1 < end ? start + 2 : start + 1, end);
      if (comments === undefined) comments = [value];
      else comments.push(value);
      return;
    }
    const colon = chunk.indexOf(":", start);
    const hasColon = colon !== -1 && colon < end;
    const name = chunk.slice(start, hasColon ? colon : end);
    const value = hasColon ? chunk.slice(chunk.charCodeAt(colon + 1) === 32 && colon + 1 < end ? colon + 2 : colon + 1, end) : "";
    switch (name) {
      case "data":
        data = data === undefined ? value : `${data}\n${value}`;
        break;
      case "":
        if (comments === undefined) comments = [value];
        else comments.push(value);
        break;
      case "event":
        eventName = value;
        break;
      case "id":
        id = value;
        break;
      case "retry":
        if (hasColon && /^[0-9]+$/.test(value)) retry = Number(value);
        break;
    }
  }

  function tooLong(length: number): never {
    throw new EventStreamError("line-too-long", `a line of ${length} characters is longer than maxLineLength (${maxLineLength})`, lineNumber);
  }

  /**
   * Reads the complete lines of `chunk` (which starts with the held line, if
   * any) and holds what follows the last line break. A CR at the very end waits,
   * unless the stream has ended: it may be the first half of a CRLF.
   */
  function process(chunk: string, final: boolean): void {
    const length = chunk.length;
    let lineStart = 0;
    let eventStart = 0;
    if (chunk.indexOf("\r") === -1) {
      // Lines end with LF only (most streams): one search per line.
      for (let newline = chunk.indexOf("\n"); newline !== -1; newline = chunk.indexOf("\n", lineStart)) {
        if (newline - lineStart > maxLineLength) tooLong(newline - lineStart);
        lineNumber += 1;
        if (newline !== lineStart && !(atStart && newline === lineStart + 1 && chunk.charCodeAt(lineStart) === 0xfeff)) {
          if (
            chunk.charCodeAt(lineStart) === 100 &&
            chunk.charCodeAt(lineStart + 1) === 97 &&
            chunk.charCodeAt(lineStart + 2) === 116 &&
            chunk.charCodeAt(lineStart + 3) === 97 &&
            chunk.charCodeAt(lineStart + 4) === 58
          ) {
            // "data:", the usual line, read here without a call.
            atStart = false;
            const value = chunk.slice(chunk.charCodeAt(lineStart + 5) === 32 ? lineStart + 6 : lineStart + 5, newline);
            if (data === undefined && !otherFields && eventHead.length === 0 && chunk.charCodeAt(newline + 1) === 10) {
              // The usual event, one data line and a blank line: handed over at once.
              const event = new StreamEvent(chunk, eventStart, newline + 2, eventLine, eventNumber);
              event.data = value;
              eventNumber += 1;
              lineNumber += 1;
              eventLine = lineNumber;
              lineStart = eventStart = newline + 2;
              onEvent(event);
              continue;
            }
            data = data === undefined ? value : `${data}\n${value}`;
          } else line(chunk, lineStart, newline);
          lineStart = newline + 1;
          // The usual end of an event, a field line then LF LF, without another search.
          if (chunk.charCodeAt(lineStart) !== 10) continue;
          lineNumber += 1;
        }
        atStart = false;
        lineStart = newline + (lineStart === newline + 1 ? 2 : 1);
        dispatch(chunk, eventStart, lineStart);
        eventStart = lineStart;
      }
    } else {
      for (;;) {
        const newline = chunk.indexOf("\n", lineStart);
        const carriage = chunk.indexOf("\r", lineStart);
        let breakAt = newline;
        let next = newline + 1;
        if (carriage !== -1 && (newline === -1 || carriage < newline)) {
          // A CR at the very end may be the first half of a CRLF: it waits, unless the stream has ended.
          if (carriage === length - 1 && !final) break;
          breakAt = carriage;
          next = chunk.charCodeAt(carriage + 1) === 10 ? carriage + 2 : carriage + 1;
        } else if (newline === -1) break;
        if (breakAt - lineStart > maxLineLength) tooLong(breakAt - lineStart);
        lineNumber += 1;
        if (breakAt === lineStart || (atStart && breakAt === lineStart + 1 && chunk.charCodeAt(lineStart) === 0xfeff)) {
          atStart = false;
          dispatch(chunk, eventStart, next);
          eventStart = next;
        } else line(chunk, lineStart, breakAt);
        lineStart = next;
      }
    }
    if (eventStart < lineStart) eventHead.push(chunk.slice(eventStart, lineStart));
    if (lineStart < length) {
      const rest = lineStart === 0 ? chunk : chunk.slice(lineStart);
      heldLine.push(rest);
      heldLength = rest.length;
      if (heldLength > maxLineLength + 1) tooLong(heldLength);
    }
  }

  function feed(text: string): void {
    if (text.length === 0) return;
    if (heldLength === 0) {
      process(text, false);
      return;
    }
    // A piece without a line break only lengthens the held line (unless that ends with a CR, itself a line break).
    const last = heldLine[heldLine.length - 1]!;
    if (text.indexOf("\n") === -1 && text.indexOf("\r") === -1 && last.charCodeAt(last.length - 1) !== 13) {
      heldLine.push(text);
      heldLength += text.length;
      if (heldLength > maxLineLength + 1) tooLong(heldLength);
      return;
    }
    heldLine.push(text);
    const joined = heldLine.join("");
    heldLine = [];
    heldLength = 0;
    process(joined, false);
  }

  function end(): void {
    if (heldLength > 0) {
      const held = heldLine.join("");
      heldLine = [];
      heldLength = 0;
      // A held CR now ends its line.
      process(held, true);
    }
    if (heldLength > 0) {
      // The stream ended inside a line: it is the event's last.
      const rest = heldLine.join("");
      heldLine = [];
      heldLength = 0;
      if (rest.length > maxLineLength) tooLong(rest.length);
      line(rest, 0, rest.length);
      eventHead.push(rest);
    }
    if (eventHead.length > 0) dispatch("", 0, 0);
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
