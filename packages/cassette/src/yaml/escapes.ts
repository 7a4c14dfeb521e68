/**
 * The content of a double-quoted scalar, escapes applied: YAML's (go-yaml
 * writes `\N`, `\L`, `\P`, `\e`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`) and Go's
 * `strconv.Quote` (goccy: `\a`, `\v`, `\xhh` in lower case). `undefined` for an
 * escape YAML does not have.
 */
export function unescapeDoubleQuoted(raw: string): string | undefined {
  // The common case, JSON's escapes only and no control character: the engine's own reader.
  if (!jsonUnfriendly.test(raw)) {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      // Fall through to the full reader.
    }
  }
  let result = "";
  let start = 0;
  for (let slash = raw.indexOf("\\"); slash !== -1; slash = raw.indexOf("\\", start)) {
    result += raw.slice(start, slash);
    const code = raw[slash + 1];
    const simple = code === undefined ? undefined : simpleEscapes[code];
    if (simple !== undefined) {
      result += simple;
      start = slash + 2;
      continue;
    }
    const digits = code === "x" ? 2 : code === "u" ? 4 : code === "U" ? 8 : 0;
    if (digits === 0) return undefined;
    const hex = raw.slice(slash + 2, slash + 2 + digits);
    if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    const point = Number.parseInt(hex, 16);
    if (point > 0x10ffff) return undefined;
    result += String.fromCodePoint(point);
    start = slash + 2 + digits;
  }
  return result + raw.slice(start);
}

/** Escapes JSON does not know, or characters it refuses raw. */
const jsonUnfriendly = /\\[^"\\/bfnrtu]|[\u0000-\u001f]/;

const simpleEscapes: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};
