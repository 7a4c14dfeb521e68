/** What was wrong with a request to the encoder. */
export type CodecErrorCode = "invalid-completion" | "invalid-fragments" | "unknown-dialect";

/**
 * The one error `@tapedeck/codec` throws; merging never throws (bad chunks
 * become diagnostics), encoding throws this for input it cannot encode.
 *
 * @example
 * ```ts
 * try { splitCompletion(completion, { fragment: () => ["oops"] }); }
 * catch (error) { if (error instanceof CodecError) console.error(error.code, error.path); }
 * ```
 */
export class CodecError extends Error {
  override readonly name = "CodecError";
  readonly code: CodecErrorCode;
  /** Where in the input, e.g. `choices[0].message.tool_calls[1].function.arguments`. */
  readonly path: string | undefined;

  constructor(code: CodecErrorCode, message: string, path?: string) {
    super(path === undefined ? message : `${path}: ${message}`);
    this.code = code;
    this.path = path;
  }
}
