import { CassetteError } from "../errors.js";


const nanosecondsPerUnit: Record<string, bigint> = { ns: 1n, us: 1_000n, "µs": 1_000n, "μs": 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
const maxDuration = 2n ** 63n - 1n;

/**
 * Reads a Go duration as Go's `time.ParseDuration` does, in one pass: an
 * optional sign, then numbers (`1`, `1.5`, `.5`) each with a unit (`ns`, `us`,
 * `µs`, `ms`, `s`, `m`, `h`), or `0`. The total in nanoseconds, or
 * `undefined` when it is not a duration or overflows Go's int64.
 */
function parseGoDuration(text: string): { nanoseconds: bigint; fraction: number } | undefined {
  let index = 0;
  let negative = false;
  if (text[0] === "-" || text[0] === "+") {
    negative = text[0] === "-";
    index = 1;
  }
  if (text.slice(index) === "0") return { nanoseconds: 0n, fraction: 0 };
  if (index >= text.length) return undefined;
  let total = 0n;
  let fraction = 0;
  while (index < text.length) {
    const start = index;
    while (index < text.length && text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) index += 1;
    const whole = text.slice(start, index);
    let decimals = "";
    if (text[index] === ".") {
      index += 1;
      const decimalStart = index;
      while (index < text.length && text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) index += 1;
      decimals = text.slice(decimalStart, index);
    }
    if (whole === "" && decimals === "") return undefined;
    const unitStart = index;
    while (index < text.length && !(text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) && text[index] !== ".") index += 1;
    const scale = nanosecondsPerUnit[text.slice(unitStart, index)];
    if (scale === undefined) return undefined;
    total += BigInt(whole || "0") * scale;
    if (decimals !== "") {
      const exact = (BigInt(decimals) * scale) / 10n ** BigInt(decimals.length);
      total += exact;
      // What a nanosecond cannot hold, for milliseconds that keep Go's rounding out of it.
      fraction += Number(`0.${decimals}`) * Number(scale) - Number(exact);
    }
    // Go's int64 holds one more nanosecond below zero than above: -2562047h47m16.854775808s is a duration.
    if (total > (negative ? maxDuration + 1n : maxDuration)) return undefined;
  }
  return { nanoseconds: negative ? -total : total, fraction: negative ? -fraction : fraction };
}

/**
 * Whether Go's `time.ParseDuration` accepts the text (`1.5s`, `662.265667ms`,
 * `1h2m3s`, `0`), overflow included.
 *
 * @example
 * ```ts
 * isGoDuration("1.5s"); // true
 * isGoDuration("forever"); // false
 * ```
 */
export function isGoDuration(text: string): boolean {
  return simpleDuration.test(text) || parseGoDuration(text) !== undefined;
}

/** One number of at most six whole digits and nine decimals, with a unit (what go-vcr writes), or `0`: a duration, too small to overflow. */
const simpleDuration = /^[-+]?(?:0|[0-9]{1,6}(?:\.[0-9]{0,9})?(?:ns|us|µs|μs|ms|s|m|h))$/;

/**
 * Reads a Go duration (`time.Duration.String()` or anything `time.ParseDuration`
 * accepts, like `1h2m3.5s` or `662.265667ms`) as milliseconds. Linear in the
 * text, however long.
 *
 * @example
 * ```ts
 * durationToMilliseconds("1.0912445s"); // 1091.2445
 * ```
 */
export function durationToMilliseconds(duration: string): number {
  const parsed = parseGoDuration(duration);
  if (parsed === undefined) {
    throw new CassetteError("invalid-value", `"${duration.length > 60 ? `${duration.slice(0, 60)}…` : duration}" is not a Go duration (expected e.g. "1.5s" or "250ms")`);
  }
  return Number(parsed.nanoseconds) / 1e6 + parsed.fraction / 1e6;
}

/**
 * Writes milliseconds as Go's `time.Duration.String()` does (rounded to whole
 * nanoseconds): `0s`, `250ms`, `1.5s`, `1h0m0s`.
 *
 * @example
 * ```ts
 * millisecondsToDuration(1091.2445); // "1.0912445s"
 * ```
 */
export function millisecondsToDuration(milliseconds: number): string {
  const total = BigInt(Math.round(milliseconds * 1e6));
  if (total === 0n) return "0s";
  const sign = total < 0n ? "-" : "";
  const nanoseconds = total < 0n ? -total : total;
  if (nanoseconds < 1_000_000_000n) {
    if (nanoseconds < 1_000n) return `${sign}${nanoseconds}ns`;
    if (nanoseconds < 1_000_000n) return `${sign}${withFraction(nanoseconds, 1_000n, 3)}µs`;
    return `${sign}${withFraction(nanoseconds, 1_000_000n, 6)}ms`;
  }
  const hours = nanoseconds / 3_600_000_000_000n;
  const minutes = (nanoseconds / 60_000_000_000n) % 60n;
  const seconds = withFraction(nanoseconds % 60_000_000_000n, 1_000_000_000n, 9);
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

function withFraction(value: bigint, unit: bigint, digits: number): string {
  const whole = value / unit;
  const fraction = (value % unit).toString().padStart(digits, "0").replace(/0+$/, "");
  return fraction === "" ? `${whole}` : `${whole}.${fraction}`;
}
