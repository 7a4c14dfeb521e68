import { bodyText } from "@tapedeck/cassette";
import { findCassetteFiles, readCassette } from "@tapedeck/cassette/node";
import { type DialectName, detectDialect, dialectNames, dialects, streamFraming, streamPayloads } from "@tapedeck/codec";

/** What the cassettes hold of one dialect. */
export interface DialectSamples {
  dialect: DialectName;
  /** How many cassettes have at least one stream of this dialect. */
  cassettes: number;
  streams: number;
  /** Event payloads (JSON text) by event type, each in cassette, interaction and event order. */
  events: Map<string, string[]>;
  /** The JSON request bodies of those streams. */
  requests: string[];
}

/** Everything collected, and what could not be used (counted, never dropped in silence). */
export interface CollectedSamples {
  cassettes: number;
  dialects: DialectSamples[];
  /** Streams no dialect fits. */
  unknownStreams: number;
  /** Event payloads that are not JSON objects, or carry no event type. */
  unusablePayloads: number;
}

/**
 * Reads cassettes (files, or directories searched for `.yaml`/`.yml`) and
 * groups what their streams sent by dialect (as the codec detects it) and by
 * event type (`type` in Anthropic and Responses events, `:event-type` in
 * Bedrock's), with the JSON request bodies of each dialect. Deterministic:
 * cassettes are read in path order, whatever the order of the arguments.
 *
 * @example
 * ```ts
 * const { dialects } = await collectSamples(["fixtures"]);
 * dialects.map((samples) => [samples.dialect, [...samples.events.keys()]]);
 * ```
 */
export async function collectSamples(paths: readonly string[]): Promise<CollectedSamples> {
  const found = await findCassetteFiles(paths);
  found.sort((left, right) => compare(left.name, right.name) || compare(left.absolute, right.absolute));
  const byDialect = new Map<DialectName, DialectSamples>();
  const collected: CollectedSamples = { cassettes: found.length, dialects: [], unknownStreams: 0, unusablePayloads: 0 };
  for (const { absolute } of found) {
    const cassette = await readCassette(absolute);
    const seen = new Set<DialectName>();
    for (const interaction of cassette.interactions) {
      const detected = detectDialect(interaction);
      if (detected === undefined) {
        if (streamFraming(interaction.response) !== undefined) collected.unknownStreams += 1;
        continue;
      }
      const { dialect, framing } = detected;
      let samples = byDialect.get(dialect);
      if (samples === undefined) {
        samples = { dialect, cassettes: 0, streams: 0, events: new Map(), requests: [] };
        byDialect.set(dialect, samples);
      }
      if (!seen.has(dialect)) samples.cassettes += 1;
      seen.add(dialect);
      samples.streams += 1;
      const request = bodyText(interaction.request.body);
      if (jsonObject(request) !== undefined) samples.requests.push(request);
      for (const payload of streamPayloads(interaction.response.body ?? "", { framing })) {
        const json = jsonObject(payload.data);
        const type = json === undefined ? undefined : dialects[dialect].codegen.eventType(json, payload.type);
        if (type === undefined) {
          collected.unusablePayloads += 1;
          continue;
        }
        const list = samples.events.get(type);
        if (list === undefined) samples.events.set(type, [payload.data]);
        else list.push(payload.data);
      }
    }
  }
  collected.dialects = dialectNames.flatMap((name) => byDialect.get(name) ?? []);
  return collected;
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith("{")) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
