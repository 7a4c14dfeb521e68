import { unescapeDoubleQuoted } from "./escapes.js";
import type { LiteralBytesBatch } from "./literal-bytes.js";
import { blockExtent, chompEnd, chomped, firstTextIndent, hasOtherBreak, literalHeader, stripIndentation, stripLines } from "./literal-block.js";
import { emptyScalar, type YamlMap, type YamlNode, type YamlScalar, type YamlSeq } from "./node.js";
import { outside } from "./outside-subset.js";
import { checkImplicitKey } from "./refusal.js";
import { checkPlainValue, closingQuote, plainKeyEnd } from "./scalar-text.js";

/**
 * Reads the YAML that go-yaml and goccy/go-yaml write, fast: block mappings
 * and sequences (compact or indented), plain, single- and double-quoted
 * scalars on one line, literal blocks with indentation and chomping
 * indicators, `!!binary`, and `{}` / `[]`. Anything else (comments,
 * anchors, aliases, other tags, flow collections with content, folded or
 * multi-line scalars, complex keys, tabs, several documents) throws
 * `OutsideSubset`. Characters Go refuses anywhere (controls) are looked for
 * before, in the whole text (`findRefusedCharacters`).
 */
export function readBlockYaml(text: string, streamed?: StreamedSequence): YamlNode {
  return new BlockReader(text, streamed).document();
}

/**
 * The items of the block sequence under one key of the root mapping, handed
 * over one by one as they are read instead of kept in the tree (the sequence
 * node keeps their count in `streamed`): what is made of each item is made
 * while the item is young, which spares the garbage collector a document's
 * worth of nodes. What `take` throws ends the reading.
 */
export interface StreamedSequence {
  key: string;
  take(item: YamlNode): void;
}

/**
 * Reads the items of a block sequence whose `- ` marks are at column
 * `indent`, from the start of `text` (a window of a larger document, cut at
 * line starts), handing each to `take`. Returns where the sequence ended:
 * `text.length` when every line of the window was one of its items. The
 * scalars made are copies, not slices of `text`, so that the window is not
 * kept alive by what is read from it. Literal blocks cut out of the text
 * (`literals.cutWindow`) get their texts when `literals` is flushed.
 */
export function readSequenceItems(text: string, indent: number, take: (item: YamlNode) => void, literals?: LiteralBytesBatch): number {
  return new BlockReader(text, undefined, true, literals).items(indent, take);
}


/** A line break go-yaml knows besides LF: CR, NEL, LS, PS. */
const otherBreak = /[\r\u0085\u2028\u2029]/;

class BlockReader {
  private position = 0;
  /** Whether the text holds CR, NEL, LS or PS anywhere: when not (nearly always), no scalar needs looking at for them. */
  private readonly otherBreaks: boolean;
  /** The last `skipBlankLines`: from where, to where, and the indentation it found (the text never changes). */
  private readonly skipped = { from: -1, to: 0, indent: 0 };

  constructor(
    private readonly text: string,
    private readonly streamed: StreamedSequence | undefined,
    /** Whether values must not be slices of the text (`readSequenceItems`). */
    private readonly copyScalars = false,
    private readonly literals?: LiteralBytesBatch,
  ) {
    // Quick searches of the whole text, rather than one per scalar; a text read from ASCII bytes cannot hold NEL, LS or PS.
    this.otherBreaks = text.includes("\r") || (literals?.ascii !== true && (text.includes("\u0085") || text.includes("\u2028") || text.includes("\u2029")));
  }

  document(): YamlNode {
    const text = this.text;
    if (text.startsWith("---")) {
      const after = text.charCodeAt(3);
      if (after !== 10 && !Number.isNaN(after)) outside("content after the document marker");
      this.position = Math.min(4, text.length);
    }
    const indent = this.skipBlankLines();
    if (this.position >= text.length) outside("an empty document");
    if (indent !== 0) outside("an indented root");
    const node = this.startsSequenceItem(0) ? this.sequence(0) : this.mapping(0, false, this.streamed);
    this.skipBlankLines();
    if (this.position < text.length) outside("text after the root node");
    return node;
  }

  /** The items of a block sequence at `indent`, from the start; where it ended. */
  items(indent: number, take: (item: YamlNode) => void): number {
    this.sequence(indent, { key: "", take });
    return this.position;
  }

