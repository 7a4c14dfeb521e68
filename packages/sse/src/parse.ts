import { EventStreamError } from "./errors.js";
import type { EventStreamLine, LineEnding, ParsedEvent } from "./event.js";

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
  /** Ends the stream: a last event not followed by a blank line is dispatched with `end: ""`. */
  end(): void;
}

const defaultMaxLineLength = 64 * 1024 * 1024;

/**
 * Creates an incremental, lossless event-stream reader. Every event is handed to
 * `onEvent` as soon as its blank line arrives, with its exact wire form, so that
 * `serializeEventStream` writes the same bytes back (CRLF, comments, `data:` without
 * a space, extra blank lines and a missing final blank line included).
 *
 * @example
 * ```ts
 * const parser = createEventStreamParser({ onEvent: (event) => console.log(event.data) });
 * parser.feed("data: {\"a\"");
 * parser.feed(":1}\n\n"); // logs {"a":1}
 * parser.end();
 * ```
 */
export function createEventStreamParser(
  options: EventStreamParserOptions & { onEvent: (event: ParsedEvent) => void },
): EventStreamParser {
  const { onEvent } = options;
  const maxLineLength = options.maxLineLength ?? defaultMaxLineLength;
  let pending = "";
  let lines: EventStreamLine[] = [];
  let lineNumber = 1;
  let eventLine = 1;
  let eventNumber = 0;

  function dispatch(end: LineEnding): void {
    onEvent(buildEvent(lines, end, eventLine, eventNumber));
    eventNumber += 1;
    lines = [];
    eventLine = lineNumber;
  }

  function takeLine(content: string, end: LineEnding): void {
    if (content.length > maxLineLength) {
      throw new EventStreamError(
        "line-too-long",
        `a line of ${content.length} characters is longer than maxLineLength (${maxLineLength})`,
        lineNumber,
      );
    }
    lineNumber += 1;
    if (content === "") {
      dispatch(end);
      return;
    }
    lines.push(parseLine(content, end));
  }

  function feed(text: string): void {
    const input = pending === "" ? text : pending + text;
    pending = "";
    let start = 0;
    let carriage = input.indexOf("\r");
    while (start < input.length) {
      let newline = input.indexOf("\n", start);
      if (carriage !== -1 && carriage < start) carriage = input.indexOf("\r", start);
      if (carriage !== -1 && (newline === -1 || carriage < newline)) {
        if (carriage === input.length - 1) break; // a CR may be the first half of CRLF
        const crlf = input.charCodeAt(carriage + 1) === 10;
        takeLine(input.slice(start, carriage), crlf ? "\r\n" : "\r");
        start = carriage + (crlf ? 2 : 1);
        continue;
      }
      if (newline === -1) break;
      takeLine(input.slice(start, newline), "\n");
      start = newline + 1;
      newline = -1;
    }
    if (start < input.length) {
      pending = input.slice(start);
      if (pending.length > maxLineLength + 1) {
        throw new EventStreamError(
          "line-too-long",
          `a line longer than maxLineLength (${maxLineLength}) has not ended yet`,
          lineNumber,
        );
      }
    }
  }

  function end(): void {
    if (pending !== "") {
      const rest = pending;
      pending = "";
      if (rest.endsWith("\r")) takeLine(rest.slice(0, -1), "\r");
      else takeLine(rest, "");
    }
    if (lines.length > 0) dispatch("");
  }

  return { feed, end };
}

/**
 * Reads a whole event stream into events, losslessly: `serializeEventStream` of the
 * result is the input, byte for byte.
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

function parseLine(content: string, end: LineEnding): EventStreamLine {
  const colon = content.indexOf(":");
  if (colon === -1) return { name: content, value: null, space: false, end };
  const space = content.charCodeAt(colon + 1) === 32;
  return {
    name: content.slice(0, colon),
    value: content.slice(colon + (space ? 2 : 1)),
    space,
    end,
  };
}

function buildEvent(lines: EventStreamLine[], end: LineEnding, line: number, number: number): ParsedEvent {
  const event: ParsedEvent = { lines, end, line, number };
  let data: string | undefined;
  for (const { name, value } of lines) {
    switch (name) {
      case "data":
        data = data === undefined ? (value ?? "") : `${data}\n${value ?? ""}`;
        break;
      case "":
        if (event.comments === undefined) event.comments = [];
        event.comments.push(value ?? "");
        break;
      case "event":
        event.event = value ?? "";
        break;
      case "id":
        event.id = value ?? "";
        break;
      case "retry":
        if (value !== null && /^[0-9]+$/.test(value)) event.retry = Number(value);
        break;
    }
  }
  if (data !== undefined) event.data = data;
  return event;
}

/** The fields an event's lines describe; used to tell whether edited events still match their lines. */
export function describeLines(lines: readonly EventStreamLine[]): Omit<ParsedEvent, "lines" | "end" | "line" | "number"> {
  return buildEvent(lines as EventStreamLine[], "", 0, 0);
}
