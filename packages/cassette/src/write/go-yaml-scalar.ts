import { canBePlainForGoYaml } from "../yaml/resolve.js";
import type { ScalarStyle, ScalarWriter } from "./scalar-style.js";

/**
 * go-yaml's (v4) choice and writing of string scalars: `encode.go` asks for a
 * style, the emitter (`emitterc.go`, `yaml_emitter_analyze_scalar` and
 * `yaml_emitter_select_scalar_style`) downgrades it, and lines are never folded.
 */

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
}

const goWhitespace = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$/;

function isBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** libyaml's "printable": `\n`, 0x20-0x7E, U+00A0-U+D7FF, U+E000-U+FFFD except U+FEFF. */
function isPrintable(code: number): boolean {
  return (
    code === 10 ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

const printableAscii = /^[\x20-\x7E]*$/;
const indicatorFirst = /^(?:[#,[\]{}&*!|>'"%@`]|[?:-](?: |$))/;

/**
 * `analyze` for printable ASCII on one line (most values), with searches
 * instead of a walk: no breaks, tabs or special characters, so only the
 * indicators and the spaces at either end count.
 */
function analyzeAscii(value: string): Analysis {
  const blockIndicators =
    value.startsWith("---") || value.startsWith("...") || indicatorFirst.test(value) || value.includes(": ") || value.endsWith(":") || value.includes(" #");
  const edgeSpace = value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32;
  return { multiline: false, blockPlainAllowed: !blockIndicators && !edgeSpace, singleQuotedAllowed: true };
}

function analyze(value: string): Analysis {
  if (value.length > 0 && printableAscii.test(value)) return analyzeAscii(value);
  if (value.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true };
  }
  let blockIndicators = value.startsWith("---") || value.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const length = value.length;
  for (let index = 0; index < length; ) {
    const code = value.codePointAt(index)!;
    const width = code > 0xffff ? 2 : 1;
    const next = index + width;
    const nextCode = next < length ? value.charCodeAt(next) : -1;
    const followedByWhitespace = next >= length || nextCode === 32 || nextCode === 9;
    if (index === 0) {
      switch (code) {
        case 35: // #
        case 44: // ,
        case 91: // [
        case 93: // ]
        case 123: // {
        case 125: // }
        case 38: // &
        case 42: // *
        case 33: // !
        case 124: // |
        case 62: // >
        case 39: // '
        case 34: // "
        case 37: // %
        case 64: // @
        case 96: // `
          blockIndicators = true;
          break;
        case 63: // ?
        case 58: // :
        case 45: // -
          if (followedByWhitespace) blockIndicators = true;
          break;
      }
    } else if ((code === 58 && followedByWhitespace) || (code === 35 && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (code === 9) tabs = true;
    else if (!isPrintable(code)) special = true;
    if (code === 32) {
      if (index === 0) leadingSpace = true;
      if (next === length) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(code)) {
      lineBreaks = true;
      if (index === 0) leadingBreak = true;
      if (next === length) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = code === 32 || code === 9 || code === 0 || isBreak(code);
    index = next;
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || tabs || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed };
}

/**
 * What stops a multi-line string from being a literal block, in one pass:
 * a character that is not printable (tabs excepted) or a space before a break;
 * libyaml's `block_allowed`, without its per-character
 * work on bodies of megabytes.
 */
const notLiteral = /[^\n\t\x20-\x7E\xA0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]| [\n\u2028\u2029]/;

const asciiLines = /^[\n\t\x20-\x7E]*$/;

/** The style go-yaml writes a string in. */
export function goYamlStyle(value: string, simpleKey: boolean): ScalarStyle {
  let style: ScalarStyle;
  if (value.includes("\n")) {
    if (goWhitespace.test(value)) return "double";
    if (simpleKey || value.endsWith(" ")) return "double";
    // Printable ASCII and line feeds (most bodies) need only the space-before-break search.
    if (asciiLines.test(value)) return value.includes(" \n") ? "double" : "literal";
    return notLiteral.test(value) ? "double" : "literal";
  }
  style = canBePlainForGoYaml(value) ? "plain" : "double";
  if (style === "double") return style;
  const analysis = analyze(value);
  if (simpleKey && analysis.multiline) return "double";
  if (style === "plain") {
    if (!analysis.blockPlainAllowed || (value.length === 0 && simpleKey)) style = "single";
  }
  if (style === "single" && !analysis.singleQuotedAllowed) return "double";
  return style;
}

const namedEscapes: Record<number, string> = {
  0x00: "\\0",
  0x07: "\\a",
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0b: "\\v",
  0x0c: "\\f",
  0x0d: "\\r",
  0x1b: "\\e",
  0x22: '\\"',
  0x5c: "\\\\",
  0x85: "\\N",
  0xa0: "\\_",
  0x2028: "\\L",
  0x2029: "\\P",
};

function escapeCodePoint(code: number): string {
  const named = namedEscapes[code];
  if (named !== undefined) return named;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, "0")}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(8, "0")}`;
}

const needsEscape =
  /[\u0000-\u0009\u000B-\u001F"\\\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF\n]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

/** go-yaml's double-quoted scalar (`yaml_emitter_write_double_quoted_scalar`, never folded). */
export function goYamlDoubleQuoted(value: string): string {
  if (value.charCodeAt(0) === 0xfeff) {
    // go-yaml's is_bom looks at the start of the string, not at the current character: all is escaped.
    let text = '"';
    for (const character of value) text += escapeCodePoint(character.codePointAt(0)!);
    return `${text}"`;
  }
  return `"${value.replace(needsEscape, (match) => escapeCodePoint(match.codePointAt(0)!))}"`;
}

function singleQuoted(value: string, textIndent: number): string {
  let text = value.replaceAll("'", "''");
  if (/[\u2028\u2029]/.test(text)) {
    // A break inside a single-quoted scalar is written as is, and the next text is indented.
    text = text.replace(/([\u2028\u2029]+)(?=[^\u2028\u2029])/g, (breaks) => breaks + " ".repeat(textIndent));
  }
  return `'${text}'`;
}

/**
 * A literal block. Its indentation digit (written when the text starts with a
 * space or a line break) counts from the parent's column: for a mapping value
 * that is go-yaml's base indent; for a sequence item, 2. (go-yaml writes its
 * base indent there too, which no reader, Go's included, reads back: the one
 * place tapedeck does not write Go's bytes, so that the value survives.)
 */
function literal(value: string, digit: number, textIndent: number): string {
  const first = value.charCodeAt(0);
  let header = "|";
  if (first === 32 || isBreak(first)) header += String(digit);
  const last = value.charCodeAt(value.length - 1);
  if (!isBreak(last)) header += "-";
  else if (value.length === 1 || isBreak(value.charCodeAt(value.length - 2))) header += "+";
  // Every line that has text is indented; empty lines are not.
  const pad = " ".repeat(textIndent);
  const lead = isBreak(first) ? "" : pad;
  const body = /[\u2028\u2029]/.test(value)
    ? value.replace(/([\n\u2028\u2029])(?=[^\n\u2028\u2029])/g, `$1${pad}`)
    : value.replace(/\n(?=[^\n])/g, `\n${pad}`);
  return `${header}\n${lead}${body}`;
}

/**
 * go-yaml's key order for maps (`sorter.go` `keyList.Less`): runs of digits
 * compare as numbers, letters by code point, a non-letter before a letter
 * except right after an equal digit.
 */
export function compareGoYamlKeys(left: string, right: string): number {
  if (left === right) return 0;
  return goYamlKeyLess(left, right) ? -1 : 1;
}

const isLetter = (character: string) => /\p{L}/u.test(character);
const isDigit = (character: string) => /\p{Nd}/u.test(character);

function goYamlKeyLess(left: string, right: string): boolean {
  const a = Array.from(left);
  const b = Array.from(right);
  let digits = false;
  for (let index = 0; index < a.length && index < b.length; index += 1) {
    const ac = a[index]!;
    const bc = b[index]!;
    if (ac === bc) {
      digits = isDigit(ac);
      continue;
    }
    const aLetter = isLetter(ac);
    const bLetter = isLetter(bc);
    if (aLetter && bLetter) return ac.codePointAt(0)! < bc.codePointAt(0)!;
    if (aLetter || bLetter) return digits ? aLetter : bLetter;
    let aNumber = 0;
    let bNumber = 0;
    if (ac === "0" || bc === "0") {
      for (let back = index - 1; back >= 0 && isDigit(a[back]!); back -= 1) {
        if (a[back] !== "0") {
          aNumber = 1;
          bNumber = 1;
          break;
        }
      }
    }
    let aEnd = index;
    for (; aEnd < a.length && isDigit(a[aEnd]!); aEnd += 1) aNumber = aNumber * 10 + (a[aEnd]!.codePointAt(0)! - 48);
    let bEnd = index;
    for (; bEnd < b.length && isDigit(b[bEnd]!); bEnd += 1) bNumber = bNumber * 10 + (b[bEnd]!.codePointAt(0)! - 48);
    if (aNumber !== bNumber) return aNumber < bNumber;
    if (aEnd !== bEnd) return aEnd < bEnd;
    return ac.codePointAt(0)! < bc.codePointAt(0)!;
  }
  return a.length < b.length;
}

/**
 * go-yaml's scalar writer for a given base indent. With `plainMergeValues`,
 * a `<<` value is written plain, as yaml.v3 does (it is a string there); v4,
 * the writer of the compact layouts, quotes it. A `<<` key is always quoted:
 * plain, every reader would take it for a merge key.
 */
export function createGoYamlScalarWriter(baseIndent: number, options: { plainMergeValues?: boolean } = {}): ScalarWriter {
  return {
    style: goYamlStyle,
    render(value, simpleKey, textIndent, parentIndent = textIndent - baseIndent) {
      if (options.plainMergeValues && !simpleKey && value === "<<") return value;
      switch (goYamlStyle(value, simpleKey)) {
        case "plain":
          return value;
        case "single":
          return singleQuoted(value, textIndent);
        case "double":
          return goYamlDoubleQuoted(value);
        case "literal":
          return literal(value, textIndent - parentIndent, textIndent);
      }
    },
    blockIndent: (_keyIndent, childIndent) => childIndent,
    compareKeys: compareGoYamlKeys,
    verbatimDurations: false,
  };
}
