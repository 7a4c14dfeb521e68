import { isTimestamp } from "../yaml/resolve.js";
import type { ScalarStyle, ScalarWriter } from "./scalar-style.js";

/**
 * goccy/go-yaml's choice and writing of string scalars (`encoder.go`,
 * `token.IsNeedQuoted`): a string that could be misread, or that holds `#`,
 * `\`, `: ` or `- `, is written with Go's `strconv.Quote`; another multi-line
 * string is a literal block; anything else is plain.
 */

const reservedWords = new Set([
  "null", "Null", "NULL", "~",
  "true", "True", "TRUE", "false", "False", "FALSE",
  "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
]);

const numberLike =
  /^[-+]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?=\.?[0-9])[0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)$/;

/** Whether goccy/go-yaml quotes the string. */
export function goccyNeedsQuotes(value: string): boolean {
  if (value === "" || value === "-") return true;
  if (reservedWords.has(value) || numberLike.test(value)) return true;
  if (/^[*&[{}\],!|>%'"@` ]/.test(value)) return true;
  if (value.endsWith(":") || value.endsWith(" ")) return true;
  if (isTimestamp(value)) return true;
  return value.includes("#") || value.includes("\\") || value.includes(": ") || value.includes("- ");
}

/**
 * Text goccy would write plain or as a literal block although no YAML reader,
 * goccy included, reads it back: control characters and the non-characters
 * U+FFFE and U+FFFF, a tab or line break at
 * either end, a tab (after `:` or `-` it starts a mapping or a sequence), a
 * first line that starts with a blank, nothing but line breaks; `?` or
 * `? x`, which goccy reads back but every other reader takes for a complex
 * key; `.inf` and `.nan` spellings, which goccy reads back as floats. tapedeck quotes these instead of writing a cassette that loses the value.
 */
function unreadableUnquoted(value: string): boolean {
  if (/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(value)) return true;
  if (value.includes("\t") || value.startsWith("\n")) return true;
  // `? x` or a lone `?` would start a complex key for every other reader (yaml.v3 refuses the file).
  if (/^\?( |$)/.test(value)) return true;
  // goccy writes `.inf` and `.nan` spellings plain, and goccy itself then reads a float ("NaN", "+Inf").
  if (/^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(value)) return true;
  if (!value.includes("\n")) return false;
  return /^\s*$/.test(value) || value.startsWith(" ") || value.endsWith(" ");
}

/** The style goccy/go-yaml writes a string in. */
export function goccyStyle(value: string, simpleKey: boolean): ScalarStyle {
  if (goccyNeedsQuotes(value) || unreadableUnquoted(value)) return "double";
  if (value.includes("\n")) return simpleKey ? "double" : "literal";
  return "plain";
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `strconv.Quote`. */
export function goQuote(value: string): string {
  let text = '"';
  for (const character of value) {
    const code = character.codePointAt(0)!;
    switch (code) {
      case 0x07: text += "\\a"; continue;
      case 0x08: text += "\\b"; continue;
      case 0x0c: text += "\\f"; continue;
      case 0x0a: text += "\\n"; continue;
      case 0x0d: text += "\\r"; continue;
      case 0x09: text += "\\t"; continue;
      case 0x0b: text += "\\v"; continue;
      case 0x22: text += '\\"'; continue;
      case 0x5c: text += "\\\\"; continue;
    }
    if (code < 0x20 || code === 0x7f) text += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code < 0x80 || printable.test(character)) text += character;
    else if (code >= 0xd800 && code <= 0xdfff) text += "\\ufffd";
    else if (code < 0x10000) text += `\\u${code.toString(16).padStart(4, "0")}`;
    else text += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return `${text}"`;
}

function literal(value: string, textIndent: number): string {
  let header = "|";
  let body = value;
  if (!value.endsWith("\n")) header += "-";
  else {
    body = value.slice(0, -1);
    if (body.endsWith("\n")) header += "+";
  }
  const pad = " ".repeat(textIndent);
  const lines = body.split("\n");
  const last = lines.length - 1;
  const text = lines.map((line, index) => (index === last && line === "" && header === "|+" ? "" : pad + line));
  return `${header}\n${text.join("\n")}${value.endsWith("\n") ? "\n" : ""}`;
}

function fastQuote(value: string): string {
  // Most bodies are ASCII JSON or SSE: escape just what strconv.Quote escapes there.
  if (/^[\x20-\x7E\n\r\t]*$/.test(value)) {
    return `"${value.replace(/[\\"\n\r\t]/g, (character) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[character]!)}"`;
  }
  return goQuote(value);
}

/** Compares keys by their UTF-8 bytes, as goccy/go-yaml sorts map keys. */
export function compareBytes(left: string, right: string): number {
  if (left === right) return 0;
  const encoder = new TextEncoder();
  const a = encoder.encode(left);
  const b = encoder.encode(right);
  for (let index = 0; index < a.length && index < b.length; index += 1) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }
  return a.length - b.length;
}

/** goccy/go-yaml's scalar writer. */
export function createGoccyScalarWriter(): ScalarWriter {
  return {
    style: goccyStyle,
    render(value, simpleKey, textIndent) {
      switch (goccyStyle(value, simpleKey)) {
        case "double":
          return fastQuote(value);
        case "literal":
          return literal(value, textIndent);
        default:
          return value;
      }
    },
    blockIndent: (keyIndent) => keyIndent + 2,
    compareKeys: compareBytes,
    verbatimDurations: true,
  };
}
