import { resolve } from "node:path";
import { CassetteError, checkCassette, sourcePosition } from "@tapedeck/cassette";
import { readCassette } from "@tapedeck/cassette/node";
import { mergeInteraction, streamFraming } from "@tapedeck/codec";
import type { CommandInput } from "../commands.js";
import { expandCassettePaths, requirePaths } from "../files.js";
import type { CommandIo } from "../io.js";

/**
 * `tapedeck check <file|dir>...`: one line per problem, on stdout, then a
 * summary line; exit 0 when there is none, else 1. Problems, each at
 * `path:line:column`:
 *
 * - the cassette does not read (`invalid-yaml`, `wrong-type`...);
 * - a value Go reads but no server sent (`status-code`, `status-line`,
 *   `negative-duration`: see `checkCassette`);
 * - a stream tapedeck cannot merge whole: every diagnostic of a merge that is
 *   not complete (a cut stream, an invalid event, a provider error, an
 *   unknown dialect), with its interaction and event number, at the body.
 */
export async function run({ positionals }: CommandInput, io: CommandIo): Promise<number> {
  const files = await expandCassettePaths(requirePaths(positionals), io.cwd);
  let problems = 0;
  let failing = 0;
  for (const file of files) {
    const before = problems;
    const report = (line: string) => {
      problems += 1;
      io.stdout.write(`${line}\n`);
    };
    try {
      const cassette = await readCassette(resolve(io.cwd, file), { source: file, positions: true });
      for (const finding of checkCassette(cassette)) report(`${at(file, finding.position)}: ${finding.interaction === undefined ? "" : `interaction ${finding.interaction}: `}${finding.code}: ${finding.message}`);
      cassette.interactions.forEach((interaction, index) => {
        if (streamFraming(interaction.response) === undefined) return;
        const result = mergeInteraction(interaction);
        if (result.complete) return;
        const where = at(file, sourcePosition(interaction.response, "body") ?? sourcePosition(interaction));
        const diagnostics = result.diagnostics.length > 0 ? result.diagnostics : [{ code: "incomplete-stream", event: 0, message: "the stream is not complete" }];
        for (const diagnostic of diagnostics) report(`${where}: interaction ${index}, event ${diagnostic.event}: ${diagnostic.code}: ${diagnostic.message}`);
      });
    } catch (error) {
      if (error instanceof CassetteError) report(error.format());
      else report(`${file}:1:1: io: ${(error as Error).message}`);
    }
    if (problems > before) failing += 1;
  }
  const checked = `${files.length} cassette${files.length === 1 ? "" : "s"} checked`;
  io.stdout.write(problems === 0 ? `${checked}, all valid\n` : `${checked}: ${problems} problem${problems === 1 ? "" : "s"} in ${failing} file${failing === 1 ? "" : "s"}\n`);
  return problems === 0 ? 0 : 1;
}

function at(file: string, position: { line?: number; column?: number } | undefined): string {
  return `${file}:${position?.line ?? 1}:${position?.column ?? 1}`;
}
