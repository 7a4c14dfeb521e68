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
const goFloatAfterDot = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;

/** Whether go-yaml may write the string as a plain scalar (before the emitter's own checks). */
export function canBePlainForGoYaml(value: string): boolean {
  return !resolvesAsNonString(value) && !yaml11Booleans.has(value) && !base60Float.test(value);
}

/** Whether go-yaml reads the plain scalar as null, a boolean, a number, a timestamp or a merge key. */
export function resolvesAsNonString(value: string): boolean {
  if (resolvedWords.has(value)) return true;
  const first = value.charCodeAt(0);
  if (first === 46 /* . */) return goFloatAfterDot.test(value);
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
