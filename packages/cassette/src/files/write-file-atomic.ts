import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { chmod, mkdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Create the folder (and its parents) when missing. Default `false`. */
  makeDirectory?: boolean;
}

/** Temporary files being written, removed if the process is stopped by SIGINT or SIGTERM meanwhile. */
const pending = new Set<string>();
const signals = ["SIGINT", "SIGTERM"] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
  for (const name of signals) process.removeListener(name, onSignal);
  // Stop as the signal would have, now that nothing half-written is left behind.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function track(path: string): void {
  if (pending.size === 0) for (const name of signals) process.on(name, onSignal);
  pending.add(path);
}

function untrack(path: string): void {
  pending.delete(path);
  if (pending.size === 0) for (const name of signals) process.removeListener(name, onSignal);
}

/**
 * Writes a file so that a reader sees the old content or the new, never half:
 * to a temporary file beside the target, then renamed over it. Writing through
 * a symbolic link writes the file it points to (the link stays); an existing
 * file keeps its permissions (a 0600 file stays 0600). The temporary file is
 * removed when the write fails, and when SIGINT or SIGTERM stops the process
 * mid-write.
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from "@tapedeck/cassette/node";
 * await writeFileAtomic("src/generated/types.ts", text, { makeDirectory: true });
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const target = await realpath(path).catch(() => path);
  if (options.makeDirectory) await mkdir(dirname(target), { recursive: true });
  const mode = (await stat(target).catch(() => undefined))?.mode;
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  track(temporary);
  try {
    await writeFile(temporary, data, mode === undefined ? {} : { mode: mode & 0o7777 });
    if (mode !== undefined) await chmod(temporary, mode & 0o7777);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    untrack(temporary);
  }
}
