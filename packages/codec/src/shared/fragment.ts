import { CodecError } from "../errors.js";

/** Which text is being cut. */
export type FragmentField = "text" | "reasoning" | "refusal" | "arguments" | "signature";

/**
 * How text and arguments are cut into deltas: a fixed number of characters
 * (code points, so no emoji is split), or a function returning the pieces,
 * which must join back to the text.
 */
export type Fragmenter = number | ((text: string, field: FragmentField) => string[]);

/** Cuts `text` as the fragmenter says, checking that the pieces join back to it. */
export function cutText(text: string, fragment: Fragmenter, field: FragmentField, path: string): string[] {
  if (typeof fragment === "number") {
    if (!Number.isInteger(fragment) || fragment < 1) {
      throw new CodecError("invalid-fragments", `fragment size must be a whole number above 0, found ${fragment}`);
    }
    const characters = Array.from(text);
    const pieces: string[] = [];
    for (let start = 0; start < characters.length; start += fragment) {
      pieces.push(characters.slice(start, start + fragment).join(""));
    }
    return pieces;
  }
  const pieces = fragment(text, field);
  if (!Array.isArray(pieces) || pieces.some((piece) => typeof piece !== "string") || pieces.join("") !== text) {
    throw new CodecError("invalid-fragments", "the fragment function must return strings that join back to the text", path);
  }
  return pieces;
}
