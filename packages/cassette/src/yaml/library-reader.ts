import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, parseAllDocuments, parseDocument, type Scalar } from "yaml";
import { CassetteError } from "../errors.js";
import type { YamlNode, YamlScalarStyle } from "./node.js";
import { GoRefusal } from "./refusal.js";

/** Limits on what aliases may expand to. */
export interface AliasLimits {
  /** Most alias expansions (each `*name` met while expanding counts once). */
  maxAliasCount: number;
  /** Most characters of scalar text that aliases may add. */
  maxAliasExpansion: number;
  /** Most nodes (scalars, mappings, sequences) that aliases may add: a small anchor used often is many nodes of little text. */
  maxAliasNodes: number;
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
 * Characters Go refuses anywhere (controls) are looked for before, in the
 * whole text (`findRefusedCharacters`).
 */
export function readWithYamlLibrary(
  text: string,
  limits: AliasLimits,
  at: (offset: number) => { line: number; column: number },
  source: string | undefined,
  /** Told of what Go's reader ignores: a tag it does not know, documents after the first. */
  onIgnored: (code: "ignored-tag" | "ignored-document", offset: number, message: string) => void = () => {},
): YamlNode | undefined {
  const prepared = withGoLineBreaks(text);
  // Go's yaml.Unmarshal reads the first document; the others must still be YAML, and are ignored.
  const documents = parseAllDocuments(prepared.text, { schema: "core", prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
  const all = Array.isArray(documents) ? documents : [];
  const document = all[0] ?? parseDocument("", { schema: "core" });
  const [firstError] = all.flatMap((each) => each.errors);
  if (firstError === undefined && all.length > 1) onIgnored("ignored-document", prepared.original(all[1]!.range[0]), `${all.length - 1} more YAML document${all.length > 2 ? "s" : ""} after the first: Go reads the first and ignores the rest`);
  if (firstError !== undefined) {
    // The library met its stack's end: nesting deeper than tapedeck reads, a typed error like the fast reader's.
    if (firstError.message.includes("Maximum call stack size exceeded")) throw new RangeError(firstError.message);
    const message = firstError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new CassetteError("invalid-yaml", message, { source, ...at(prepared.original(firstError.pos[0])) }, { cause: firstError });
  }
  const root = document.contents;
  if (root === null) return undefined;
  const error = (code: "alias-limit" | "invalid-yaml" | "unsupported-tag", offset: number, message: string) => new CassetteError(code, message, { source, ...at(offset) });
  const converter = new Converter(document, prepared, limits, error, onIgnored);
  const node = converter.node(root as Node);
  refuseIndentingTabs(prepared, converter.spans);
  return node;
}

/** The text given to the library: LS and PS marked, and how to map its offsets back. */
interface Prepared {
  text: string;
  original: (offset: number) => number;
  /** Markers after which the text went on at once, so blanks were added for the library: where each marker is, and its LS or PS in the text given. */
  padded: Array<{ marker: number; original: number }>;
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
function withGoLineBreaks(text: string): Prepared {
  const padded: Prepared["padded"] = [];
  const identity = { text, original: (offset: number) => offset, padded };
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
    if (pad !== "") padded.push({ marker: result.length - 1, original: index });
    result += `\n${pad}`;
    total += 1 + pad.length;
    added.push({ at: result.length, total });
  }
  result += text.slice(last);
  return {
    text: result,
    padded,
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
  private expandedNodes = 0;
  /** Where the alias being expanded (the outermost) is written. */
  private expandingAlias = 0;
  /** How deep inside alias expansions the conversion is. */
  private aliasDepth = 0;

  private readonly text: string;
  private readonly original: (offset: number) => number;
  private readonly padded: Prepared["padded"];
  /** Where scalars and flow collections that may span lines are: a tab may start a line only inside one. */
  readonly spans: Array<[number, number]> = [];

  constructor(
    private readonly document: Document.Parsed,
    prepared: Prepared,
    private readonly limits: AliasLimits,
    private readonly report: (code: "alias-limit" | "invalid-yaml" | "unsupported-tag", offset: number, message: string) => CassetteError,
    private readonly onIgnored: (code: "ignored-tag", offset: number, message: string) => void,
  ) {
    this.text = prepared.text;
    this.original = prepared.original;
    this.padded = prepared.padded;
  }

  /** An error at an offset of the marked text, placed in the text given. */
  private error(code: "alias-limit" | "invalid-yaml" | "unsupported-tag", offset: number, message: string): CassetteError {
    return this.report(code, this.original(offset), message);
  }

  node(node: Node): YamlNode {
    if (isAlias(node)) return this.alias(node);
    // Counted as the expansion grows, before the node is built.
    if (this.aliasDepth > 0 && ++this.expandedNodes > this.limits.maxAliasNodes) {
      throw this.error("alias-limit", this.expandingAlias, `aliases expand to more than ${this.limits.maxAliasNodes} nodes (maxAliasNodes)`);
    }
    const tag = node.tag;
    const offset = tag === undefined ? (node.range?.[0] ?? 0) : tagStart(this.text, node.range?.[0] ?? 0);
    let known = tag;
    if (tag !== undefined && !knownTags.has(tag)) {
      // yaml.v3 reads the value and forgets a tag it does not know: so does tapedeck, saying so.
      this.onIgnored("ignored-tag", this.original(offset), `the tag ${tag.replace(/^tag:yaml\.org,2002:/, "!!")} is not one Go's reader knows: it reads the value and forgets the tag`);
      known = undefined;
    }
    if (isScalar(node)) {
      const range = node.range;
      if (range !== undefined && range !== null) {
        if (node.type !== "PLAIN" && node.type !== undefined) this.spans.push([range[0], range[1]]);
        else {
          // LS and PS end a line for Go: text right after one, at no indentation, ends a plain scalar there (Go then refuses the line).
          const cut = this.padded.find(({ marker }) => marker >= range[0] && marker < range[1]);
          if (cut !== undefined) throw new GoRefusal(cut.original, `a ${this.text[cut.marker] === lineSeparatorMark ? "U+2028 (line separator)" : "U+2029 (paragraph separator)"} inside a plain value: Go's reader ends the line there and refuses what follows (write the value in double quotes, escaped)`);
        }
      }
      const text = scalarText(node, this.text);
      if (this.aliasDepth > 0) {
        this.expanded += text.length;
        if (this.expanded > this.limits.maxAliasExpansion) throw this.error("alias-limit", offset, `aliases expand to more than ${this.limits.maxAliasExpansion} characters (maxAliasExpansion)`);
      }
      const scalar: YamlNode = { kind: "scalar", style: styles[node.type ?? "PLAIN"] ?? "plain", text, offset: this.original(offset), end: this.original(node.range?.[1] ?? offset) };
      if (known !== undefined) scalar.tag = known.replace(/^tag:yaml\.org,2002:/, "!!");
      return scalar;
    }
    if ((isSeq(node) || isMap(node)) && node.flow === true && node.range) this.spans.push([node.range[0], node.range[1]]);
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
    if (this.aliasDepth === 0) this.expandingAlias = offset;
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

/**
 * Go's reader refuses a tab in a line's indentation in block context (a line
 * of blanks and tabs, a tab before a key or a comment): every line whose
 * leading blanks hold a tab must start inside a quoted or block scalar or a
 * flow collection.
 */
function refuseIndentingTabs(prepared: Prepared, spans: ReadonlyArray<[number, number]>): void {
  const text = prepared.text;
  if (!text.includes("\t")) return;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf("\n", start);
    const lineEnd = end === -1 ? text.length : end;
    let index = start;
    while (text[index] === " " || text[index] === "\t") index += 1;
    const tab = text.indexOf("\t", start);
    if (tab !== -1 && tab < index && !spans.some(([from, to]) => start > from && start < to)) {
      throw new GoRefusal(prepared.original(tab), "a tab in a line's indentation, which Go's reader refuses (indent with spaces)");
    }
    start = lineEnd + 1;
  }
}
