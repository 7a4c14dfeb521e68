import { CassetteError, type CassetteErrorCode } from "../errors.js";
import type { Cassette, Interaction, UnknownFields } from "../model/cassette.js";
import { binaryValuePath } from "../model/binary-values.js";
import { isGoDuration } from "../model/duration.js";
import { type FieldSpec, interactionFields, requestFields, responseFields } from "../model/fields.js";
import type { YamlMap, YamlNode, YamlScalar } from "../yaml/node.js";
import { type GoScalar, goBool, goBoolWord, goIntegerOf, isNullWord, resolvePlain } from "../yaml/resolve.js";
import { recordPosition } from "./positions.js";
import type { ReadingNote, ReadingNoteCode } from "./reading-notes.js";

/** Turns an offset into a line and column, only when an error needs one. */
export type Locate = (offset: number) => { line: number; column: number };

/**
 * Reads a YAML document into a cassette as go-vcr's structs would take it
 * from go-yaml: each field by its Go type (a plain `200` is the string "200"
 * in a string field, `2.0` the integer 2 in an int field, `yes` true in a bool
 * field), integers exact (a `bigint` past 2^53), null as the zero value, keys
 * that are the same string to Go (`true` and `"true"`) as duplicates. What Go
 * reads, this reads, keeping the value: a status code of 0 or 1000 is kept (a
 * judgement for `tapedeck check`, and an error where it is used); only a
 * duration Go's `time.ParseDuration` refuses is an error, at its position, as
 * it is for Go. Keys go-vcr does not define are kept, in order, in
 * `unknownFields`.
 */
export function buildCassette(root: YamlNode | undefined, locate: Locate, source: string | undefined, positions = false): { cassette: Omit<Cassette, "layout">; notes: ReadingNote[] } {
  const builder = new CassetteBuilder(locate, source, positions);
  return { cassette: builder.cassette(root), notes: builder.notes };
}

/**
 * {@link buildCassette} a part at a time: `interaction` for each item of a
 * streamed `interactions` sequence as it is read, then `cassette` with the
 * root and those interactions. The result and the notes, in their order, are
 * those of `buildCassette`.
 */
export class CassetteBuilder {
  /** Where the request or response being read keeps its non-UTF-8 string values: `null` until one is met, `undefined` where none may be. */
  private binaryValues: Map<string, Uint8Array> | null | undefined;
  constructor(
    private readonly locate: Locate,
    private readonly source: string | undefined,
    /** Whether to record where fields start (`parseCassette`'s `positions`). */
    private readonly positions: boolean,
  ) {}

  /** What Go's reading changed or ignored, for `checkCassette`. */
  readonly notes: ReadingNote[] = [];
  /** Structs that were absent (or null), read as zero values: their fields are not noted one by one. */
  private readonly absent = new WeakSet<YamlMap>();

  cassette(root: YamlNode | undefined, streamed: Interaction[] = []): Omit<Cassette, "layout"> {
    // Notes of streamed interactions come where their items are, after the root's own.
    const streamedNotes = this.notes.splice(0);
    if (root === undefined || (root.kind === "scalar" && root.style === "plain" && isNullWord(root.text))) {
      throw this.error("missing-field", 0, "the document is empty; expected a mapping with `version: 2` and `interactions`");
    }
    const map = this.expectMap(root, "the cassette");
    const { nodes, unknown } = this.slots(map, cassetteTable);
    // go-vcr refuses any version but 2 (a missing one is 0).
    const versionNode = nodes[0];
    if (versionNode === undefined || isNull(versionNode)) throw this.error("missing-field", versionNode?.offset ?? map.offset, "missing `version`; go-vcr reads cassettes of version 2");
    const version = this.integer(versionNode, "version");
    if (version !== 2) throw this.error("unsupported-version", versionNode.offset, `version is ${version}; tapedeck reads go-vcr cassettes of version 2`);
    const interactionsNode = this.present(nodes[1], "interactions", map);
    if (interactionsNode !== undefined && interactionsNode.kind !== "seq") {
      throw this.error("wrong-type", interactionsNode.offset, `interactions must be a sequence, found ${describe(interactionsNode)}`);
    }
    let interactions: Interaction[] = [];
    if (interactionsNode?.streamed !== undefined) {
      interactions = streamed;
      for (const note of streamedNotes) this.notes.push(note);
    } else if (interactionsNode !== undefined) interactions = interactionsNode.items.map((item) => this.interaction(item));
    const cassette: Omit<Cassette, "layout"> = { version: 2, interactions };
    if (unknown !== undefined) cassette.unknownFields = this.unknown(unknown);
    return cassette;
  }

