import { relative, resolve } from "node:path";
import { checkChunkTypes, generateChunkTypes } from "@tapedeck/codegen";
import type { CommandIo } from "../io.js";

export const defaultCodegenInputs = ["fixtures/cassettes"];
export const defaultCodegenOut = "packages/chunk-types/src/generated";

/**
 * `tapedeck codegen [paths...] [--out dir] [--check]`: generate the chunk and
 * request types and validators; `--check` exits 1 when the files on disk are stale.
 */
export async function codegen(paths: readonly string[], io: CommandIo, options: { out?: string; check?: boolean }): Promise<number> {
  const cassettes = (paths.length > 0 ? paths : defaultCodegenInputs).map((path) => resolve(io.cwd, path));
  const out = resolve(io.cwd, options.out ?? defaultCodegenOut);
  if (options.check) {
    const stale = await checkChunkTypes({ cassettes, out });
    if (stale.length === 0) {
      io.stderr.write("generated types are up to date\n");
      return 0;
    }
    for (const file of stale) io.stdout.write(`${relative(io.cwd, file)}: stale: differs from what the cassettes generate\n`);
    io.stdout.write("Run `pnpm codegen` to regenerate them, and commit the result.\n");
    return 1;
  }
  const { samples } = await generateChunkTypes({ cassettes, out });
  const chunks = samples.reduce((sum, sample) => sum + sample.chunks, 0);
  const requests = samples.reduce((sum, sample) => sum + sample.requests, 0);
  io.stderr.write(`wrote ${relative(io.cwd, out) || "."} from ${samples.length} cassettes (${chunks} chunks, ${requests} requests)\n`);
  return 0;
}
