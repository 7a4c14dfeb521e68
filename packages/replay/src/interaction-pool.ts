import type { Cassette, HeaderMap, Interaction } from "@tapedeck/cassette";
import { ReplayError, type RequestDifference } from "./errors.js";
import { comparePrepared } from "./match/compare.js";
import { exactKey } from "./match/exact-key.js";
import { type PreparedRequest, prepareRecorded, prepareRequest } from "./match/prepare.js";
import { differsOnlyInOrigin } from "./match/url.js";
import type { IncomingRequest, ReplayOptions } from "./options.js";
import { createRedactor, type Redactor } from "./redaction/redactor.js";

interface PoolEntry {
  interaction: Interaction;
  label: string;
  prepared: PreparedRequest;
  used: boolean;
}

/** The recorded interactions of one or more cassettes, and which were used. */
export class InteractionPool {
  private readonly entries: PoolEntry[];
  private readonly redactor: Redactor | undefined;
  /**
   * The entries by exact key, in recorded order: the candidates of a match in
   * one lookup instead of a comparison with every entry. Off with a custom
   * matcher or ignored body paths, where keys cannot tell.
   */
  private readonly index: Map<string, PoolEntry[]> | undefined;

  constructor(
    cassettes: Cassette | readonly Cassette[],
    private readonly options: ReplayOptions = {},
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
        // Redacted like the live requests (rules and hook), so that a cassette recorded without them still matches.
        const redacted = this.redactor === undefined ? interaction : this.redactor.interaction(interaction);
        const recorded = options.redact === undefined ? redacted : options.redact(structuredClone(redacted)) ?? redacted;
        if (recorded === null) continue;
        this.entries.push({ interaction, label, prepared: prepareRecorded(recorded, options.match), used: false });
      }
    });
    const { matcher, ignoreBodyPaths } = options.match ?? {};
    if (matcher === undefined && (ignoreBodyPaths ?? []).length === 0) {
      this.index = new Map();
      for (const entry of this.entries) {
        const key = exactKey(entry.prepared);
        if (key === undefined) {
          this.index = undefined;
          break;
        }
        const list = this.index.get(key);
        if (list === undefined) this.index.set(key, [entry]);
        else list.push(entry);
      }
    }
  }

  /**
   * The live request as it is matched: redacted as the recorder redacts what
   * it writes (the redaction rules, then the `redact` hook, given the request
   * with an empty response). `null` when the hook leaves it out.
   */
  redactLive(live: IncomingRequest): IncomingRequest | null {
    if (this.redactor === undefined && this.options.redact === undefined) return live;
    const headers: HeaderMap = Object.create(null);
    live.headers.forEach((value, name) => {
      headers[name] = [value];
    });
    let interaction: Interaction = { id: -1, request: { method: live.method, url: live.url, headers, body: live.body }, response: { code: 0 } };
    if (this.redactor !== undefined) interaction = this.redactor.interaction(interaction);
    if (this.options.redact !== undefined) {
      const hooked = this.options.redact(structuredClone(interaction));
      if (hooked === null) return null;
      interaction = hooked ?? interaction;
    }
    const request = interaction.request;
    const redactedHeaders = new Headers();
    for (const [name, values] of Object.entries(request.headers ?? {})) for (const value of values) redactedHeaders.append(name, value);
    const body = request.body === undefined ? "" : typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
    return { method: request.method, url: request.url, headers: redactedHeaders, body };
  }

  /**
   * The interaction that answers a live request: the first unused one that
   * matches, in recorded order (a 429, then its retry's 200); with
   * `allowRepeats`, once all that match are used, the last of them again.
   * Else a `no-match` error naming the nearest and how it differs, or a
   * `dropped` error when the `redact` hook leaves the request out.
   */
  take(live: IncomingRequest): Interaction {
    const request = this.redactLive(live);
    if (request === null) {
      throw new ReplayError("dropped", `${live.method} ${live.url} is left out of every cassette by the redact hook (it returned null), so no recording can answer it`);
    }
    const { match = {} } = this.options;
    const prepared = match.matcher === undefined ? prepareRequest(request, match) : undefined;
    const found = prepared === undefined ? undefined : this.lookup(prepared);
    if (found !== undefined) return found;
    let nearest: { entry: PoolEntry; differences: RequestDifference[]; score: number } | undefined;
    let lastUsed: PoolEntry | undefined;
    for (const entry of this.entries) {
      const differences = match.matcher?.(request, entry.interaction) ?? comparePrepared(prepared!, entry.prepared, match);
      if (differences.length === 0) {
        if (!entry.used) {
          entry.used = true;
          return entry.interaction;
        }
        lastUsed = entry;
      }
      // An unused interaction is nearer than a used one with as many differences.
      const score = differences.length + (entry.used ? 0.5 : 0);
      if (nearest === undefined || score < nearest.score) nearest = { entry, differences, score };
    }
    if (match.allowRepeats && lastUsed !== undefined) return lastUsed.interaction;
    if (nearest === undefined) {
      throw new ReplayError("no-match", `No recorded interaction for ${request.method} ${request.url}: the cassettes are empty.`);
    }
    const { entry, differences } = nearest;
    const lines = differences.length === 0
      ? ["  it matches, but it was already used (pass match.allowRepeats to answer it again)"]
      : differences.map(({ path, recorded, sent }) => `  ${path}: recorded ${show(recorded)}, sent ${show(sent)}`);
    const hint = hintFor(differences);
    throw new ReplayError(
      "no-match",
      `No recorded interaction matches ${request.method} ${request.url}.\nNearest: ${entry.label}${entry.used ? " (already used)" : ""}, which differs in:\n${lines.join("\n")}${hint === undefined ? "" : `\n${hint}`}`,
      { nearest: entry.interaction.id, differences },
    );
  }

  /** The match among the indexed candidates (the same choice the full scan makes), or `undefined` to scan. */
  private lookup(prepared: PreparedRequest): Interaction | undefined {
    if (this.index === undefined) return undefined;
    const key = exactKey(prepared);
    if (key === undefined) return undefined;
    let lastUsed: PoolEntry | undefined;
    for (const entry of this.index.get(key) ?? []) {
      if (comparePrepared(prepared, entry.prepared, this.options.match).length > 0) continue;
      if (!entry.used) {
        entry.used = true;
        return entry.interaction;
      }
      lastUsed = entry;
    }
    return this.options.match?.allowRepeats && lastUsed !== undefined ? lastUsed.interaction : undefined;
  }

  /** The interactions no request has used yet, in recorded order. */
  unused(): Interaction[] {
    return this.entries.filter((entry) => !entry.used).map((entry) => entry.interaction);
  }
}

/** The option that would have made the nearest interaction match, when one would. */
function hintFor(differences: readonly RequestDifference[]): string | undefined {
  const [only] = differences;
  if (differences.length === 1 && only!.path === "url" && differsOnlyInOrigin(String(only!.recorded), String(only!.sent))) {
    return "Only the scheme, host or port differ (an upstream on a random port?): match with `match: { ignoreHosts: true }`.";
  }
  if (differences.length > 0 && differences.every(({ path }) => path.startsWith("headers."))) {
    return `Only headers differ: leave them out with \`match: { ignoreHeaders: [${differences.map(({ path }) => JSON.stringify(path.slice(8).toLowerCase())).join(", ")}] }\`.`;
  }
  return undefined;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
