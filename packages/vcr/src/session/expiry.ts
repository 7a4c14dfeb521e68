import type { Cassette } from "@tapedeck/cassette";

/**
 * How many days ago the cassette was recorded: from the oldest `Date` header
 * of its responses (servers send one with every answer; go-vcr keeps it).
 * `undefined` when no response has one.
 */
export function cassetteAgeInDays(cassette: Cassette, now = Date.now()): number | undefined {
  let oldest: number | undefined;
  for (const { response } of cassette.interactions) {
    for (const [name, values] of Object.entries(response.headers ?? {})) {
      if (name.toLowerCase() !== "date") continue;
      for (const value of values) {
        const time = Date.parse(value);
        if (Number.isFinite(time) && (oldest === undefined || time < oldest)) oldest = time;
      }
    }
  }
  return oldest === undefined ? undefined : (now - oldest) / 86_400_000;
}
