import { resolve } from "node:path";
import { readCassette } from "@tapedeck/cassette/node";
import { bodyText, isEventStream } from "@tapedeck/cassette";
import { type CodecEvent, mergeEventStream } from "@tapedeck/codec";
import { UsageError } from "../files.js";
import type { CommandIo } from "../io.js";

/**
 * `tapedeck merge <file>`: a JSON array with, for each interaction whose
 * response is an event stream, its merged completion and diagnostics.
 * `--events`: the codec events instead, one JSON object per line.
 */
export async function merge(paths: readonly string[], io: CommandIo, options: { events?: boolean } = {}): Promise<number> {
  if (paths.length !== 1) throw new UsageError("merge takes exactly one cassette file");
  const file = paths[0]!;
  const cassette = await readCassette(resolve(io.cwd, file), { source: file });
  const results = [];
  for (const interaction of cassette.interactions) {
    if (!isEventStream(interaction.response)) continue;
    const onEvent = options.events
      ? (event: CodecEvent) => io.stdout.write(`${JSON.stringify({ interaction: interaction.id, ...event })}\n`)
      : undefined;
    const { completion, diagnostics, error } = mergeEventStream(bodyText(interaction.response.body), { onEvent });
    results.push({ interaction: interaction.id, completion, diagnostics, ...(error === undefined ? {} : { error }) });
  }
  if (!options.events) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return 0;
}
