/** How a scalar is written. */
export type ScalarStyle = "plain" | "single" | "double" | "literal";

/** Writes scalars the way one Go library does. */
export interface ScalarWriter {
  /** The style the library picks for a string value (`simpleKey`: the string is a mapping key). */
  style(value: string, simpleKey: boolean): ScalarStyle;
  /**
   * The text of a string after `key: ` or `- `. Block scalars span lines: they
   * end with a line break; other styles do not.
   * @param textIndent column of a block scalar's text (and of text after a line separator)
   * @param parentIndent column a block scalar's indentation digit counts from: its key's, or its sequence dash's
   */
  render(value: string, simpleKey: boolean, textIndent: number, parentIndent?: number): string;
  /** Column of a block scalar's text for a value of a key at `keyIndent`. */
  blockIndent(keyIndent: number, childIndent: number): number;
  /** Orders the keys of a Go map. */
  compareKeys(left: string, right: string): number;
  /** Whether a Go `time.Duration` is written without the string rules. */
  verbatimDurations: boolean;
}