  /**
   * A value cut from the text, as a string of its own when `copyScalars`
   * (V8 makes a cut of 13 characters or more a view that keeps the whole
   * text alive; a shorter one is a copy already). Concatenating and cutting
   * again makes the engine flatten the value into new memory.
   */
  private own(value: string): string {
    return this.copyScalars && value.length >= 13 ? `${value} `.slice(0, -1) : value;
  }

  /**
   * Moves past lines that hold only spaces, to the start of the next line
   * with text (or the end), and gives that line's indentation (a tab there
   * is outside the subset).
   */
  private skipBlankLines(): number {
    // A line is often looked at again from where the last look started (after a value, to see that nothing goes on below it).
    if (this.position === this.skipped.from) {
      this.position = this.skipped.to;
      return this.skipped.indent;
    }
    const text = this.text;
    const from = this.position;
    for (;;) {
      let index = this.position;
      while (text.charCodeAt(index) === 32) index += 1;
      const code = text.charCodeAt(index);
      if (code === 10) this.position = index + 1;
      else if (code === 13 || code === 9) outside("a CR or tab in indentation or between lines");
      else {
        if (Number.isNaN(code)) this.position = text.length;
        const indent = index - this.position;
        this.skipped.from = from;
        this.skipped.to = this.position;
        this.skipped.indent = indent;
        return indent;
      }
    }
  }

  /** Whether the current line, indented `found`, starts with `- ` (or a bare `-`). */
  private startsSequenceItem(found: number): boolean {
    const index = this.position + found;
    if (this.text.charCodeAt(index) !== 45) return false;
    const next = this.text.charCodeAt(index + 1);
    return next === 32 || next === 10 || Number.isNaN(next);
  }

  /** A block mapping whose keys start at column `indent`; the first key may already be under way (after `- `). The root mapping may stream one key's sequence. */
  private mapping(indent: number, inline = false, streamed?: StreamedSequence): YamlMap {
    const map: YamlMap = { kind: "map", entries: [], offset: this.position + (inline ? 0 : indent), flow: false };
    for (let first = true; ; first = false) {
      if (!(inline && first)) {
        const found = this.skipBlankLines();
        if (this.position >= this.text.length || found < indent) break;
        if (found > indent) outside("a key indented past its siblings");
        if (this.startsSequenceItem(found)) break;
        this.position += indent;
      }
      const key = this.key();
      // A key given twice is found where the mapping is read into values (build-cassette's `duplicate-key`), whichever reader read it.
      map.entries.push({ key, value: this.valueAfterColon(indent, streamed !== undefined && key.text === streamed.key ? streamed : undefined) });
    }
    return map;
  }

  /** A mapping key and its colon. */
  private key(): YamlScalar {
    const text = this.text;
    const start = this.position;
    const first = text.charCodeAt(start);
    let key: YamlScalar;
    if (first === 39 || first === 34) {
      key = this.quoted(first);
      checkImplicitKey(text, start, this.position);
    }
    else {
      if (first === 63 /* ? */ || first === 60 /* < for << */) outside("a complex or merge key");
      const end = plainKeyEnd(text, start);
      const raw = text.slice(start, end);
      checkImplicitKey(text, start, end);
      key = { kind: "scalar", style: "plain", text: raw, offset: start, end };
      this.position = end;
    }
    if (text.charCodeAt(this.position) !== 58) outside("a key without a colon");
    this.position += 1;
    return key;
  }

  /** Where the current line ends (its LF, or the end of the text). */
  private lineEnd(from: number): number {
    const newline = this.text.indexOf("\n", from);
    return newline === -1 ? this.text.length : newline;
  }

  /** The value after `key:`, on the same line or in the block below, for a key at column `indent`. */
  private valueAfterColon(indent: number, streamed?: StreamedSequence): YamlNode {
    const text = this.text;
    let index = this.position;
    while (text.charCodeAt(index) === 32) index += 1;
    const code = text.charCodeAt(index);
    if (code === 10 || Number.isNaN(code)) {
      const here = this.position;
      this.position = Number.isNaN(code) ? text.length : index + 1;
      return this.nestedBlock(indent, here, streamed);
    }
    if (index === this.position) outside("no space after a colon");
    this.position = index;
    return this.inlineValue(indent);
  }

