import type { Cassette, Interaction } from "@tapedeck/cassette";
import { ReplayError, type RequestDifference } from "./errors.js";
import { compareRequests, type IncomingRequest, type MatchOptions, type PreparedRequest, prepareRecorded, prepareRequest } from "./match.js";
import { createRedactor, type RedactionOptions } from "./redact.js";

/** Options that decide which recorded interaction answers a request. */
export interface PoolOptions extends MatchOptions {
  /** Let an interaction answer more than once. By default each is used once, in recorded order. */
  allowRepeats?: boolean;
  /**
   * The redaction the cassette was recorded with, applied to each live request
   * before it is matched, so that `?key=AIza...` matches a recorded
   * `?key=REDACTED`. Default: the recorder's defaults; `false` for none.
   */
  redaction?: RedactionOptions | false;
  /**
   * Decides the match instead of the built-in comparison: return the
   * differences (none for a match). Called with the live request (redacted) and
   * each candidate interaction.
   */
  matcher?: (request: IncomingRequest, interaction: Interaction) => RequestDifference[];
}

interface PoolEntry {
  interaction: Interaction;
  label: string;
  prepared: PreparedRequest;
  used: boolean;
}

/** The recorded interactions of one or more cassettes, and which were used. */
export class InteractionPool {
  private readonly entries: PoolEntry[];
  private readonly redactor;

  constructor(
    cassettes: Cassette | readonly Cassette[],
    private readonly options: PoolOptions = {},
  ) {
    const list = Array.isArray(cassettes) ? cassettes : [cassettes as Cassette];
    this.redactor = options.redaction === false ? undefined : createRedactor(options.redaction);
    this.entries = [];
    list.forEach((cassette, cassetteIndex) => {
      if (cassette === null || typeof cassette !== "object" || !Array.isArray(cassette.interactions)) {
        throw new ReplayError("invalid-cassette", `cassette ${cassetteIndex} is not a parsed cassette (use parseCassette or readCassette)`);
      }
      for (const interaction of cassette.interactions) {
        const label = list.length > 1 ? `cassette ${cassetteIndex}, interaction ${interaction.id}` : `interaction ${interaction.id}`;
        // Redacted like the live requests, so that a cassette recorded without redaction still matches.
        const recorded = this.redactor === undefined ? interaction : this.redactor.interaction(interaction);
        this.entries.push({ interaction, label, prepared: prepareRecorded(recorded, options), used: false });
      }
    });
  }

  /**
   * The first unused interaction (any, with `allowRepeats`) that matches, so a
   * request recorded several times (a 429, then a 200) is answered in recorded
   * order; else a `no-match` error naming the nearest and how it differs.
   */
  take(live: IncomingRequest): Interaction {
    const request = this.redact(live);
    const prepared = this.options.matcher === undefined ? prepareRequest(request, this.options) : undefined;
    let nearest: { entry: PoolEntry; differences: RequestDifference[]; score: number } | undefined;
    for (const entry of this.entries) {
      const differences = this.options.matcher?.(request, entry.interaction) ?? compareRequests(prepared!, entry.prepared, this.options);
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

  /** The interactions no request has used yet, in recorded order. */
  unused(): Interaction[] {
    return this.entries.filter((entry) => !entry.used).map((entry) => entry.interaction);
  }

  private redact(request: IncomingRequest): IncomingRequest {
    if (this.redactor === undefined) return request;
    const headers = new Headers();
    const map: Record<string, string[]> = Object.create(null);
    request.headers.forEach((value, name) => {
      map[name] = [value];
    });
    for (const [name, values] of Object.entries(this.redactor.headers(map) ?? {})) headers.set(name, values[0]!);
    const body = this.redactor.body(request.body);
    return { method: request.method, url: this.redactor.url(request.url), headers, body: typeof body === "string" ? body : request.body };
  }
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
