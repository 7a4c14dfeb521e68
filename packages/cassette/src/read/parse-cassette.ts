import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from "yaml";
import { CassetteError, type CassetteErrorCode } from "../errors.js";
import type { Cassette, Interaction } from "../model/cassette.js";
import {
  type FieldSpec,
  interactionFields,
  requestFields,
  responseFields,
} from "../model/fields.js";
import { detectLayout } from "./detect-layout.js";

/** Options of {@link parseCassette}. */
export interface ParseCassetteOptions {
  /** The file name or URL errors name. */
  source?: string;
  /** Most alias expansions accepted before `alias-limit` (an alias bomb guard). Default 100. */
  maxAliasCount?: number;
  /** Longest input accepted, in characters, before `too-large`. Default 512 MiB. */
  maxInputLength?: number;
}

const defaultMaxInputLength = 512 * 1024 * 1024;

/**
 * Reads a go-vcr cassette. The result holds every field go-vcr has, any unknown
 * key, and the document-level `layout`, so that `serializeCassette`
 * writes the same bytes back. Bad input throws a {@link CassetteError} with a
 * code, line and column.
 *
 * @example
 * ```ts
 * import { parseCassette } from "@tapedeck/cassette";
 * const cassette = parseCassette(text, { source: "fixtures/chat.yaml" });
 * for (const { request, response } of cassette.interactions) {
 *   console.log(request.method, request.url, response.code);
 * }
 * ```
 */
export function parseCassette(input: string | Uint8Array, options: ParseCassetteOptions = {}): Cassette {
  const text = typeof input === "string" ? input : decodeUtf8(input, options.source);
  const reader = new CassetteReader(text, options);
  return reader.read();
}

/** Decodes UTF-8 strictly: a cassette with invalid bytes is an error naming where, never silently mended. */
export function decodeUtf8(bytes: Uint8Array, source?: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, offset));
    const lines = before.split("\n");
    throw new CassetteError(
      "invalid-utf8",
      `byte ${offset} (0x${bytes[offset]!.toString(16).padStart(2, "0")}) is not valid UTF-8; a cassette is UTF-8 text (bytes that are not go in a !!binary body)`,
      { source, line: lines.length, column: [...lines.at(-1)!].length + 1 },
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next += 1) if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
    const slice = bytes.subarray(index, index + length);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(slice);
    } catch {
      return index;
    }
    index += length;
  }
  return bytes.length;
}

class CassetteReader {
  private readonly source: string | undefined;
  private readonly maxAliasCount: number;
  private aliasCount = 0;
  private document!: Document.Parsed;

  constructor(
    private readonly text: string,
    options: ParseCassetteOptions,
  ) {
    this.source = options.source;
    this.maxAliasCount = options.maxAliasCount ?? 100;
    const maxInputLength = options.maxInputLength ?? defaultMaxInputLength;
    if (text.length > maxInputLength) {
      throw new CassetteError(
        "too-large",
        `the input has ${text.length} characters, more than maxInputLength (${maxInputLength})`,
        { source: this.source, line: 1, column: 1 },
      );
    }
  }

  read(): Cassette {
    this.document = parseDocument(this.text, {
      uniqueKeys: true,
      schema: "core",
      prettyErrors: false,
      keepSourceTokens: false,
    });
    const [firstError] = this.document.errors;
    if (firstError !== undefined) {
      const code: CassetteErrorCode = firstError.code === "DUPLICATE_KEY" ? "duplicate-key" : "invalid-yaml";
      const message = firstError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      throw new CassetteError(code, message, this.position(firstError.pos[0]), { cause: firstError });
    }
    const root = this.document.contents;
    if (root === null || (isScalar(root) && root.value === null)) {
      throw this.error("missing-field", undefined, "the document is empty; expected a mapping with `version: 2` and `interactions`");
    }
    const map = this.expectMap(root, "the cassette");
    const versionNode = this.required(map, "version", root);
    const version = this.readInt(versionNode, "version");
    if (version !== 2) {
      throw this.error("unsupported-version", versionNode, `version is ${version}; tapedeck reads go-vcr cassettes of version 2`);
    }
    const interactionsNode = this.required(map, "interactions", root);
    const interactionsSeq = this.resolve(interactionsNode);
    if (!isSeq(interactionsSeq)) {
      throw this.error("wrong-type", interactionsNode, `interactions must be a sequence, found ${describe(interactionsSeq)}`);
    }
    const interactions = interactionsSeq.items.map((item) => this.readInteraction(item as Node));
    const cassette: Cassette = {
      version: 2,
      interactions,
      layout: detectLayout(this.document, this.text),
    };
    const unknown = this.unknownFields(map, ["version", "interactions"]);
    if (unknown !== undefined) cassette.unknownFields = unknown;
    return cassette;
  }