  /** The block under a key with nothing after its colon: a mapping, a sequence, or nothing (null). */
  private nestedBlock(indent: number, colonEnd: number, streamed?: StreamedSequence): YamlNode {
    const lineStart = this.position;
    const found = this.skipBlankLines();
    if (this.position < this.text.length) {
      if (this.startsSequenceItem(found) && found >= indent) return this.sequence(found, streamed);
      if (found > indent) return this.mapping(found);
    }
    this.position = lineStart;
    return emptyScalar(colonEnd);
  }

  /** A block sequence whose `- ` marks are at column `indent`. */
  private sequence(indent: number, streamed?: StreamedSequence): YamlSeq {
    const seq: YamlSeq = { kind: "seq", items: [], offset: this.position + indent, flow: false };
    if (streamed !== undefined) seq.streamed = 0;
    for (;;) {
      const found = this.skipBlankLines();
      if (this.position >= this.text.length || found !== indent || !this.startsSequenceItem(found)) break;
      this.position += indent;
      if (this.text.charCodeAt(this.position + 1) !== 32) outside("an empty sequence item");
      this.position += 2;
      while (this.text.charCodeAt(this.position) === 32) this.position += 1;
      const item = this.looksLikeKey() ? this.mapping(this.position - this.lineStartOf(this.position), true) : this.inlineValue(indent, true);
      if (streamed === undefined) seq.items.push(item);
      else {
        streamed.take(item);
        seq.streamed! += 1;
      }
    }
    return seq;
  }

  private lineStartOf(index: number): number {
    return this.text.lastIndexOf("\n", index - 1) + 1;
  }

  /** Whether the text at the current position is `key: ...` rather than a scalar. */
  private looksLikeKey(): boolean {
    const text = this.text;
    const start = this.position;
    const first = text.charCodeAt(start);
    if (first === 45 /* - */ && text.charCodeAt(start + 1) === 32) outside("a sequence in a sequence");
    const lineEnd = this.lineEnd(start);
    if (first === 39 || first === 34) {
      const close = closingQuote(text, start, first, lineEnd);
      return close !== -1 && text.charCodeAt(close + 1) === 58;
    }
    for (let colon = text.indexOf(":", start); colon !== -1 && colon < lineEnd; colon = text.indexOf(":", colon + 1)) {
      const after = text.charCodeAt(colon + 1);
      if (after === 32 || after === 10 || Number.isNaN(after)) return true;
    }
    return false;
  }

  /** A scalar or empty collection on the rest of the line (a literal block continues below). */
  private inlineValue(indent: number, inSequence = false): YamlNode {
    const text = this.text;
    const start = this.position;
    const code = text.charCodeAt(start);
    if (code === 124 /* | */) return this.literal(indent, start, undefined, inSequence);
    if (code === 39 || code === 34) {
      const scalar = this.quoted(code);
      this.endOfLine();
      return scalar;
    }
    if (code === 123 || code === 91) {
      const close = code === 123 ? "}" : "]";
      if (text[start + 1] !== close) outside("a flow collection with content");
      this.position = start + 2;
      this.endOfLine();
      return code === 123 ? { kind: "map", entries: [], offset: start, flow: true } : { kind: "seq", items: [], offset: start, flow: true };
    }
    if (code === 33 /* ! */) {
      if (!text.startsWith("!!binary ", start)) outside("a tag other than !!binary");
      this.position = start + 9;
      while (text.charCodeAt(this.position) === 32) this.position += 1;
      const value = text.charCodeAt(this.position) === 124 ? this.literal(indent, this.position, start, inSequence) : this.plain(indent);
      if (value.kind !== "scalar" || value.style === "single" || value.style === "double") outside("a tagged value that is not plain or literal");
      // Tagged in place.
      value.tag = "!!binary";
      return value;
    }
    return this.plain(indent);
  }

  /** A plain scalar: the rest of the line, which must not go on below. */
  private plain(indent: number): YamlScalar {
    const text = this.text;
    const start = this.position;
    const lineEnd = this.lineEnd(start);
    let end = lineEnd;
    while (end > start && text.charCodeAt(end - 1) === 32) end -= 1;
    checkPlainValue(text, start, end);
    const raw = text.slice(start, end);
    if (this.otherBreaks && otherBreak.test(raw)) outside("a plain scalar that needs a closer look");
    this.position = lineEnd === text.length ? lineEnd : lineEnd + 1;
    this.noContinuation(indent);
    return { kind: "scalar", style: "plain", text: this.own(raw), offset: start, end };
  }

