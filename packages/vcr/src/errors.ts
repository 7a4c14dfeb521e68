/** What went wrong with a cassette in a test. */
export type VcrErrorCode =
  /** `replay` mode and no cassette at the path: nothing to replay. */
  | "missing-cassette"
  /** A request no recorded interaction matches (in `replay` mode). */
  | "no-match"
  /** A recorded interaction cannot be sent (a header HTTP cannot carry...). */
  | "invalid-recording"
  /** Recorded interactions no request used, with the unused-interaction check on. */
  | "unused-interactions"
  /** `TAPEDECK_MODE` or the `mode` option is not a mode. */
  | "invalid-mode"
  /** A cassette was started while another one is still in use. */
  | "busy"
  /** Recording failed: the upstream request, or writing the cassette. */
  | "record-failed";

/**
 * The one error `@tapedeck/vcr` throws: a `code`, the cassette's path and a
 * message that says what to do.
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

  constructor(code: VcrErrorCode, message: string, options: { cassette?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.cassette = options.cassette;
  }
}
