/** What was wrong with a request to the codec. */
export type CodecErrorCode =
  /** The object to split is not what its dialect merges into. */
  | "invalid-merged"
  /** A fragment function returned pieces that do not join back to the text. */
  | "invalid-fragments"
  /** A dialect, host or framing name the codec does not know. */
  | "unknown-dialect"
  /** A residual that does not belong to this object (its text was edited, or it is another stream's). */
  | "residual-mismatch";

/**
 * The one error `@tapedeck/codec` throws. Merging never throws for what a
 * stream holds (odd data becomes a diagnostic); splitting throws this for input
 * it cannot split.
 *
 * @example
 * ```ts
 * try { anthropic.split(message, { residual }); }
 * catch (error) { if (error instanceof CodecError) console.error(error.code, error.path); }
 * ```
 */
export class CodecError extends Error {
  override readonly name = "CodecError";
  readonly code: CodecErrorCode;
  /** Where in the input, e.g. `content[1].input`. */
  readonly path: string | undefined;

  constructor(code: CodecErrorCode, message: string, path?: string) {
    super(path === undefined ? message : `${path}: ${message}`);
    this.code = code;
    this.path = path;
  }
}
