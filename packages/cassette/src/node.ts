import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { CassetteError } from "./errors.js";
import { writeFileAtomic } from "./files/write-file-atomic.js";
import type { Cassette } from "./model/cassette.js";
import { type ParseCassetteOptions, parseCassette } from "./read/parse-cassette.js";
import { type SerializeCassetteOptions, serializeCassette } from "./write/serialize-cassette.js";

/**
 * Reads and parses a cassette file; errors name the file (or `options.source`).
 *
 * @example
 * ```ts
 * import { readCassette } from "@tapedeck/cassette/node";
 * const cassette = await readCassette("fixtures/cassettes/chat.yaml");
 * ```
 */
export async function readCassette(path: string, options: ParseCassetteOptions = {}): Promise<Cassette> {
  const source = options.source ?? path;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new CassetteError("io", `cannot read the file: ${(cause as Error).message}`, { source }, { cause });
  }
  return parseCassette(bytes, { ...options, source });
}

/**
 * Writes a cassette file atomically (see {@link writeFileAtomic}): a reader
 * never sees half a cassette, a symbolic link stays a link, a 0600 file stays
 * 0600, and no temporary file is left behind.
 *
 * @example
 * ```ts
 * import { writeCassette } from "@tapedeck/cassette/node";
 * await writeCassette("fixtures/cassettes/chat.yaml", cassette);
 * ```
 */
export async function writeCassette(path: string, cassette: Cassette, options: SerializeCassetteOptions = {}): Promise<void> {
  const text = serializeCassette(cassette, options);
  try {
    await writeFileAtomic(path, text);
  } catch (cause) {
    throw new CassetteError("io", `cannot write the file: ${(cause as Error).message}`, { source: path }, { cause });
  }
}

export type { Cassette } from "./model/cassette.js";
export { type FileLock, lockFile } from "./files/lock-file.js";
export { type WriteFileAtomicOptions, writeFileAtomic } from "./files/write-file-atomic.js";

/** A cassette file found by {@link findCassetteFiles}. */
export interface FoundCassette {
  /** The path as the caller would write it: the argument, or the argument joined with the file below it. */
  path: string;
  /** The absolute path. */
  absolute: string;
  /** The path relative to the directory it was found in (for a file argument, its file name). */
  name: string;
}

/**
 * Expands file and directory arguments into cassette files: a directory gives
 * every `.yaml`/`.yml` regular file below it (or link to one), sorted by path,
 * skipping FIFOs, sockets and devices, which could block a reader forever; a
 * file is taken as given. A path that does not exist, or names something other
 * than a directory or regular file, is a `CassetteError` (`io`).
 *
 * @example
 * ```ts
 * import { findCassetteFiles } from "@tapedeck/cassette/node";
 * for (const { path } of await findCassetteFiles(["fixtures/cassettes"])) console.log(path);
 * ```
 */
export async function findCassetteFiles(paths: readonly string[], cwd: string = process.cwd()): Promise<FoundCassette[]> {
  const found: FoundCassette[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) throw new CassetteError("io", "no such file or directory", { source: path });
    if (!info.isDirectory()) {
      if (!info.isFile()) throw new CassetteError("io", "not a regular file (a FIFO, socket or device is never read)", { source: path });
      found.push({ path, absolute, name: basename(absolute) });
      continue;
    }
    for (const file of await listYaml(absolute)) {
      const name = relative(absolute, file).split(sep).join("/");
      found.push({ path: join(path, name), absolute: file, name });
    }
  }
  return found;
}

async function listYaml(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listYaml(path)));
    else if (/\.ya?ml$/.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile()))) files.push(path);
  }
  return files;
}
