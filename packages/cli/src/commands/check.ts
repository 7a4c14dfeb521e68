import { resolve } from "node:path";
import { CassetteError } from "@tapedeck/cassette";
import { readCassette } from "@tapedeck/cassette/node";
import { mergeInteraction, streamFraming } from "@tapedeck/codec";
import type { CommandInput } from "../commands.js";
import { expandCassettePaths, requirePaths } from "../files.js";
import type { CommandIo } from "../io.js";

/** Diagnostics that say a stream's bytes cannot be read at all, as opposed to an odd but readable stream. */
const unreadable = new Set(["invalid-framing", "invalid-utf8"]);

/**
 * `tapedeck check <file|dir>...`: exit 0 when every file is a valid cassette
 * whose streams can be read, else one line per problem and exit 1:
 * `path:line:column: code: message` for the cassette, `path: interaction n,
 * event e: code: message` for a stream `tapedeck merge` could not read.
 */
export async function run({ positionals }: CommandInput, io: CommandIo): Promise<number> {
  const files = await expandCassettePaths(requirePaths(positionals), io.cwd);
  let problems = 0;
  for (const file of files) {
    try {
      const cassette = await readCassette(resolve(io.cwd, file), { source: file });
      for (const interaction of cassette.interactions) {
        if (streamFraming(interaction.response) === undefined) continue;
        for (const diagnostic of mergeInteraction(interaction).diagnostics) {
          if (!unreadable.has(diagnostic.code)) continue;
          problems += 1;
          io.stdout.write(`${file}: interaction ${interaction.id}, event ${diagnostic.event}: ${diagnostic.code}: ${diagnostic.message}\n`);
        }
      }
    } catch (error) {
      problems += 1;
      if (error instanceof CassetteError) io.stdout.write(`${error.format()}\n`);
      else io.stdout.write(`${file}:1:1: io: ${(error as Error).message}\n`);
    }
  }
  if (problems === 0) io.stderr.write(`${files.length} cassette${files.length === 1 ? "" : "s"} checked, all valid\n`);
  return problems === 0 ? 0 : 1;
}
