import type { Cassette, Interaction } from "@tapedeck/cassette";
import { ReplayError } from "./errors.js";
import { compareRequest, type IncomingRequest, type MatchOptions } from "./match.js";

/** Options that decide which recorded interaction answers a request. */
export interface PoolOptions extends MatchOptions {
  /** Let an interaction answer more than once. By default each is used once, in order. */
  allowRepeats?: boolean;
}

interface PoolEntry {
  interaction: Interaction;
  label: string;
  used: boolean;
}

/** The recorded interactions of one or more cassettes, and which were used. */
export class InteractionPool {
  private readonly entries: PoolEntry[];

  constructor(
    cassettes: Cassette | readonly Cassette[],
    private readonly options: PoolOptions = {},
  ) {
    const list = Array.isArray(cassettes) ? cassettes : [cassettes as Cassette];
    this.entries = [];
    list.forEach((cassette, cassetteIndex) => {
      if (cassette === null || typeof cassette !== "object" || !Array.isArray(cassette.interactions)) {
        throw new ReplayError("invalid-cassette", `cassette ${cassetteIndex} is not a parsed cassette (use parseCassette or readCassette)`);
      }
      for (const interaction of cassette.interactions) {
        this.entries.push({ interaction, label: list.length > 1 ? `cassette ${cassetteIndex}, interaction ${interaction.id}` : `interaction ${interaction.id}`, used: false });
      }
    });
  }

  /** The first unused interaction (any, with `allowRepeats`) that matches; else a `no-match` error naming the nearest. */
  take(request: IncomingRequest): Interaction {
    let nearest: { entry: PoolEntry; differences: ReturnType<typeof compareRequest>; score: number } | undefined;
    for (const entry of this.entries) {
      const differences = compareRequest(request, entry.interaction, this.options);
      const available = this.options.allowRepeats || !entry.used;
      if (differences.length === 0 && available) {
        entry.used = true;
        return entry.interaction;
      }
      // An unused interaction is nearer than a used one with as many differences.
      const score = differences.length + (available ? 0 : 0.5);
      if (nearest === undefined || score < nearest.score) nearest = { entry, differences, score };
    }
    if (nearest === undefined) {
      throw new ReplayError("no-match", `No recorded interaction for ${request.method} ${request.url}: the cassettes are empty.`);
    }
    const { entry, differences } = nearest;
    const lines = differences.length === 0
      ? ["  it matches, but it was already used (pass allowRepeats to answer it again)"]
      : differences.map(({ path, recorded, sent }) => `  ${path}: recorded ${show(recorded)}, sent ${show(sent)}`);
    throw new ReplayError(
      "no-match",
      `No recorded interaction matches ${request.method} ${request.url}.\nNearest: ${entry.label}${entry.used ? " (already used)" : ""}, which differs in:\n${lines.join("\n")}`,
      { nearest: entry.interaction.id, differences },
    );
  }
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
