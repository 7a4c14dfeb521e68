/** What codegen refused to do. */
export type CodegenErrorCode =
  /**
   * The output folder is not one codegen may write into: a file, a dangling
   * link, the file-system root, the home directory, or the working directory
   * or one of its ancestors.
   */
  | "unsafe-out"
  /**
   * A file codegen would write or remove is not its own: it exists without
   * codegen's header, or it (or its folder) is a link to somewhere outside the
   * output folder.
   */
  | "not-generated"
  /** The cassettes could not be read. */
  | "io";

/**
 * The one error `@tapedeck/codegen` throws for what it was asked to do (the
 * cassettes themselves fail with `@tapedeck/cassette`'s `CassetteError`): a
 * `code`, the path it is about and a message that says what to do instead.
 *
 * @example
 * ```ts
 * try { await writeTypes({ cassettes: ["test/cassettes"], out: "/" }); }
 * catch (error) {
 *   if (error instanceof CodegenError && error.code === "unsafe-out") console.error(error.message);
 * }
 * ```
 */
export class CodegenError extends Error {
  override readonly name = "CodegenError";
  readonly code: CodegenErrorCode;
  /** The file or folder the error is about. */
  readonly path: string | undefined;

  constructor(code: CodegenErrorCode, message: string, path?: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
