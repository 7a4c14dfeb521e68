import { outside } from "./outside-subset.js";

/*
 * The text of a literal block (`|`, `|-`, `|+`) as go-yaml reads it: where the
 * block ends, its indentation stripped, its chomping applied, copying the
 * text once. Blocks with line breaks other than LF go to the general reader.
 */

/** A literal block's header after its `|` at `bar`: the chomping sign and the indentation digit (0 for none), in either order, and where they end. */
export function literalHeader(text: string, bar: number): { chomp: "clip" | "strip" | "keep"; digit: number; end: number } {
  let index = bar + 1;
  let chomp: "clip" | "strip" | "keep" = "clip";
  let digit = 0;
  // At most one of each (`|-+` or `|12` is not a header: what follows is then text after it, left to the general reader).
  let signs = 0;
  for (let step = 0; step < 2; step += 1) {
    const code = text.charCodeAt(index);
    if ((code === 45 || code === 43) && signs === 0) {
      chomp = code === 45 ? "strip" : "keep";
      signs += 1;
      index += 1;
    } else if (code >= 49 && code <= 57 && digit === 0) {
      digit = code - 48;
      index += 1;
    }
  }
  return { chomp, digit, end: index };
}

/** The indentation of a block's first line with text, from `from`; blank lines before it may not be longer. */
export function firstTextIndent(text: string, from: number): number {
  let longestBlank = 0;
  for (let lineStart = from; ; ) {
    let column = 0;
    while (text.charCodeAt(lineStart + column) === 32) column += 1;
    const code = text.charCodeAt(lineStart + column);
    if (code === 10) {
      longestBlank = Math.max(longestBlank, column);
      lineStart += column + 1;
      continue;
    }
    if (Number.isNaN(code)) outside("an empty literal block");
    if (longestBlank > column) outside("a literal block whose leading blank lines are longer than its text");
    return column;
  }
}

/**
 * Where a block whose text is indented `indent` ends (at the first line with
 * text indented less), and whether a blank line in it has some spaces but
 * fewer than `indent` (which the quick indentation strip would not clear).
 */
export function blockExtent(text: string, from: number, indent: number): { end: number; shortBlank: boolean } {
  const pad = " ".repeat(indent);
  let shortBlank = false;
  let lineStart = from;
  while (lineStart < text.length) {
    if (text.charCodeAt(lineStart) === 10) {
      // A bare blank line, as go-yaml writes them.
      lineStart += 1;
      continue;
    }
    let column = indent;
    // Cut and compared: V8's startsWith slows down to a character at a time in a loop this hot.
    if (text.slice(lineStart, lineStart + indent) !== pad) {
      column = 0;
      while (text.charCodeAt(lineStart + column) === 32) column += 1;
      const code = text.charCodeAt(lineStart + column);
      if (code !== 10 && code !== 13 && !Number.isNaN(code)) return { end: lineStart, shortBlank };
      if (column > 0) shortBlank = true;
    }
    const newline = text.indexOf("\n", lineStart + column);
    if (newline === -1) return { end: text.length, shortBlank };
    lineStart = newline + 1;
  }
  return { end: text.length, shortBlank };
}

/**
 * Where a block whose text is indented `indent` ends once chomped (`strip`:
 * after its last line of text; `clip`: after that line's break), its
 * trailing blank lines left out.
 */
export function chompEnd(text: string, from: number, end: number, chomp: "clip" | "strip", indent: number): number {
  let index = end;
  for (;;) {
    while (index > from && text.charCodeAt(index - 1) === 10) index -= 1;
    let lineStart = index;
    while (lineStart > from && text.charCodeAt(lineStart - 1) === 32) lineStart -= 1;
    // A last line of spaces only is blank when it is no longer than the indentation: it goes too. Spaces past the indentation are text, as Go reads them.
    if (lineStart < index && (lineStart === from || text.charCodeAt(lineStart - 1) === 10) && index - lineStart <= indent) index = lineStart;
    else break;
  }
  return chomp === "clip" && index < end ? index + 1 : index;
}

/** Whether a block holds a line break go-yaml knows besides LF (four quick searches rather than one slow one). */
export function hasOtherBreak(text: string, from: number, end: number): boolean {
  const region = text.slice(from, end);
  return region.includes("\r") || region.includes("\u2028") || region.includes("\u2029") || region.includes("\u0085");
}

/**
 * A region of a block with each line's `indent` spaces after a line break
 * removed, as one flat string: its lines cut out and joined, one copy.
 * (`replaceAll` would give V8's rope of a piece per line: more for the
 * garbage collector to move, and copied again when first read.)
 */
export function stripLines(region: string, indent: number): string {
  return region.split(`\n${" ".repeat(indent)}`).join("\n");
}

/** The block's lines without their indentation; blank lines (shorter than it) become empty. */
export function stripIndentation(region: string, indent: number): string {
  const pad = " ".repeat(indent);
  if (!region.startsWith(pad) && !/^ *\n/.test(region)) outside("a short first line in a literal block");
  const first = region.startsWith(pad) ? region.slice(indent) : region.replace(/^ */, "");
  return first.replace(stripPattern(indent), "\n");
}

const stripPatterns = new Map<number, RegExp>();

/** A line break and the indentation after it, or the spaces of a blank line. */
function stripPattern(indent: number): RegExp {
  let pattern = stripPatterns.get(indent);
  if (pattern === undefined) {
    pattern = new RegExp(`\\n(?: {${indent}}| *(?=\\n|$))`, "g");
    stripPatterns.set(indent, pattern);
  }
  return pattern;
}

/** Applies a literal block's chomping to its text (every line ended by a line break). */
export function chomped(content: string, chomp: "clip" | "strip" | "keep"): string {
  if (chomp === "keep") return content;
  let end = content.length;
  while (end > 0 && content.charCodeAt(end - 1) === 10) end -= 1;
  const body = content.slice(0, end);
  return chomp === "strip" || body === "" ? body : `${body}\n`;
}