  interaction(node: YamlNode): Interaction {
    // Go reads a null item as a nil *Interaction, which go-vcr then dereferences: refused here, not read.
    const map = this.expectMap(node, "an interaction");
    const slots = this.slots(map, interactionTable);
    const interaction = this.fields(slots, map, interactionTable) as unknown as Interaction;
    if (typeof (interaction.id as unknown) === "bigint") throw this.error("wrong-type", slots.nodes[interactionTable.index.get("id")!]!.offset, "id is too large for a JavaScript number");
    const requestMap = this.struct(slots.nodes[interactionTable.fields.length], "request", map);
    const responseMap = this.struct(slots.nodes[interactionTable.fields.length + 1], "response", map);
    interaction.request = this.fields(this.slots(requestMap, requestTable), requestMap, requestTable) as never;
    interaction.response = this.fields(this.slots(responseMap, responseTable), responseMap, responseTable) as never;
    if (this.positions) {
      this.record(interaction, "", map.offset);
      this.record(interaction.request, "", requestMap.offset);
      this.record(interaction.response, "", responseMap.offset);
    }
    return interaction;
  }

  /** A struct field (`request`, `response`): its mapping, or an empty one where Go reads zero values (absent or null). */
  private struct(found: YamlNode | undefined, key: string, parent: YamlMap): YamlMap {
    const node = this.present(found, key, parent);
    if (node === undefined) {
      const empty: YamlMap = { kind: "map", entries: [], offset: parent.offset, flow: true };
      this.absent.add(empty);
      return empty;
    }
    return this.expectMap(node, key);
  }

  /** A key's value, `undefined` (with a note) where it is absent or null: Go reads the zero value. */
  private present(node: YamlNode | undefined, key: string, parent: YamlMap): YamlNode | undefined {
    if (node !== undefined && !isNull(node)) return node;
    this.note("missing-field", node?.offset ?? parent.offset, node === undefined ? `no \`${key}\`: Go reads its zero value` : `\`${key}\` is null: Go reads its zero value`);
    return undefined;
  }

  private note(code: ReadingNoteCode, offset: number, message: string): void {
    this.notes.push({ code, message, position: { ...(this.source === undefined ? {} : { source: this.source }), ...this.locate(offset) } });
  }

  /**
   * A struct's mapping sorted into its table's slots in one pass (each key
   * hashed once): the value of each known key at its index, the other keys in
   * order. A key given twice is refused, as Go refuses it.
   */
  private slots(map: YamlMap, table: FieldTable): Slots {
    const nodes: Array<YamlNode | undefined> = new Array(table.size);
    let unknown: Map<string, YamlNode> | undefined;
    for (const { key, value } of map.entries) {
      const name = this.keyText(key);
      const index = table.index.get(name);
      if (index !== undefined) {
        if (nodes[index] !== undefined) throw this.duplicate(key, name);
        nodes[index] = value;
        continue;
      }
      unknown ??= new Map();
      const size = unknown.size;
      unknown.set(name, value);
      if (unknown.size === size) throw this.duplicate(key, name);
    }
    return { nodes, unknown };
  }

  private duplicate(key: YamlNode, name: string): CassetteError {
    return this.error("duplicate-key", key.offset, `the key ${JSON.stringify(name)} is given twice in one mapping; map keys must be unique`);
  }

