import { resolve } from "node:path";
import { CassetteError } from "@tapedeck/cassette";
import { readCassette } from "@tapedeck/cassette/node";
import type { CommandInput } from "../commands.js";
import { expandCassettePaths, requirePaths } from "../files.js";
import type { CommandIo } from "../io.js";

/**
 * `tapedeck check <file|dir>...`: exit 0 when every file is a valid cassette,
 * else one `path:line:column: code: message` line per problem and exit 1.
 */
export async function run({ positionals }: CommandInput, io: CommandIo): Promise<number> {
  const files = await expandCassettePaths(requirePaths(positionals), io.cwd);
  let problems = 0;
  for (const file of files) {
    try {
      await readCassette(resolve(io.cwd, file), { source: file });
    } catch (error) {
      problems += 1;
      if (error instanceof CassetteError) io.stdout.write(`${error.format()}\n`);
      else io.stdout.write(`${file}:1:1: io: ${(error as Error).message}\n`);
    }
  }
  if (problems === 0) io.stderr.write(`${files.length} cassette${files.length === 1 ? "" : "s"} checked, all valid\n`);
  return problems === 0 ? 0 : 1;
}
