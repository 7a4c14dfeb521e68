import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { CassetteError } from "./errors.js";
import type { Cassette } from "./model/cassette.js";
import { type ParseCassetteOptions, parseCassette } from "./read/parse-cassette.js";
import { type StringifyCassetteOptions, stringifyCassette } from "./write/stringify-cassette.js";

/**
 * Reads and parses a cassette file; errors name the file.
 *
 * @example
 * ```ts
 * import { readCassette } from "@tapedeck/cassette/node";
 * const cassette = await readCassette("fixtures/cassettes/chat.yaml");
 * ```
 */
export async function readCassette(path: string, options: Omit<ParseCassetteOptions, "source"> = {}): Promise<Cassette> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new CassetteError("io", `cannot read the file: ${(cause as Error).message}`, { source: path }, { cause });
  }
  return parseCassette(bytes, { ...options, source: path });
}

/**
 * Writes a cassette file atomically: to a temporary file beside it, then renamed
 * over the target, so a reader never sees half a cassette.
 *
 * @example
 * ```ts
 * import { writeCassette } from "@tapedeck/cassette/node";
 * await writeCassette("fixtures/cassettes/chat.yaml", cassette);
 * ```
 */
export async function writeCassette(path: string, cassette: Cassette, options: StringifyCassetteOptions = {}): Promise<void> {
  const text = stringifyCassette(cassette, options);
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, text, "utf8");
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw new CassetteError("io", `cannot write the file: ${(cause as Error).message}`, { source: path }, { cause });
  }
}

export type { Cassette } from "./model/cassette.js";
