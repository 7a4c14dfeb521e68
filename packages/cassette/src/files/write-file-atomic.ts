import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { chmod, mkdir, readdir, readlink, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { isAlive } from "./process-alive.js";

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
 * file keeps its permissions (a 0600 file stays 0600); a link to a file not
 * there yet creates that file. The temporary file is removed when the write
 * fails, and when SIGINT or SIGTERM stops the process mid-write; one left by a
 * process killed outright (SIGKILL) is removed by the next write of the file.
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from "@tapedeck/cassette/node";
 * await writeFileAtomic("src/generated/types.ts", text, { makeDirectory: true });
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const target = await linkTarget(path);
  if (options.makeDirectory) await mkdir(dirname(target), { recursive: true });
  await removeStaleTemporaries(target);
  const mode = (await stat(target).catch(() => undefined))?.mode;
  // The writer's process id is in the name: a later write knows a temporary file whose writer is gone (SIGKILL) and removes it.
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
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

/** Where writing `path` must go: through symbolic links, dangling ones included (a dangling link's target is created, the link kept). */
async function linkTarget(path: string): Promise<string> {
  let current = path;
  for (let hop = 0; hop < 40; hop += 1) {
    let link: string;
    try {
      link = await readlink(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Not a link (EINVAL), or nothing there yet (ENOENT): this is the file to write.
      if (code === "EINVAL" || code === "ENOENT") return current;
      throw error;
    }
    current = resolve(dirname(current), link);
  }
  throw new Error(`${path}: more than 40 symbolic links in a row (a loop?)`);
}

/** Removes temporary files of `target` whose writing process is gone. */
async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const match = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    if (match === null) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && !isAlive(pid)) await rm(join(dirname(target), name), { force: true });
  }
}
