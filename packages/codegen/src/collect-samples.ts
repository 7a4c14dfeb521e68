import { bodyText } from "@tapedeck/cassette";
import { findCassetteFiles, readCassette } from "@tapedeck/cassette/node";
import { streamFraming, streamPayloads } from "@tapedeck/codec";

/** The JSON samples one cassette gave. */
export interface CassetteSamples {
  /** The cassette's path relative to the file or directory it was found through (stable across machines). */
  name: string;
  /** Chunk payloads (`data:` JSON of event-stream responses), by interaction and event number. */
  chunks: string[];
  /** JSON request bodies, by interaction. */
  requests: string[];
}

/**
 * Reads cassettes (files, or directories searched for `.yaml`/`.yml`) and
 * collects every chat-completion chunk payload and every JSON request body,
 * sorted by cassette path, interaction and event number.
 *
 * @example
 * ```ts
 * const samples = await collectSamples(["fixtures"]);
 * samples.map((cassette) => [cassette.name, cassette.chunks.length]);
 * ```
 */
export async function collectSamples(paths: readonly string[]): Promise<CassetteSamples[]> {
  const found = await findCassetteFiles(paths);
  found.sort((left, right) => compare(left.name, right.name) || compare(left.absolute, right.absolute));
  const result: CassetteSamples[] = [];
  for (const { name, absolute } of found) {
    const cassette = await readCassette(absolute);
    const samples: CassetteSamples = { name, chunks: [], requests: [] };
    for (const interaction of cassette.interactions) {
      const request = bodyText(interaction.request.body);
      if (isJsonObject(request)) samples.requests.push(request);
      const framing = streamFraming(interaction.response);
      if (framing === undefined) continue;
      for (const payload of streamPayloads(interaction.response.body ?? "", { framing })) {
        if (isJsonObject(payload.data)) samples.chunks.push(payload.data);
      }
    }
    result.push(samples);
  }
  return result;
}

function isJsonObject(text: string): boolean {
  if (!text.trimStart().startsWith("{")) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
