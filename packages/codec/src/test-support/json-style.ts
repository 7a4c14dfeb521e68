import fc from "fast-check";

/** How a provider spells its JSON: spaces after `:` and `,`, spaces before the outer `}`, `\u` escapes for non-ASCII. */
export interface JsonStyle {
  colonSpace: boolean;
  commaSpace: boolean;
  /** Spaces before the final `}` of the outer object (Anthropic's padding). */
  padding: number;
  /** Non-ASCII written as `\uXXXX` instead of raw UTF-8. */
  asciiOnly: boolean;
}

/** Writes JSON in a given style; written here, apart from the codec, so tests do not lean on the code under test. */
export function styledJson(value: unknown, style: JsonStyle, depth = 0): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    return style.asciiOnly && typeof value === "string" ? text.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`) : text;
  }
  const comma = style.commaSpace ? ", " : ",";
  if (Array.isArray(value)) return `[${value.map((item) => styledJson(item, style, depth + 1)).join(comma)}]`;
  const colon = style.colonSpace ? ": " : ":";
  const body = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${styledJson(key, style, depth + 1)}${colon}${styledJson(item, style, depth + 1)}`)
    .join(comma);
  return `{${body}${depth === 0 ? " ".repeat(style.padding) : ""}}`;
}

export const jsonStyle: fc.Arbitrary<JsonStyle> = fc.record({
  colonSpace: fc.boolean(),
  commaSpace: fc.boolean(),
  padding: fc.nat(15),
  asciiOnly: fc.boolean(),
});

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz` sets 100,000), else a count that keeps `pnpm test` fast. */
export const propertyRuns = (fallback: number) => Number(process.env.TAPEDECK_PROPERTY_RUNS) || fallback;

/** Cuts text into pieces of the given sizes, cycling through them. */
export function cutInto(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let start = 0, turn = 0; start < bytes.length; turn += 1) {
    const size = sizes[turn % sizes.length]!;
    pieces.push(bytes.subarray(start, start + size));
    start += size;
  }
  return pieces;
}

/** How many paths into the merged object a residual holds: a residual that is only the stream itself has none. */
export function referenceCount(residual: { paths: unknown[] } | undefined): number {
  return residual?.paths.length ?? 0;
}