  /** After a one-line value, the next line must not be indented under the key (a multi-line scalar). */
  private noContinuation(indent: number): void {
    const saved = this.position;
    const found = this.skipBlankLines();
    if (this.position < this.text.length && found > indent && !this.startsSequenceItem(found)) outside("a scalar that goes on below");
    this.position = saved;
  }

  /** Only spaces may follow a value on its line. */
  private endOfLine(): void {
    const text = this.text;
    while (text.charCodeAt(this.position) === 32) this.position += 1;
    const code = text.charCodeAt(this.position);
    if (code === 10) this.position += 1;
    else if (!Number.isNaN(code)) outside("text after a value");
  }

  /** A single- or double-quoted scalar that closes on its line. */
  private quoted(quote: number): YamlScalar {
    const text = this.text;
    const start = this.position;
    const lineEnd = this.lineEnd(start);
    const close = closingQuote(text, start, quote, lineEnd);
    if (close === -1) outside("a quoted scalar over several lines");
    const raw = text.slice(start + 1, close);
    if (this.otherBreaks && otherBreak.test(raw)) outside("a line break inside quotes");
    let value: string | undefined;
    // What replaceAll and the escapes' own reader give may be made of cuts too.
    if (quote === 39) value = this.own(raw.includes("'") ? raw.replaceAll("''", "'") : raw);
    else if (!raw.includes("\\")) value = this.own(raw);
    else {
      value = unescapeDoubleQuoted(raw);
      if (value !== undefined) value = this.own(value);
    }
    if (value === undefined) outside("an unknown escape");
    this.position = close + 1;
    return { kind: "scalar", style: quote === 39 ? "single" : "double", text: value!, offset: start, end: close + 1 };
  }

  /**
   * A literal block: its header (`|`, an indentation digit, a chomping sign)
   * at `header`, its lines below, indented past `indent`.
   */
  private literal(indent: number, header: number, tagStart: number | undefined, inSequence: boolean): YamlScalar {
    const text = this.text;
    const { chomp, digit, end: headerEnd } = literalHeader(text, header);
    this.position = headerEnd;
    this.endOfLine();
    const bodyStart = this.position;
    if (digit > 0 && inSequence) outside("an indentation digit in a sequence item");
    // A block whose lines were cut out of the text: its text comes from the bytes.
    const cut = digit === 0 ? this.literals?.cutAt(bodyStart) : undefined;
    if (cut !== undefined) {
      if (cut.indent <= indent || cut.chomp !== chomp) outside("a literal block not indented past its key");
      const scalar: YamlScalar = { kind: "scalar", style: "literal", text: "", offset: tagStart ?? header, end: bodyStart };
      this.literals!.take(cut, scalar);
      return scalar;
    }
    const contentIndent = digit > 0 ? indent + digit : firstTextIndent(text, bodyStart);
    if (contentIndent <= indent) outside("a literal block not indented past its key");
    const { end, shortBlank } = blockExtent(text, bodyStart, contentIndent);
    this.position = end;
    // LS and PS end a line for go-yaml (a block may end on the line they share with the next key): left to the general reader.
    if (this.otherBreaks && hasOtherBreak(text, bodyStart, end)) outside("a literal block with CR, NEL, LS or PS");
    let value: string;
    if (shortBlank || !text.startsWith(" ".repeat(contentIndent), bodyStart)) value = this.own(chomped(stripIndentation(text.slice(bodyStart, end), contentIndent), chomp));
    else {
      // The usual block: chomped first, so that the one copy made is the value itself (a block of one line is a cut: made its own).
      const regionStart = bodyStart + contentIndent;
      const regionEnd = chomp === "keep" ? end : chompEnd(text, bodyStart, end, chomp, contentIndent);
      const region = text.slice(regionStart, regionEnd);
      value = stripLines(region, contentIndent);
      if (value === region) value = this.own(value);
    }
    return { kind: "scalar", style: "literal", text: value, offset: tagStart ?? header, end };
  }
}
