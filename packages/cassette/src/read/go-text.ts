import { GoRefusal } from "../yaml/refusal.js";

/**
 * The text as Go's reader sees its lines: CR LF and a lone CR end a line as LF
 * does, and so does NEL (U+0085) in a file whose lines end with nothing else.
 * (In a file with LF line ends a raw NEL is kept as a character: only goccy
 * writes one raw, in a plain scalar, meaning the character.) Line numbers and
 * columns do not move. Two byte-order marks, which Go refuses, are refused.
 */
export function goLines(text: string): string {
  if (text.startsWith("\ufeff\ufeff")) throw new GoRefusal(1, "a second byte-order mark; Go's reader takes one at the start, and no other");
  let result = text;
  if (result.includes("\r")) result = result.replace(/\r\n?/g, "\n");
  if (!result.includes("\n") && result.includes("\u0085")) result = result.replaceAll("\u0085", "\n");
  return result;
}
