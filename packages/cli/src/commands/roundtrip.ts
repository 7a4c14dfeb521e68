import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseCassette, stringifyCassette } from "@tapedeck/cassette";
import { UsageError } from "../files.js";
import type { CommandIo } from "../io.js";

/** `tapedeck roundtrip <file>`: parse and write back through the model, to stdout. */
export async function roundtrip(paths: readonly string[], io: CommandIo): Promise<number> {
  if (paths.length !== 1) throw new UsageError("roundtrip takes exactly one file");
  const file = paths[0]!;
  const text = await readFile(resolve(io.cwd, file));
  io.stdout.write(stringifyCassette(parseCassette(text, { source: file })));
  return 0;
}
