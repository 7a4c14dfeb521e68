/** What went wrong while reading an event stream. */
export type EventStreamErrorCode =
  /** A line longer than the `maxLineLength` option allows. */
  | "line-too-long"
  /** Bytes that are not UTF-8 (the stream reader decodes strictly: nothing becomes U+FFFD unsaid). */
  | "invalid-utf8";

/**
 * The one error the event-stream reader throws, with the line it was reading.
 *
 * @example
 * ```ts
 * try { parseEventStream(text, { maxLineLength: 1024 }); }
 * catch (error) { if (error instanceof EventStreamError) console.log(error.code, error.line); }
 * ```
 */
export class EventStreamError extends Error {
  override readonly name = "EventStreamError";
  readonly code: EventStreamErrorCode;
  /** 1-based line number in the stream. */
  readonly line: number;

  constructor(code: EventStreamErrorCode, message: string, line: number) {
    super(`line ${line}: ${message}`);
    this.code = code;
    this.line = line;
  }
}
