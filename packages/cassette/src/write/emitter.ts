import type { CassetteLayout } from "../model/layout.js";
import { createGoccyScalarWriter } from "./goccy-scalar.js";
import { createGoYamlScalarWriter } from "./go-yaml-scalar.js";
import type { ScalarWriter } from "./scalar-style.js";

/** An ordered mapping: a Go struct (fields in order) or a Go map (keys sorted by the writer). */
export class YamlMapping {
  constructor(readonly entries: Array<[string, YamlValue]>) {}
}

/** Text written as is: goccy writes a `time.Duration` without quoting rules. */
export class Verbatim {
  constructor(readonly text: string) {}
}

export type YamlValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | Uint8Array
  | Verbatim
  | YamlMapping
  | YamlValue[];

/**
 * Lays out a YAML document as Go's writers do: block mappings and sequences,
 * go-yaml's indentation rule (`yaml_emitter_increase_indent`: a nested block
 * goes to the next multiple of the base indent strictly above its parent;
 * a sequence under a key two columns less in compact mode), flow `{}`/`[]` for
 * empty collections, and unlimited line width.
 */
export class GoYamlEmitter {
  // Appended to, not joined: V8 keeps the pieces as a rope. Every `chunkLength` characters the rope is made one
  // string (`chunks`): a string that long is born where the garbage collector never copies it, and the pieces die
  // young. Left as one rope, the pieces of a large cassette (its bodies, indented) were all copied twice by the
  // collector before the document was done: a third of a save's time.
  private out = "";
  private readonly chunks: string[] = [];
  private readonly scalars: ScalarWriter;

  constructor(private readonly layout: CassetteLayout) {
    this.scalars =
      layout.writer === "goccy" ? createGoccyScalarWriter() : createGoYamlScalarWriter(layout.indent, { plainMergeValues: !layout.compactSequences });
  }

  /** The writer's key order for Go maps. */
  get compareKeys(): (left: string, right: string) => number {
    return this.scalars.compareKeys;
  }

  get verbatimDurations(): boolean {
    return this.scalars.verbatimDurations;
  }

  document(root: YamlMapping): string {
    this.out += "---\n";
    if (root.entries.length === 0) this.out += "{}\n";
    else this.mapping(root, 0, false);
    // A rope of the chunks: whoever reads it flattens it once.
    let document = "";
    for (const chunk of this.chunks) document += chunk;
    return document + this.out;
  }

  private childIndent(indent: number): number {
    const base = this.layout.indent;
    return base * Math.floor((indent + base) / base);
  }

  private mapping(mapping: YamlMapping, indent: number, inline: boolean): void {
    const pad = " ".repeat(indent);
    mapping.entries.forEach(([key, value], index) => {
      if (!(inline && index === 0)) this.out += pad;
      if (this.layout.writer === "go-yaml" && isComplexKey(key)) {
        // `? key` with its text one level in, then `:` and the value; a sequence starts on the `:` line, as go-yaml writes it.
        this.out += "? ";
        this.scalar(key, this.childIndent(indent), false);
        this.out += `${pad}:`;
        if (Array.isArray(value) && value.length > 0) {
          // In compact layouts go-yaml would put the items at the key's own column, which no reader takes after `:`: one level in instead.
          const column = Math.max(this.childIndent(indent) - (this.layout.compactSequences ? 2 : 0), indent + 2);
          this.out += " ".repeat(column - indent - 1);
          this.sequence(value, column, true);
          return;
        }
      } else {
        this.out += `${this.scalars.render(key, true, indent)}:`;
      }
      this.value(value, indent);
    });
  }

  private value(value: YamlValue, indent: number): void {
    if (value instanceof YamlMapping) {
      if (value.entries.length === 0) this.out += " {}\n";
      else {
        this.out += "\n";
        this.mapping(value, this.childIndent(indent), false);
      }
    } else if (Array.isArray(value)) {
      if (value.length === 0) this.out += " []\n";
      else {
        this.out += "\n";
        this.sequence(value, this.childIndent(indent) - (this.layout.compactSequences ? 2 : 0), false);
      }
    } else {
      this.out += " ";
      this.scalar(value, this.scalars.blockIndent(indent, this.childIndent(indent)), false);
    }
  }

  private sequence(items: YamlValue[], column: number, inline: boolean): void {
    const pad = " ".repeat(column);
    items.forEach((item, index) => {
      if (!(inline && index === 0)) this.out += pad;
      this.out += "- ";
      if (item instanceof YamlMapping && item.entries.length > 0) this.mapping(item, column + 2, true);
      else if (Array.isArray(item) && item.length > 0) this.sequence(item, column + 2, true);
      else if (item instanceof YamlMapping) this.out += "{}\n";
      else if (Array.isArray(item)) this.out += "[]\n";
      else this.scalar(item, column + 2, false, column);
    });
  }

  private scalar(value: Exclude<YamlValue, YamlMapping | YamlValue[]>, textIndent: number, simpleKey: boolean, parentIndent?: number): void {
    const text = this.scalarText(value, textIndent, simpleKey, parentIndent);
    this.out += text;
    const last = text.charCodeAt(text.length - 1);
    if (last !== 10 && last !== 0x2028 && last !== 0x2029) this.out += "\n";
    if (this.out.length >= chunkLength) {
      // Reading a character of a rope makes V8 flatten it into one string.
      this.out.charCodeAt(0);
      this.chunks.push(this.out);
      this.out = "";
    }
  }

  private scalarText(value: Exclude<YamlValue, YamlMapping | YamlValue[]>, textIndent: number, simpleKey: boolean, parentIndent?: number): string {
    if (typeof value === "string") return this.scalars.render(value, simpleKey, textIndent, parentIndent);
    if (value === null) return "null";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number") return formatGoNumber(value);
    if (value instanceof Verbatim) return value.text;
    return binary(value, textIndent);
  }
}

/** The characters of a document made one string at a time: past 128 KiB (V8's large objects), far below the young generation's size. */
const chunkLength = 1 << 20;

/** A key go-yaml writes as `? key`: longer than 128 bytes, or holding a line break (goccy writes every key on its line). */
function isComplexKey(key: string): boolean {
  // A UTF-16 unit is at most three UTF-8 bytes: short keys need no encoding.
  if (key.length > 42 && new TextEncoder().encode(key).length > 128) return true;
  return /[\n\r\u0085\u2028\u2029]/.test(key);
}

/** go-yaml's `!!binary`: padded base64, cut into 70-character lines in a literal block when long. */
function binary(bytes: Uint8Array, textIndent: number): string {
  let text = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  const encoded = btoa(text);
  if (encoded.length < 70) return `!!binary ${encoded}`;
  const pad = " ".repeat(textIndent);
  let block = "!!binary |\n";
  for (let index = 0; index < encoded.length; index += 70) block += `${pad}${encoded.slice(index, index + 70)}\n`;
  return block;
}

/** A number as Go writes an `int` or a `float64` (`strconv.FormatFloat(f, 'g', -1, 64)`). */
export function formatGoNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
  if (Number.isNaN(value)) return ".nan";
  if (value === Number.POSITIVE_INFINITY) return ".inf";
  if (value === Number.NEGATIVE_INFINITY) return "-.inf";
  const [mantissa, exponentText] = value.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return String(value);
}
