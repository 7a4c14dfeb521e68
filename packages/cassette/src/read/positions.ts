import type { CassettePosition } from "../errors.js";

/** Where each field of a parsed interaction, request or response starts, by the object read. */
const positions = new WeakMap<object, Map<string, CassettePosition>>();

/**
 * Where a value of a parsed cassette starts in its file: an interaction
 * (`sourcePosition(interaction)`), or a field of an interaction, request or
 * response (`sourcePosition(interaction.response, "body")`). Only for
 * cassettes read with `positions: true`; `undefined` otherwise.
 *
 * @example
 * ```ts
 * const cassette = parseCassette(text, { source: "chat.yaml", positions: true });
 * const at = sourcePosition(cassette.interactions[0]!.response, "code"); // { source: "chat.yaml", line: 9, column: 15 }
 * ```
 */
export function sourcePosition(value: object, field = ""): CassettePosition | undefined {
  return positions.get(value)?.get(field);
}

/** Records where a field starts (the reader's side of {@link sourcePosition}). */
export function recordPosition(value: object, field: string, position: CassettePosition): void {
  let fields = positions.get(value);
  if (fields === undefined) {
    fields = new Map();
    positions.set(value, fields);
  }
  fields.set(field, position);
}

/**
 * Line and column (1-based; columns in code points) of offsets into a text.
 * The line starts are found once, on the first call, so each call after is a
 * binary search: linear in all however many positions are asked for.
 */
export function createLocator(text: string): (offset: number) => { line: number; column: number } {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (lineStarts === undefined) {
      lineStarts = [0];
      for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lineStarts.push(index + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const start = lineStarts[low]!;
    let column = 1;
    for (let index = start; index < offset; index += 1) {
      const code = text.charCodeAt(index);
      // A surrogate pair is one character.
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < offset) index += 1;
      column += 1;
    }
    return { line: low + 1, column };
  };
}
