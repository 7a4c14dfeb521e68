import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, parseDocument, type Scalar } from "yaml";
import { CassetteError } from "../errors.js";
import type { YamlNode, YamlScalarStyle } from "./node.js";
import { notPrintable } from "./printable.js";

/** Limits on what aliases may expand to. */
export interface AliasLimits {
  /** Most alias expansions (each `*name` met while expanding counts once). */
  maxAliasCount: number;
  /** Most characters of scalar text that aliases may add. */
  maxAliasExpansion: number;
}

/** Tags go-yaml resolves itself; any other is refused rather than dropped. */
const knownTags = new Set(["tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp"]);


const styles: Record<string, YamlScalarStyle> = { PLAIN: "plain", QUOTE_SINGLE: "single", QUOTE_DOUBLE: "double", BLOCK_LITERAL: "literal", BLOCK_FOLDED: "folded" };

/**
 * Reads any YAML with the `yaml` library (for what tapedeck's own reader does
 * not take: anchors and aliases, merge keys, comments, flow collections,
 * folded and multi-line scalars, tags) into the same nodes, as go-yaml would
 * see them: aliases expanded within the limits, `<<` merge keys applied,
 * unknown tags refused. Syntax errors are `CassetteError`s at their position.
 */
export function readWithYamlLibrary(text: string, limits: AliasLimits, at: (offset: number) => { line: number; column: number }, source: string | undefined): YamlNode | undefined {
  const control = notPrintable.exec(text);
  if (control !== null) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    throw new CassetteError("invalid-yaml", `the control character U+${code} is not allowed in YAML (write it escaped in double quotes)`, { source, ...at(control.index) });
  }
  const prepared = withGoLineBreaks(text);
  const document = parseDocument(prepared.text, { schema: "core", prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
  const [firstError] = document.errors;
  if (firstError !== undefined) {
    const message = firstError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new CassetteError("invalid-yaml", message, { source, ...at(prepared.original(firstError.pos[0])) }, { cause: firstError });
  }
  const root = document.contents;
  if (root === null) return undefined;
  const error = (code: "alias-limit" | "invalid-yaml" | "unsupported-tag", offset: number, message: string) => new CassetteError(code, message, { source, ...at(offset) });
  return new Converter(document, prepared, limits, error).node(root as Node);
}

/** Markers for LS and PS in the text given to the library (noncharacters, which no cassette holds). */
const lineSeparatorMark = "\uFDD0";
const paragraphSeparatorMark = "\uFDD1";

/**
 * The text as go-yaml reads its line breaks, for a reader that knows only CR
 * and LF: LS and PS, which go-yaml keeps in the value but which end a line,
 * become a marker and LF. (A raw NEL is left as text: go-yaml never writes
 * one raw, and goccy writes it raw in plain scalars, meaning the character.)
 * `original` maps an offset back to the text given.
 */
function withGoLineBreaks(text: string): { text: string; original: (offset: number) => number } {
  const identity = { text, original: (offset: number) => offset };
  if (!/[\u2028\u2029]/.test(text) || text.includes(lineSeparatorMark) || text.includes(paragraphSeparatorMark)) return identity;
  /** Where characters were added (offsets in the result, after the marker) and how many in all up to there. */
  const added: Array<{ at: number; total: number }> = [];
  let total = 0;
  let result = "";
  let last = 0;
  for (const match of text.matchAll(/[\u2028\u2029]/g)) {
    const index = match.index;
    result += text.slice(last, index);
    last = index + 1;
    // Deeper than anything that starts on this line, so the quote closes inside the scalar.
    const column = result.length - (result.lastIndexOf("\n") + 1);
    result += match[0] === "\u2028" ? lineSeparatorMark : paragraphSeparatorMark;
    // go-yaml skips the blanks after the break; a closing quote right after it (`'x<LS>'`) needs them for this reader.
    const next = text[index + 1];
    const pad = next === undefined || next === " " || next === "\n" ? "" : " ".repeat(column + 1);
    result += `\n${pad}`;
    total += 1 + pad.length;
    added.push({ at: result.length, total });
  }
  result += text.slice(last);
  return {
    text: result,
    original: (offset) => {
      let found = 0;
      for (const { at, total: sum } of added) {
        if (at > offset) break;
        found = sum;
      }
      return offset - found;
    },
  };
}

/** A value read from the marked text with its LS and PS back: in a block the marker's LF was the line end; in a flow scalar, folded to a space. */
function withSeparators(value: string, block: boolean): string {
  if (!value.includes(lineSeparatorMark) && !value.includes(paragraphSeparatorMark)) return value;
  const pattern = block ? /([\uFDD0\uFDD1])\n?/g : /([\uFDD0\uFDD1]) ?/g;
  return value.replace(pattern, (_match, mark: string) => (mark === lineSeparatorMark ? "\u2028" : "\u2029"));
}

class Converter {
  private aliases = 0;
  private expanded = 0;
  /** How deep inside alias expansions the conversion is. */
  private aliasDepth = 0;

  private readonly text: string;
  private readonly original: (offset: number) => number;

  constructor(
    private readonly document: Document.Parsed,
    prepared: { text: string; original: (offset: number) => number },
    private readonly limits: AliasLimits,
    private readonly report: (code: "alias-limit" | "invalid-yaml" | "unsupported-tag", offset: number, message: string) => CassetteError,
  ) {
    this.text = prepared.text;
    this.original = prepared.original;
  }

  /** An error at an offset of the marked text, placed in the text given. */
  private error(code: "alias-limit" | "invalid-yaml" | "unsupported-tag", offset: number, message: string): CassetteError {
    return this.report(code, this.original(offset), message);
  }

  node(node: Node): YamlNode {
    if (isAlias(node)) return this.alias(node);
    const tag = node.tag;
    const offset = tag === undefined ? (node.range?.[0] ?? 0) : tagStart(this.text, node.range?.[0] ?? 0);
    if (tag !== undefined && !knownTags.has(tag)) throw this.error("unsupported-tag", offset, `the tag ${tag.replace(/^tag:yaml\.org,2002:/, "!!")} is not one go-yaml reads; it would be lost`);
    if (isScalar(node)) {
      const text = scalarText(node, this.text);
      if (this.aliasDepth > 0) {
        this.expanded += text.length;
        if (this.expanded > this.limits.maxAliasExpansion) throw this.error("alias-limit", offset, `aliases expand to more than ${this.limits.maxAliasExpansion} characters (maxAliasExpansion)`);
      }
      const scalar: YamlNode = { kind: "scalar", style: styles[node.type ?? "PLAIN"] ?? "plain", text, offset: this.original(offset), end: this.original(node.range?.[1] ?? offset) };
      if (tag !== undefined) scalar.tag = tag.replace(/^tag:yaml\.org,2002:/, "!!");
      return scalar;
    }
    if (isSeq(node)) return { kind: "seq", items: node.items.map((item) => this.node(item as Node)), offset: this.original(offset), flow: node.flow === true };
    if (isMap(node)) {
      const entries: Array<{ key: YamlNode; value: YamlNode }> = [];
      const merged: Array<{ key: YamlNode; value: YamlNode }> = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const key = keyNode === null ? emptyAt(this.original(offset)) : this.node(keyNode);
        const valueNode = pair.value as Node | null;
        const value = valueNode === null ? emptyAt(this.original(keyNode?.range?.[2] ?? offset)) : this.node(valueNode);
        if (key.kind === "scalar" && key.style === "plain" && key.text === "<<" && key.tag === undefined) {
          // A merge key: the mappings it names fill in keys this mapping does not have; the first named wins.
          const sources = value.kind === "seq" ? value.items : [value];
          for (const item of sources) {
            if (item.kind !== "map") throw this.report("invalid-yaml", item.offset, "a merge key (<<) must name a mapping or a list of mappings");
            merged.push(...item.entries);
          }
          continue;
        }
        entries.push({ key, value });
      }
      const seen = new Set(entries.map(({ key }) => (key.kind === "scalar" ? key.text : "")));
      for (const entry of merged) {
        const name = entry.key.kind === "scalar" ? entry.key.text : "";
        if (seen.has(name)) continue;
        seen.add(name);
        entries.push(entry);
      }
      return { kind: "map", entries, offset: this.original(offset), flow: node.flow === true };
    }
    throw this.error("invalid-yaml", offset, "an unknown kind of node");
  }

  private alias(node: Node & { source: string }): YamlNode {
    const offset = node.range?.[0] ?? 0;
    this.aliases += 1;
    if (this.aliases > this.limits.maxAliasCount) throw this.error("alias-limit", offset, `more than ${this.limits.maxAliasCount} alias expansions (maxAliasCount)`);
    const target = (node as unknown as { resolve(document: Document): Node | undefined }).resolve(this.document);
    if (target === undefined) throw this.error("invalid-yaml", offset, `unknown alias *${node.source}`);
    this.aliasDepth += 1;
    try {
      // Expanded afresh at every use, as the value it stands for; the limits above bound the work.
      return { ...this.node(target), offset: this.original(offset) };
    } finally {
      this.aliasDepth -= 1;
    }
  }
}

/** Where the tag in front of a node's content starts (the library's range starts after it). */
function tagStart(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\n")) end -= 1;
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start -= 1;
  return text[start] === "!" ? start : offset;
}

function emptyAt(offset: number): YamlNode {
  return { kind: "scalar", style: "plain", text: "", offset, end: offset };
}

/** A scalar's content as text: plain scalars as written in the source (resolution is go-yaml's, later), others as the library read them. */
function scalarText(node: Scalar, source: string): string {
  const value = node.value;
  if (node.type === "PLAIN" || node.type === undefined) {
    if (node.range && node.tag === undefined) return withSeparators(source.slice(node.range[0], node.range[1]).trimEnd().replace(/\s*\n\s*/g, " "), false);
    if (node.source !== undefined) return String(node.source);
  }
  if (value instanceof Uint8Array) return (node.source ?? "").replace(/\s+/g, "");
  if (typeof value !== "string") return node.source ?? String(value);
  return withSeparators(value, node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED");
}