  private fields({ nodes, unknown }: Slots, map: YamlMap, table: FieldTable): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const fields = table.fields;
    const outer = this.binaryValues;
    this.binaryValues = fields === interactionFields ? undefined : null;
    for (let index = 0; index < fields.length; index += 1) {
      const field = fields[index]!;
      const node = nodes[index];
      if (node === undefined || isNull(node)) {
        // go-yaml reads an absent or null field as its zero value; one go-vcr always writes is noted.
        if (field.written) {
          if (!this.absent.has(map)) this.note("missing-field", node?.offset ?? map.offset, node === undefined ? `no \`${field.key}\`: Go reads ${zeroText(field)}` : `\`${field.key}\` is null: Go reads ${zeroText(field)}`);
          result[field.property] = field.kind === "int" ? 0 : "";
        }
        continue;
      }
      result[field.property] = this.field(node, field);
      if (this.positions) this.record(result, field.property, node.offset);
    }
    const binaryValues = this.binaryValues;
    this.binaryValues = outer;
    if (binaryValues) result.binaryValues = binaryValues;
    if (unknown !== undefined) result.unknownFields = this.unknown(unknown);
    return result;
  }

  private field(node: YamlNode, field: FieldSpec): unknown {
    switch (field.kind) {
      case "int":
        return this.integer(node, field.key);
      case "bool": {
        const scalar = this.expectScalar(node, field.key, "a boolean (true or false)");
        // yaml.v3 takes a YAML boolean, and into a Go bool also the YAML 1.1 words (yes, on, n...), quoted or not.
        const value = scalar.tag === undefined || scalar.tag === "!!bool" || scalar.tag === "!!str" ? (scalar.style === "plain" && scalar.tag !== "!!str" ? goBool(scalar.text) : goBoolWord(scalar.text)) : undefined;
        if (value === undefined) throw this.error("wrong-type", node.offset, `${field.key} must be a boolean (true or false), found ${describe(node)}`);
        return value;
      }
      case "string":
        return this.string(node, field.key, [field.property]);
      case "duration": {
        const value = this.string(node, field.key);
        if (!isGoDuration(value)) throw this.error("invalid-value", node.offset, `${field.key} is ${JSON.stringify(value)}, not a Go duration (e.g. "1.5s", "662.265667ms")`);
        return value;
      }
      case "body":
        return this.body(node, field.key);
      case "strings":
        return this.strings(node, field.key, [field.property]);
      case "header-map":
        return this.headerMap(node, field.key, field.property);
    }
  }

  private integer(node: YamlNode, key: string): number | bigint {
    const scalar = this.expectScalar(node, key, "an integer");
    const resolved = scalar.style === "plain" ? resolvePlain(scalar.text) : undefined;
    const value = resolved !== undefined && (scalar.tag === undefined || scalar.tag === "!!int" || scalar.tag === "!!float") ? goIntegerOf(resolved) : undefined;
    if (value === undefined) {
      const shown = resolved !== undefined && (resolved.kind === "float" || resolved.kind === "int") ? String(resolved.value) : undefined;
      throw this.error("wrong-type", node.offset, `${key} must be an integer, found ${shown ?? describe(node)}`);
    }
    if (resolved!.kind === "float" && !Number.isInteger(resolved!.value)) this.note("dropped-fraction", node.offset, `${key} is ${scalar.text}: Go reads ${String(value)}, dropping the fraction`);
    return value;
  }

  /**
   * A Go string field: any scalar's text (a plain `200` is "200"), bytes of
   * `!!binary` as text when they are UTF-8; bytes that are not are decoded
   * with U+FFFD and kept, at `path`, in the `binaryValues` being collected.
   */
  private string(node: YamlNode, key: string, path?: readonly (string | number)[]): string {
    const scalar = this.expectScalar(node, key, "a string");
    if (scalar.tag === "!!binary") {
      const bytes = this.binary(scalar, key);
      const text = utf8(bytes);
      if (text !== undefined) return text;
      if (this.binaryValues === undefined || path === undefined) throw this.error("wrong-type", node.offset, `${key} holds bytes that are not UTF-8 (!!binary), where tapedeck keeps only text`);
      this.binaryValues ??= new Map();
      this.binaryValues.set(binaryValuePath(path), bytes);
      return lossyText.decode(bytes);
    }
    return scalar.text;
  }

  private body(node: YamlNode, key: string): string | Uint8Array {
    if (node.kind === "scalar" && node.tag === "!!binary") {
      const bytes = this.binary(node, key);
      // As go-yaml: bytes that are UTF-8 are a string; only the rest stays bytes.
      return utf8(bytes) ?? bytes;
    }
    if (node.kind !== "scalar") throw this.error("wrong-type", node.offset, `${key} must be a string or !!binary bytes, found ${describe(node)}`);
    return node.text;
  }

  private binary(scalar: YamlScalar, key: string): Uint8Array {
    const encoded = scalar.text.replace(/\s+/g, "");
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(encoded)) {
      throw this.error("invalid-binary", scalar.offset, `${key} is tagged !!binary but does not hold padded base64`);
    }
    const decoded = atob(encoded);
    const bytes = new Uint8Array(decoded.length);
    for (let index = 0; index < decoded.length; index += 1) bytes[index] = decoded.charCodeAt(index);
    return bytes;
  }

  private strings(node: YamlNode, key: string, path: readonly (string | number)[]): string[] {
    if (node.kind !== "seq") throw this.error("wrong-type", node.offset, `${key} must be a sequence of strings, found ${describe(node)}`);
    const items = node.items;
    const result = new Array<string>(items.length);
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index]!;
      // The usual item, a scalar without a tag, is its text; the rest (and the names errors need) the long way.
      result[index] = item.kind === "scalar" && item.tag === undefined ? item.text : this.string(item, `an item of ${key}`, [...path, index]);
    }
    return result;
  }

  private headerMap(node: YamlNode, key: string, property: string): Record<string, string[]> {
    if (node.kind !== "map") throw this.error("wrong-type", node.offset, `${key} must be a mapping from names to lists of strings, found ${describe(node)}`);
    const result: Record<string, string[]> = Object.create(null);
    for (const entry of node.entries) {
      const name = this.keyText(entry.key);
      if (name in result) throw this.duplicate(entry.key, name);
      const value = entry.value;
      result[name] = isNull(value) ? [] : value.kind === "seq" && value.items.every(plainItem) ? value.items.map(itemText) : this.strings(value, `${key}.${name}`, [property, name]);
    }
    return result;
  }

  /** Keys go-vcr does not define, as go-yaml reads them into an `interface{}`. */
  private unknown(entries: Map<string, YamlNode>): UnknownFields {
    const result: UnknownFields = new Map();
    for (const [name, value] of entries) result.set(name, this.anyValue(value));
    return result;
  }

  /** Any value as go-yaml reads it into an `interface{}`, mappings as ordered `Map`s. */
  private anyValue(node: YamlNode): unknown {
    if (node.kind === "seq") return node.items.map((item) => this.anyValue(item));
    if (node.kind === "map") {
      // One map, not the entries' and then this one: each key is hashed once.
      const result = new Map<string, unknown>();
      for (const { key, value } of node.entries) {
        const name = this.keyText(key);
        const size = result.size;
        result.set(name, this.anyValue(value));
        if (result.size === size) throw this.duplicate(key, name);
      }
      return result;
    }
    if (node.tag === "!!binary") return this.body(node, "a value");
    if (node.style !== "plain" || node.tag === "!!str") return node.text;
    const resolved: GoScalar = resolvePlain(node.text);
    return resolved.kind === "timestamp" || resolved.kind === "merge" ? node.text : resolved.value;
  }

  private keyText(key: YamlNode): string {
    if (key.kind !== "scalar") throw this.error("wrong-type", key.offset, `a mapping key must be a string, found ${describe(key)}`);
    if (key.tag === "!!binary") {
      // Go decodes the bytes into the string key; tapedeck keeps keys as text, so only UTF-8 bytes.
      const text = utf8(this.binary(key, "a mapping key"));
      if (text === undefined) throw this.error("wrong-type", key.offset, "a mapping key holds !!binary bytes that are not UTF-8; tapedeck keeps bytes only in values");
      return text;
    }
    return key.text;
  }

  private expectMap(node: YamlNode, what: string): YamlMap {
    if (node.kind !== "map") throw this.error("wrong-type", node.offset, `${what} must be a mapping, found ${describe(node)}`);
    return node;
  }

  private expectScalar(node: YamlNode, key: string, expected: string): YamlScalar {
    if (node.kind !== "scalar") throw this.error("wrong-type", node.offset, `${key} must be ${expected}, found ${describe(node)}`);
    return node;
  }

  private record(value: object, field: string, offset: number): void {
    recordPosition(value, field, { ...(this.source === undefined ? {} : { source: this.source }), ...this.locate(offset) });
  }

  private error(code: CassetteErrorCode, offset: number, message: string): CassetteError {
    return new CassetteError(code, message, { source: this.source, ...this.locate(offset) });
  }
}

