/** What is wrong with a cassette. */
export type CassetteErrorCode =
  /** The text is not YAML (syntax error, bad indentation, tab, unterminated quote...). */
  | "invalid-yaml"
  /** The same key twice in one mapping. */
  | "duplicate-key"
  /** More alias expansions than the `maxAliasCount` option allows (an alias bomb). */
  | "alias-limit"
  /** The input is larger than the `maxInputLength` option allows. */
  | "too-large"
  /** The bytes are not valid UTF-8 (a YAML file must be). */
  | "invalid-utf8"
  /** A `!!binary` value is not base64. */
  | "invalid-binary"
  /** `version` is not 2. */
  | "unsupported-version"
  /** A field go-vcr needs is absent. */
  | "missing-field"
  /** A field has the wrong YAML type. */
  | "wrong-type"
  /** A field has the right type but a value Go cannot read into it: a duration `time.ParseDuration` refuses. */
  | "invalid-value"
  /** A tag go-yaml does not read (`!custom`); it would be lost. */
  | "unsupported-tag"
  /** A `data:` payload of an event stream is not JSON. */
  | "invalid-json"
  /** The YAML nests deeper than tapedeck's reader goes. */
  | "too-deep"
  /** Another live process holds the cassette's lock: it is recording the same file. */
  | "locked"
  /** The file could not be read or written. */
  | "io";

/** Where in which file a problem is. Lines and columns are 1-based. */
export interface CassettePosition {
  source?: string;
  line?: number;
  column?: number;
}

/**
 * The one error `@tapedeck/cassette` throws: a `code`, the file, line and column
 * (1-based) and a message that says what was expected.
 *
 * @example
 * ```ts
 * try { parseCassette(text, { source: "a.yaml" }); }
 * catch (error) {
 *   if (error instanceof CassetteError) console.error(error.format()); // a.yaml:3:5: wrong-type: ...
 * }
 * ```
 */
export class CassetteError extends Error {
  override readonly name = "CassetteError";
  readonly code: CassetteErrorCode;
  readonly source: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The message without the position. */
  readonly detail: string;

  constructor(code: CassetteErrorCode, detail: string, position: CassettePosition = {}, options?: { cause?: unknown }) {
    super(`${formatPosition(position)}${detail}`, options);
    this.code = code;
    this.detail = detail;
    this.source = position.source;
    this.line = position.line;
    this.column = position.column;
  }

  /** `path:line:column: code: message`, the form compilers and editors understand. */
  format(): string {
    const where = [this.source ?? "<input>", this.line ?? 1, this.column ?? 1].join(":");
    return `${where}: ${this.code}: ${this.detail}`;
  }
}

function formatPosition({ source, line, column }: CassettePosition): string {
  if (source === undefined && line === undefined) return "";
  return `${[source ?? "<input>", line, column].filter((part) => part !== undefined).join(":")}: `;
}
