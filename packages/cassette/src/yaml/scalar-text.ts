import { outside } from "./outside-subset.js";

/*
 * Where the quick reader's one-line scalars end, and whether it may read them
 * (`block-reader.ts`): a plain key, a plain value, a quoted scalar. What it
 * may not read throws `OutsideSubset`, for the `yaml` library to read.
 */

/** Characters that cannot start a plain scalar (or need a look at what follows): -?:,[]{}#&*!|>'"%@` */
const indicators = new Uint8Array(128);
for (const character of "-?:,[]{}#&*!|>'\"%@`") indicators[character.charCodeAt(0)] = 1;
const isIndicator = (code: number) => code < 128 && indicators[code] === 1;

/**
 * Where the plain key starting at `start` ends: at the colon followed by a
 * space or the line's end, one look at each character on the way. A comment
 * (` #`), a tab (`:` and a tab end a key too), an indicator first or a space
 * last is for a closer look.
 */
export function plainKeyEnd(text: string, start: number): number {
  let end = start;
  for (let previous = -1; ; end += 1) {
    const code = text.charCodeAt(end);
    if (code === 10 || Number.isNaN(code)) outside("a line without a key");
    if (code === 58) {
      const after = text.charCodeAt(end + 1);
      if (after === 32 || after === 10 || Number.isNaN(after)) break;
    } else if ((code === 35 && previous === 32) || code === 9) outside("a key that needs a closer look");
    previous = code;
  }
  if (end === start || isIndicator(text.charCodeAt(start)) || text.charCodeAt(end - 1) === 32) outside("a key that needs a closer look");
  return end;
}

/**
 * Throws unless `text` from `start` to `end` (its line's trailing spaces left
 * out) is a plain value read as it stands: not empty, no indicator first
 * (`-`, `?` and `:` are text when a character other than a space follows),
 * no ` #` (a comment), no `: ` and no `:` at the end (a key), no tab.
 */
export function checkPlainValue(text: string, start: number, end: number): void {
  if (end === start) outside("an empty plain scalar");
  const first = text.charCodeAt(start);
  if (isIndicator(first) && !((first === 45 || first === 63 || first === 58) && end > start + 1 && text.charCodeAt(start + 1) !== 32)) outside("a plain scalar that starts with an indicator");
  for (let index = start, previous = -1; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if ((code === 35 && previous === 32) || (code === 58 && (index + 1 === end || text.charCodeAt(index + 1) === 32)) || code === 9) outside("a plain scalar that needs a closer look");
    previous = code;
  }
}

/** The index of the quote (`quote`, a character code) closing the one at `start`, before `lineEnd`; -1 when it does not close there. */
export function closingQuote(text: string, start: number, quote: number, lineEnd: number): number {
  const mark = quote === 39 ? "'" : '"';
  for (let index = start + 1; ; ) {
    const found = text.indexOf(mark, index);
    if (found === -1 || found >= lineEnd) return -1;
    if (quote === 39) {
      // Two single quotes are one, inside.
      if (text.charCodeAt(found + 1) === 39) {
        index = found + 2;
        continue;
      }
      return found;
    }
    let slashes = 0;
    for (let back = found - 1; text.charCodeAt(back) === 92; back -= 1) slashes += 1;
    if (slashes % 2 === 0) return found;
    index = found + 1;
  }
}
