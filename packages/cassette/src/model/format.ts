/** The Go library whose YAML output a cassette follows. */
export type YamlWriter = "go-yaml" | "goccy";

/**
 * The document-level layout of a cassette: all `stringifyCassette` needs,
 * besides the values, to write the bytes Go would write.
 */
export interface CassetteFormat {
  writer: YamlWriter;
  /** Spaces per indentation level. */
  indent: number;
  /** Whether a sequence under a key starts two columns left of the key's children (`- ` in the indentation). */
  compactSequences: boolean;
}

/** The names of the layouts Go's writers produce (see go-vcr-format.md). */
export type CassetteDialect = "A" | "B" | "C" | "D" | "goccy";

/**
 * The five layouts Go writes cassettes in.
 * - `A`: go-yaml v4 Encoder, indent 2, compact sequences (charm.land/x/vcr)
 * - `B`: go-yaml v4 Encoder, indent 4, compact sequences
 * - `C`: plain `yaml.Marshal`, go-vcr's own default
 * - `D`: go-yaml Encoder, indent 2, indented sequences
 * - `goccy`: goccy/go-yaml (go-vcr v4.0.5)
 *
 * @example
 * ```ts
 * stringifyCassette({ ...cassette, format: cassetteDialects.C });
 * ```
 */
export const cassetteDialects: Readonly<Record<CassetteDialect, Readonly<CassetteFormat>>> = {
  A: { writer: "go-yaml", indent: 2, compactSequences: true },
  B: { writer: "go-yaml", indent: 4, compactSequences: true },
  C: { writer: "go-yaml", indent: 4, compactSequences: false },
  D: { writer: "go-yaml", indent: 2, compactSequences: false },
  goccy: { writer: "goccy", indent: 2, compactSequences: true },
};

/** go-vcr's own default layout, used for new cassettes. */
export const defaultCassetteFormat: Readonly<CassetteFormat> = cassetteDialects.C;

/**
 * The name of a format, or `undefined` when it is none of Go's five layouts.
 *
 * @example
 * ```ts
 * dialectOf(parseCassette(text).format); // "B"
 * ```
 */
export function dialectOf(format: CassetteFormat): CassetteDialect | undefined {
  for (const [name, known] of Object.entries(cassetteDialects)) {
    if (
      known.writer === format.writer &&
      known.indent === format.indent &&
      known.compactSequences === format.compactSequences
    ) {
      return name as CassetteDialect;
    }
  }
  return undefined;
}
