/** What went wrong with a cassette in a test. */
export type VcrErrorCode =
  /** A request arrived and there is no cassette to answer it (`replay`). */
  | "missing-cassette"
  /** A request no recorded interaction matches (in `replay` and `once`). */
  | "no-match"
  /** A recorded interaction cannot be sent (a header HTTP cannot carry...). */
  | "invalid-recording"
  /** Recorded interactions no request used (`unused: "fail"`). */
  | "unused-interactions"
  /** A request reached the network past the interception while a cassette was in use: it was neither replayed nor recorded. */
  | "network-bypass"
  /** `TAPEDECK_MODE` or the `mode` option is not a mode. */
  | "invalid-mode"
  /** A chain of redirects went past fetch's limit of 20 (a loop): the request failed as fetch fails it, and nothing more was recorded. */
  | "redirect-loop"
  /** Another process is recording the same cassette (it holds the cassette's lock file). */
  | "locked"
  /** Recording failed: the upstream request, or writing the cassette. */
  | "record-failed";

/**
 * The one error `@tapedeck/vcr` throws: a `code`, the cassette's path and a
 * message that says what to do. When a test had several problems, `problems`
 * holds each (the message lists them all). Its stack is its message alone:
 * the frames would be the interceptors', not the test's.
 *
 * @example
 * ```ts
 * try { await cassette.stop(); }
 * catch (error) {
 *   if (error instanceof VcrError && error.code === "no-match") console.error(error.message);
 * }
 * ```
 */
export class VcrError extends Error {
  override readonly name = "VcrError";
  readonly code: VcrErrorCode;
  /** The cassette file the error is about. */
  readonly cassette: string | undefined;
  /** Every problem, this one first. */
  readonly problems: readonly VcrError[];

  constructor(code: VcrErrorCode, message: string, options: { cassette?: string; cause?: unknown; problems?: readonly VcrError[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.cassette = options.cassette;
    this.problems = options.problems ?? [this];
    this.stack = `${this.name}: ${message}`;
  }
}
