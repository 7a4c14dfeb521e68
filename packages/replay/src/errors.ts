/** Why a replay could not answer. */
export type ReplayErrorCode =
  /** No unused recorded interaction matches the request. */
  | "no-match"
  /** The `redact` hook leaves the request out of every cassette (it returned `null`), so nothing can answer it. */
  | "dropped"
  /** The cassettes given are not cassettes. */
  | "invalid-cassette"
  /**
   * The matched interaction holds a response the transport cannot carry: a
   * status code a `Response` refuses (outside 200-599) or Node's server refuses
   * (outside 100-999), a status text or header with a line break or control
   * character, a stream body that cannot be read.
   */
  | "invalid-recording"
  /** A recording could not be written. */
  | "record-failed"
  /** The replay server could not listen: the port is in use, or not one this user may take. */
  | "listen-failed";

/** One way a request differs from a recorded one. */
export interface RequestDifference {
  /** `method`, `url`, `headers.<name>` or `body.<path>`. */
  path: string;
  recorded: unknown;
  sent: unknown;
}

/**
 * The one error `@tapedeck/replay` throws. For `no-match` it names the nearest
 * recorded interaction and lists how the request differs from it.
 *
 * @example
 * ```ts
 * try { await replayFetch(url, init); }
 * catch (error) {
 *   if (error instanceof ReplayError && error.code === "no-match") console.error(error.differences);
 * }
 * ```
 */
export class ReplayError extends Error {
  override readonly name = "ReplayError";
  readonly code: ReplayErrorCode;
  /** The nearest interaction's id (for `no-match`), or the one at fault (for `invalid-recording`). */
  readonly nearest: number | undefined;
  readonly differences: RequestDifference[];

  constructor(code: ReplayErrorCode, message: string, details: { nearest?: number; differences?: RequestDifference[]; cause?: unknown } = {}) {
    super(message, { cause: details.cause });
    this.code = code;
    this.nearest = details.nearest;
    this.differences = details.differences ?? [];
  }
}
