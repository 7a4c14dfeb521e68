import { CassetteError } from "../errors.js";

const unitNanoseconds: Record<string, number> = {
  ns: 1,
  us: 1e3,
  "µs": 1e3,
  "μs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Reads a Go duration (`time.Duration.String()` or anything `time.ParseDuration`
 * accepts, like `1h2m3.5s` or `662.265667ms`) as milliseconds.
 *
 * @example
 * ```ts
 * durationToMilliseconds("1.0912445s"); // 1091.2445
 * ```
 */
export function durationToMilliseconds(duration: string): number {
  if (duration === "0") return 0;
  const match = /^([-+]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(duration);
  if (match === null) {
    throw new CassetteError("wrong-type", `"${duration}" is not a Go duration (expected e.g. "1.5s" or "250ms")`);
  }
  let nanoseconds = 0;
  for (const part of match[2]!.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    nanoseconds += Number(part[1]) * unitNanoseconds[part[2]!]!;
  }
  return ((match[1] === "-" ? -1 : 1) * nanoseconds) / 1e6;
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
