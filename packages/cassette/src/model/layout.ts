/** The Go library whose YAML output a cassette follows. */
export type YamlWriter = "go-yaml" | "goccy";

/**
 * The document-level layout of a cassette: all `serializeCassette` needs,
 * besides the values, to write the bytes Go would write.
 */
export interface CassetteLayout {
  writer: YamlWriter;
  /** Spaces per indentation level. */
  indent: number;
  /** Whether a sequence under a key starts two columns left of the key's children (`- ` in the indentation). */
  compactSequences: boolean;
}

/** The names of the layouts Go's writers produce (see docs/cassette-format.md). */
export type CassetteLayoutName = "A" | "B" | "C" | "D" | "goccy";

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
 * serializeCassette({ ...cassette, layout: cassetteLayouts.C });
 * ```
 */
export const cassetteLayouts: Readonly<Record<CassetteLayoutName, Readonly<CassetteLayout>>> = {
  A: { writer: "go-yaml", indent: 2, compactSequences: true },
  B: { writer: "go-yaml", indent: 4, compactSequences: true },
  C: { writer: "go-yaml", indent: 4, compactSequences: false },
  D: { writer: "go-yaml", indent: 2, compactSequences: false },
  goccy: { writer: "goccy", indent: 2, compactSequences: true },
};

/** go-vcr's own default layout, used for new cassettes. */
export const defaultCassetteLayout: Readonly<CassetteLayout> = cassetteLayouts.C;

/**
 * The name of a layout, or `undefined` when it is none of Go's five.
 *
 * @example
 * ```ts
 * layoutName(parseCassette(text).layout); // "B"
 * ```
 */
export function layoutName(layout: CassetteLayout): CassetteLayoutName | undefined {
  for (const [name, known] of Object.entries(cassetteLayouts)) {
    if (
      known.writer === layout.writer &&
      known.indent === layout.indent &&
      known.compactSequences === layout.compactSequences
    ) {
      return name as CassetteLayoutName;
    }
  }
  return undefined;
}
