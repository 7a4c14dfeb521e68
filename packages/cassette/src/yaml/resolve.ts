/**
 * Which plain strings go-yaml would read back as something other than a string
 * (go-yaml's `resolve.go`), and the YAML 1.1 leftovers it quotes anyway. A string
 * go-yaml would misread is never written plain.
 */

const resolvedWords = new Set([
  "",
  "~",
  "null",
  "Null",
  "NULL",
  "true",
  "True",
  "TRUE",
  "false",
  "False",
  "FALSE",
  ".nan",
  ".NaN",
  ".NAN",
  ".inf",
  ".Inf",
  ".INF",
  "+.inf",
  "+.Inf",
  "+.INF",
  "-.inf",
  "-.Inf",
  "-.INF",
  "<<",
]);

const yaml11Booleans = new Set([
  "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
]);

const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's `strconv.ParseFloat` takes after a leading dot: digits, underscores only between digits, an exponent. */
const goFloatAfterDot = /^\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?$/;

/** Whether go-yaml may write the string as a plain scalar (before the emitter's own checks). */
export function canBePlainForGoYaml(value: string): boolean {
  return !resolvesAsNonString(value) && !yaml11Booleans.has(value) && !base60Float.test(value);
}

/** Whether go-yaml reads the plain scalar as null, a boolean, a number, a timestamp or a merge key. */
export function resolvesAsNonString(value: string): boolean {
  if (resolvedWords.has(value)) return true;
  const first = value.charCodeAt(0);
  // Go reads these with strconv.ParseFloat, which fails (so: a string) past float64's range.
  if (first === 46 /* . */) return goFloatAfterDot.test(value) && Number.isFinite(Number(value.replaceAll("_", "")));
  const isDigit = first >= 48 && first <= 57;
  if (!isDigit && first !== 43 /* + */ && first !== 45 /* - */) return false;
  if (isDigit && isTimestamp(value)) return true;
  const plain = value.includes("_") ? value.replaceAll("_", "") : value;
  if (isGoInteger(plain)) return true;
  if (yamlStyleFloat.test(plain) && Number.isFinite(Number(plain))) return true;
  return false;
}

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
const uint64Max = 2n ** 64n - 1n;