  private readInteraction(node: Node): Interaction {
    const map = this.expectMap(node, "an interaction");
    const interaction = this.readFields(map, node, interactionFields, ["request", "response"]) as unknown as Interaction;
    const requestNode = this.required(map, "request", node);
    const responseNode = this.required(map, "response", node);
    interaction.request = this.readFields(this.expectMap(requestNode, "request"), requestNode, requestFields) as never;
    interaction.response = this.readFields(this.expectMap(responseNode, "response"), responseNode, responseFields) as never;
    return interaction;
  }

  private readFields(
    map: YAMLMap,
    node: Node,
    fields: readonly FieldSpec[],
    otherKeys: readonly string[] = [],
  ): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const field of fields) {
      const valueNode = this.get(map, field.key);
      if (valueNode === undefined) {
        if (field.required) throw this.error("missing-field", node, `missing \`${field.key}\``);
        continue;
      }
      const resolved = this.resolve(valueNode);
      if (isScalar(resolved) && resolved.value === null) {
        // go-yaml reads null as the zero value; a field go-vcr cannot do without is still missing.
        if (field.required) throw this.error("missing-field", valueNode, `\`${field.key}\` is null; expected a value`);
        continue;
      }
      result[field.property] = this.readField(valueNode, field);
    }
    const unknown = this.unknownFields(map, [...fields.map((field) => field.key), ...otherKeys]);
    if (unknown !== undefined) result.unknownFields = unknown;
    return result;
  }

  private readField(node: Node, field: FieldSpec): unknown {
    switch (field.kind) {
      case "int":
        return this.readInt(node, field.key);
      case "bool":
        return this.readScalar(node, field.key, "boolean", "a boolean (true or false)");
      case "string":
      case "duration":
        return this.readScalar(node, field.key, "string", "a string");
      case "body":
        return this.readBody(node, field.key);
      case "strings":
        return this.readStrings(node, field.key);
      case "header-map":
        return this.readHeaderMap(node, field.key);
    }
  }

  private readBody(node: Node, key: string): string | Uint8Array {
    const resolved = this.resolve(node);
    if (isScalar(resolved) && resolved.value instanceof Uint8Array) {
      const encoded = (resolved.source ?? "").replace(/\s+/g, "");
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(encoded)) {
        throw this.error("invalid-binary", node, `${key} is tagged !!binary but does not hold padded base64`);
      }
      const bytes = resolved.value;
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.readScalar(node, key, "string", "a string or !!binary bytes") as string;
  }

  private readInt(node: Node, key: string): number {
    const value = this.readScalar(node, key, "number", "an integer");
    if (!Number.isInteger(value)) {
      throw this.error("wrong-type", node, `${key} must be an integer, found ${String(value)}`);
    }
    return value as number;
  }

  private readScalar(node: Node, key: string, type: "string" | "number" | "boolean", expected: string): unknown {
    const resolved = this.resolve(node);
    if (!isScalar(resolved) || typeof resolved.value !== type) {
      throw this.error("wrong-type", node, `${key} must be ${expected}, found ${describe(resolved)}`);
    }
    return resolved.value;
  }

  private readStrings(node: Node, key: string): string[] {
    const resolved = this.resolve(node);
    if (!isSeq(resolved)) {
      throw this.error("wrong-type", node, `${key} must be a sequence of strings, found ${describe(resolved)}`);
    }
    return resolved.items.map((item) => this.readScalar(item as Node, `an item of ${key}`, "string", "a string") as string);
  }

  private readHeaderMap(node: Node, key: string): Record<string, string[]> {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) {
      throw this.error("wrong-type", node, `${key} must be a mapping from names to lists of strings, found ${describe(resolved)}`);
    }
    const result: Record<string, string[]> = Object.create(null);
    for (const pair of resolved.items) {
      const name = this.keyText(pair);
      const value = pair.value as Node | null;
      const values = value === null || (isScalar(this.resolve(value)) && (this.resolve(value) as Scalar).value === null)
        ? []
        : this.readStrings(value, `${key}.${name}`);
      result[name] = values;
    }
    return result;
  }

  private unknownFields(map: YAMLMap, known: readonly string[]): Record<string, unknown> | undefined {
    let result: Record<string, unknown> | undefined;
    for (const pair of map.items) {
      const key = this.keyText(pair);
      if (known.includes(key)) continue;
      result ??= Object.create(null) as Record<string, unknown>;
      result[key] = this.toValue(pair.value as Node | null);
    }
    return result;
  }

  /** Any YAML value as plain data: mappings as null-prototype objects, `!!binary` as bytes. */
  private toValue(node: Node | null): unknown {
    if (node === null) return null;
    const resolved = this.resolve(node);
    if (isScalar(resolved)) {
      const value = resolved.value;
      return value instanceof Uint8Array ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value;
    }
    if (isSeq(resolved)) return resolved.items.map((item) => this.toValue(item as Node));
    if (isMap(resolved)) {
      const result: Record<string, unknown> = Object.create(null);
      for (const pair of resolved.items) result[this.keyText(pair)] = this.toValue(pair.value as Node | null);
      return result;
    }
    return null;
  }

  private keyText(pair: Pair): string {
    const key = pair.key as Node | null;
    if (key === null) return "";
    const resolved = this.resolve(key);
    if (!isScalar(resolved)) {
      throw this.error("wrong-type", key, `a mapping key must be a string, found ${describe(resolved)}`);
    }
    if (typeof resolved.value === "string") return resolved.value;
    return resolved.source ?? String(resolved.value);
  }

  private get(map: YAMLMap, key: string): Node | undefined {
    for (const pair of map.items) {
      const pairKey = pair.key as Node | null;
      if (pairKey !== null && isScalar(pairKey) && pairKey.value === key) {
        return (pair.value as Node | null) ?? this.document.createNode(null);
      }
    }
    return undefined;
  }

  private required(map: YAMLMap, key: string, node: Node): Node {
    const value = this.get(map, key);
    if (value === undefined) throw this.error("missing-field", node, `missing \`${key}\``);
    return value;
  }

  private expectMap(node: Node, what: string): YAMLMap {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) throw this.error("wrong-type", node, `${what} must be a mapping, found ${describe(resolved)}`);
    return resolved;
  }

  private resolve(node: Node): Node {
    if (!isAlias(node)) return node;
    this.aliasCount += 1;
    if (this.aliasCount > this.maxAliasCount) {
      throw this.error("alias-limit", node, `more than ${this.maxAliasCount} alias expansions (maxAliasCount)`);
    }
    const target = node.resolve(this.document);
    if (target === undefined) throw this.error("invalid-yaml", node, `unknown alias *${node.source}`);
    return target as Node;
  }

  private position(offset: number | undefined) {
    if (offset === undefined) return { source: this.source };
    // Counted only when an error needs it, so that reading a good cassette pays nothing for positions.
    let line = 1;
    for (let index = this.text.indexOf("\n"); index !== -1 && index < offset; index = this.text.indexOf("\n", index + 1)) line += 1;
    const column = [...this.text.slice(this.text.lastIndexOf("\n", offset - 1) + 1, offset)].length + 1;
    return { source: this.source, line, column };
  }

  private error(code: CassetteErrorCode, node: Node | undefined, message: string): CassetteError {
    return new CassetteError(code, message, this.position(node?.range?.[0] ?? 0));
  }
}

function describe(node: Node): string {
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a sequence";
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return "null";
    if (value instanceof Uint8Array) return "!!binary bytes";
    if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    return `the ${typeof value} ${String(value)}`;
  }
  return "an alias";
}
