import { resolve } from "node:path";
import { serializeCassette } from "@tapedeck/cassette";
import { readCassette } from "@tapedeck/cassette/node";
import type { CommandInput } from "../commands.js";
import { UsageError } from "../errors.js";
import type { CommandIo } from "../io.js";

/** `tapedeck roundtrip <file>`: parse and write back through the model, to stdout. */
export async function run({ positionals }: CommandInput, io: CommandIo): Promise<number> {
  if (positionals.length !== 1) throw new UsageError("roundtrip takes exactly one file");
  const file = positionals[0]!;
  io.stdout.write(serializeCassette(await readCassette(resolve(io.cwd, file), { source: file })));
  return 0;
}