/** Go's `strconv.ParseInt(s, 0, 64)` or `strconv.ParseUint(s, 0, 64)` succeeds. */
function isGoInteger(text: string): boolean {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (match === null) return false;
  const sign = match[1]!;
  let digits = match[2]!;
  let magnitude: bigint;
  if (/^0[oO]/.test(digits)) magnitude = BigInt(`0o${digits.slice(2)}`);
  else if (/^0[0-7]+$/.test(digits)) magnitude = BigInt(`0o${digits.slice(1)}`);
  else {
    if (/^0[xXbB]/.test(digits)) digits = digits[0]! + digits[1]!.toLowerCase() + digits.slice(2);
    magnitude = BigInt(digits);
  }
  if (sign === "-") return -magnitude >= int64Min;
  if (sign === "+") return magnitude <= int64Max;
  return magnitude <= uint64Max;
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** go-yaml's timestamp formats: `2006-1-2`, with `T`/`t`/space time, fraction and zone. */
export function isTimestamp(value: string): boolean {
  const match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(
      value,
    );
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 && !leap ? 28 : daysInMonth[month - 1]!;
  if (day > maxDay) return false;
  const hour = Number(match[5] ?? match[8] ?? 0);
  const minute = Number(match[6] ?? match[9] ?? 0);
  const second = Number(match[7] ?? match[10] ?? 0);
  return hour < 24 && minute < 60 && second < 60;
}

/** What go-yaml makes of a plain scalar (its `resolve`), with integers exact. */
export type GoScalar =
  | { kind: "null"; value: null }
  | { kind: "bool"; value: boolean }
  | { kind: "int"; value: number | bigint }
  | { kind: "float"; value: number }
  | { kind: "timestamp"; value: string }
  | { kind: "merge"; value: string }
  | { kind: "string"; value: string };

/** A short decimal without `+`, underscore or leading zero (`-0` is left to the full path): exact as a number. */
const shortDecimal = /^(?:0|-?[1-9][0-9]{0,14})$/;
const nullWords = new Set(["", "~", "null", "Null", "NULL"]);
const trueWords = new Set(["true", "True", "TRUE"]);
const falseWords = new Set(["false", "False", "FALSE"]);
const nanWords = new Set([".nan", ".NaN", ".NAN"]);
const infinityWords = new Set([".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]);
const negativeInfinityWords = new Set(["-.inf", "-.Inf", "-.INF"]);

/**
 * Resolves a plain scalar as go-yaml v3's `resolve.go` does: its words for
 * null, booleans, infinities and NaN; then, for text that starts with a
 * digit, sign or dot, a timestamp, an integer (`_` ignored; decimal, `0x`,
 * `0o`, `0b`, legacy `0777` octal; int64, else uint64), or a YAML-style float
 * that Go can parse (`1e400` overflows: a string). Integers past 2^53 are
 * `bigint`s.
 */
export function resolvePlain(text: string): GoScalar {
  // The common case, a short decimal: exact as a number.
  if (shortDecimal.test(text)) return { kind: "int", value: Number(text) };
  if (nullWords.has(text)) return { kind: "null", value: null };
  if (trueWords.has(text)) return { kind: "bool", value: true };
  if (falseWords.has(text)) return { kind: "bool", value: false };
  if (nanWords.has(text)) return { kind: "float", value: Number.NaN };
  if (infinityWords.has(text)) return { kind: "float", value: Number.POSITIVE_INFINITY };
  if (negativeInfinityWords.has(text)) return { kind: "float", value: Number.NEGATIVE_INFINITY };
  if (text === "<<") return { kind: "merge", value: text };
  const first = text.charCodeAt(0);
  const isDigit = first >= 48 && first <= 57;
  if (!isDigit && first !== 43 && first !== 45 && first !== 46) return { kind: "string", value: text };
  if (isDigit && isTimestamp(text)) return { kind: "timestamp", value: text };
  const plain = text.includes("_") ? text.replaceAll("_", "") : text;
  const integer = goParseInt(plain);
  if (integer !== undefined) return { kind: "int", value: integer };
  if (yamlStyleFloat.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) return { kind: "float", value };
  }
  return { kind: "string", value: text };
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

/** Go's `strconv.ParseInt(s, 0, 64)`, else `ParseUint(s, 0, 64)`: exact, `undefined` when neither parses. */
function goParseInt(text: string): number | bigint | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (match === null) return undefined;
  const sign = match[1]!;
  const digits = match[2]!;
  let magnitude: bigint;
  if (/^0[oO]/.test(digits)) magnitude = BigInt(`0o${digits.slice(2)}`);
  else if (/^0[0-7]+$/.test(digits)) magnitude = BigInt(`0o${digits.slice(1)}`);
  else if (/^0[xXbB]/.test(digits)) magnitude = BigInt(`0${digits[1]!.toLowerCase()}${digits.slice(2)}`);
  else magnitude = BigInt(digits);
  const value = sign === "-" ? -magnitude : magnitude;
  if (value < int64Min || (sign !== "" ? value > int64Max : value > uint64Max)) return undefined;
  return value >= -maxSafe && value <= maxSafe ? Number(value) : value;
}

/**
 * A resolved plain scalar as go-yaml puts it into a Go `int`/`int64` field:
 * an integer within int64, or a float truncated toward zero as Go does
 * (`2.5` is 2; the reader notes the lost fraction); `undefined` for what Go
 * refuses.
 */
export function goIntegerOf(resolved: GoScalar): number | bigint | undefined {
  if (resolved.kind === "float") return goFloatToInt(resolved.value);
  if (resolved.kind !== "int") return undefined;
  const value = resolved.value;
  // A number is within 2^53, so within int64; only a bigint (past 2^53, up to uint64) needs the check.
  if (typeof value === "number") return value;
  return value >= int64Min && value <= int64Max ? value : undefined;
}

/** Whether go-yaml reads the plain scalar as null: empty, `~` or `null` in three spellings. */
export function isNullWord(text: string): boolean {
  return text.length <= 4 && nullWords.has(text);
}

/**
 * A quoted (or `!!str`) scalar as go-yaml v3 puts it into a Go `bool` field:
 * only YAML 1.1's words (`yes`, `on`, `y`, `no`, `off`, `n`... a quoted
 * `"true"` is refused).
 */
export function goBoolWord(text: string): boolean | undefined {
  return yaml11Booleans.has(text) ? /^(?:y|Y|yes|Yes|YES|on|On|ON)$/.test(text) : undefined;
}

/** A plain scalar as go-yaml v3 puts it into a Go `bool` field: `true`/`false`, or YAML 1.1's `yes`, `on`, `y`... */
export function goBool(text: string): boolean | undefined {
  const resolved = resolvePlain(text);
  if (resolved.kind === "bool") return resolved.value;
  if (yaml11Booleans.has(text)) return /^(?:y|Y|yes|Yes|YES|on|On|ON)$/.test(text);
  return undefined;
}

/**
 * A float put into a Go int field by yaml.v3: refused above 2^63 (its check is
 * `value <= math.MaxInt64`, in floats) and for NaN; otherwise Go's
 * `int64(value)`, which truncates toward zero, and which on amd64 gives the
 * smallest int64 for what is out of range (2^63 itself, anything below -2^63,
 * -Inf).
 */
function goFloatToInt(value: number): number | bigint | undefined {
  if (Number.isNaN(value) || value > 2 ** 63) return undefined;
  if (value >= 2 ** 63 || value < -(2 ** 63)) return int64Min;
  const whole = Math.trunc(value);
  return Number.isSafeInteger(whole) ? whole : BigInt(whole);
}