/** A sequence item read as its text, with nothing to check: a scalar without a tag. */
const plainItem = (item: YamlNode): boolean => item.kind === "scalar" && item.tag === undefined;
const itemText = (item: YamlNode): string => (item as YamlScalar).text;

function isNull(node: YamlNode): boolean {
  return node.kind === "scalar" && node.style === "plain" && node.tag === undefined && isNullWord(node.text);
}

/** A struct's keys: its field table's, at their indexes, then the keys read apart from it (`request`, `response`). */
interface FieldTable {
  fields: readonly FieldSpec[];
  index: ReadonlyMap<string, number>;
  size: number;
}

/** A struct's mapping sorted by {@link FieldTable}: each known key's value at its index, the rest in order. */
interface Slots {
  nodes: ReadonlyArray<YamlNode | undefined>;
  unknown: Map<string, YamlNode> | undefined;
}

function fieldTable(fields: readonly FieldSpec[], otherKeys: readonly string[] = []): FieldTable {
  const keys = [...fields.map((field) => field.key), ...otherKeys];
  return { fields, index: new Map(keys.map((key, index) => [key, index])), size: keys.length };
}

const cassetteTable = fieldTable([], ["version", "interactions"]);
const interactionTable = fieldTable(interactionFields, ["request", "response"]);
const requestTable = fieldTable(requestFields);
const responseTable = fieldTable(responseFields);

const lossyText = new TextDecoder("utf-8", { ignoreBOM: true });

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function describe(node: YamlNode): string {
  if (node.kind === "map") return "a mapping";
  if (node.kind === "seq") return "a sequence";
  if (node.tag === "!!binary") return "!!binary bytes";
  if (node.style === "plain") {
    const resolved = resolvePlain(node.text);
    if (resolved.kind === "null") return "null";
    if (resolved.kind !== "string" && resolved.kind !== "timestamp" && resolved.kind !== "merge") return `the ${resolved.kind === "bool" ? "boolean" : "number"} ${node.text}`;
  }
  const text = node.text;
  return `the string ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`;
}

/** How Go's zero value of a field reads, for notes. */
function zeroText(field: FieldSpec): string {
  return field.kind === "int" ? "0" : '""';
}
