import { resolve } from "node:path";
import { readCassette } from "@tapedeck/cassette/node";
import { type CodecEvent, type DialectName, dialectNames, dialects, mergeInteraction, streamFraming } from "@tapedeck/codec";
import type { CommandInput } from "../commands.js";
import { UsageError } from "../errors.js";
import type { CommandIo } from "../io.js";

/**
 * `tapedeck merge <file>`: one JSON element per streamed interaction:
 * `{ interaction, dialect, framing, merged, complete, diagnostics, error? }`
 * (`completion` repeats `merged` for chat streams). A stream no dialect fits
 * says so (`dialect: null`, an `unknown-dialect` diagnostic).
 */
export async function run({ positionals: paths, values }: CommandInput, io: CommandIo): Promise<number> {
  const options = { events: values.events === true, strict: values.strict === true, dialect: values.dialect as string | undefined };
  if (paths.length !== 1) throw new UsageError("merge takes exactly one cassette file");
  if (options.dialect !== undefined && !dialectNames.includes(options.dialect as DialectName)) {
    throw new UsageError(`--dialect must be one of ${dialectNames.join(", ")}, not "${options.dialect}"`);
  }
  const file = paths[0]!;
  const cassette = await readCassette(resolve(io.cwd, file), { source: file });
  const results = [];
  let findings = 0;
  let incomplete = 0;
  for (const interaction of cassette.interactions) {
    if (streamFraming(interaction.response) === undefined && options.dialect === undefined) continue;
    const onEvent = options.events ? (event: CodecEvent) => io.stdout.write(`${JSON.stringify({ interaction: interaction.id, ...event })}\n`) : undefined;
    const result = mergeInteraction(interaction, { ...(onEvent ? { onEvent } : {}), ...(options.dialect ? { dialect: options.dialect as DialectName } : {}) });
    findings += result.diagnostics.length;
    if (!result.complete) incomplete += 1;
    const entry: Record<string, unknown> = {
      interaction: interaction.id,
      dialect: result.dialect ?? null,
      framing: result.framing ?? null,
      merged: result.merged ?? null,
      complete: result.complete,
      diagnostics: result.diagnostics,
    };
    if (result.dialect === "openai-chat") entry.completion = result.merged;
    if ("error" in result && result.error !== undefined) entry.error = result.error;
    if ("metadata" in result && result.metadata !== undefined) entry.metadata = result.metadata;
    results.push(entry);
  }
  if (!options.events) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return options.strict && (findings > 0 || incomplete > 0) ? 1 : 0;
}

/** The dialects `--dialect` takes, each with the framings it travels in, for `tapedeck merge --help`. */
export function details(): string {
  const width = Math.max(...dialectNames.map((name) => name.length));
  return ["Dialects:", ...dialectNames.map((name) => `  ${name.padEnd(width)}  ${dialects[name].framings.join(", ")}`)].join("\n");
}
