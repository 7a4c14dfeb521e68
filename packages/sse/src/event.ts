/** How a line of an event stream ended. `""` marks a last line with no line break. */
export type LineEnding = "\n" | "\r\n" | "\r" | "";

/**
 * One line of an event stream exactly as it was sent.
 *
 * - `data: x` is `{ name: "data", value: "x", space: true }`
 * - `data:x` is `{ name: "data", value: "x", space: false }`
 * - `: keep-alive` (a comment) is `{ name: "", value: "keep-alive", space: true }`
 * - `data` (no colon) is `{ name: "data", value: null, space: false }`
 */
export interface EventStreamLine {
  /** The field name; `""` for a comment line. */
  name: string;
  /** The text after the colon and the optional single space; `null` when the line has no colon. */
  value: string | null;
  /** Whether one space followed the colon (it is not part of the value). */
  space: boolean;
  /** The line break that ended the line. */
  end: LineEnding;
}

/**
 * A server-sent event. Only `data` is needed to write one; a parsed event also
 * carries its exact text (`raw`) so it can be written back byte for byte, and
 * where it was found (`line`, `number`).
 *
 * @example
 * ```ts
 * const event: EventStreamEvent = { data: '{"id":"chunk-1"}' };
 * ```
 */
export interface EventStreamEvent {
  /** The `data` lines joined with `\n`; absent when the event has no `data` line. */
  data?: string;
  /** The last `event` field. */
  event?: string;
  /** The last `id` field. */
  id?: string;
  /** The last `retry` field that is a whole number of milliseconds. */
  retry?: number;
  /** Comment lines, without the colon and its following space. */
  comments?: string[];
  /**
   * The event exactly as sent, its blank line included (line ends, comments,
   * `data:` with or without a space). Written back as is while the fields above
   * still agree with it; `eventLines` reads it as lines.
   */
  raw?: string;
}

/** An event read from a stream: its text and position are always known. */
export interface ParsedEvent extends EventStreamEvent {
  raw: string;
  /** 1-based line number, in the stream, of the event's first line (or of its blank line). */
  line: number;
  /** 0-based position of the event in the stream. */
  number: number;
}
