import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { bodyText, isEventStream, parseCassette } from "@tapedeck/cassette";
import { parseEventStream } from "@tapedeck/sse";

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
  const found: Array<{ name: string; path: string }> = [];
  for (const path of paths) {
    const absolute = resolve(path);
    if ((await stat(absolute)).isDirectory()) {
      for (const file of await listYaml(absolute)) found.push({ name: relative(absolute, file).split("\\").join("/"), path: file });
    } else {
      found.push({ name: basename(absolute), path: absolute });
    }
  }
  found.sort((left, right) => compare(left.name, right.name) || compare(left.path, right.path));
  const result: CassetteSamples[] = [];
  for (const { name, path } of found) {
    const cassette = parseCassette(await readFile(path, "utf8"), { source: path });
    const samples: CassetteSamples = { name, chunks: [], requests: [] };
    for (const interaction of cassette.interactions) {
      const request = bodyText(interaction.request.body);
      if (isJsonObject(request)) samples.requests.push(request);
      if (!isEventStream(interaction.response)) continue;
      for (const event of parseEventStream(bodyText(interaction.response.body))) {
        if (event.data !== undefined && isJsonObject(event.data)) samples.chunks.push(event.data);
      }
    }
    result.push(samples);
  }
  return result;
}

async function listYaml(directory: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listYaml(path)));
    else if (/\.ya?ml$/.test(entry.name)) files.push(path);
  }
  return files;
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
