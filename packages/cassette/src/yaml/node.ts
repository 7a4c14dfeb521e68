/**
 * A YAML document as both readers give it (tapedeck's own reader of what Go
 * writes, and the `yaml` library for the rest): scalars keep their text and
 * style, so that values are resolved the way go-yaml resolves them, and every
 * node knows where it starts, for errors.
 */
export type YamlNode = YamlScalar | YamlMap | YamlSeq;

/** How a scalar was written. */
export type YamlScalarStyle = "plain" | "single" | "double" | "literal" | "folded";

export interface YamlScalar {
  kind: "scalar";
  style: YamlScalarStyle;
  /** The scalar's content: quotes, escapes, block indentation and chomping already applied. */
  text: string;
  /** The tag written before it (`!!binary`, `!!str`...), if any. */
  tag?: string;
  /** Offset in the source where the scalar starts, and where it ends. */
  offset: number;
  end: number;
}

export interface YamlMap {
  kind: "map";
  entries: Array<{ key: YamlNode; value: YamlNode }>;
  offset: number;
  flow: boolean;
}

export interface YamlSeq {
  kind: "seq";
  items: YamlNode[];
  offset: number;
  flow: boolean;
  /** How many items were handed over as they were read instead of kept in `items` (`readBlockYaml`'s `StreamedSequence`). */
  streamed?: number;
}

/** A null value where a document says nothing (`key:` with no value). */
export function emptyScalar(offset: number): YamlScalar {
  return { kind: "scalar", style: "plain", text: "", offset, end: offset };
}
