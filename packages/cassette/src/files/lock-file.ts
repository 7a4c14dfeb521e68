import { unlinkSync } from "node:fs";
import { mkdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { CassetteError } from "../errors.js";
import { isAlive } from "./process-alive.js";

/** Locks this process holds, released if it exits without releasing them. */
const held = new Set<string>();
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  for (const lock of held) {
    try {
      unlinkSync(lock);
    } catch {
      // Already gone.
    }
  }
}

/** A lock held on a file; `release()` lets it go (once; later calls do nothing). */
export interface FileLock {
  release(): Promise<void>;
}

/**
 * Takes the lock of a file being recorded: `<path>.lock`, created only if no
 * other holds it, naming this process. A lock whose process is gone (same
 * host, process no longer running) is stale and taken over; a live one is a
 * `CassetteError` with code `locked`, naming its holder, so that two
 * processes never write one cassette and keep half of each's interactions.
 *
 * @example
 * ```ts
 * import { lockFile } from "@tapedeck/cassette/node";
 * const lock = await lockFile("test/cassettes/chat.yaml");
 * try { ... } finally { await lock.release(); }
 * ```
 */
export async function lockFile(path: string): Promise<FileLock> {
  const lock = `${path}.lock`;
  const me = { pid: process.pid, host: hostname() };
  // The folder may not exist yet: made for the lock, and taken away again at release if nothing else was put there.
  const madeFolder = await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(lock, `${JSON.stringify(me)}\n`, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new CassetteError("io", `cannot create the lock ${lock}: ${(error as Error).message}`, { source: path }, { cause: error });
      }
      const holder = await readHolder(lock);
      const stale = holder === undefined || (holder.host === me.host && holder.pid !== me.pid && !isAlive(holder.pid));
      if (stale && attempt < 3) {
        await rm(lock, { force: true });
        continue;
      }
      const who = holder === undefined ? "another process" : `process ${holder.pid} on ${holder.host}${holder.pid === me.pid && holder.host === me.host ? " (this one)" : ""}`;
      throw new CassetteError("locked", `${path} is being recorded by ${who} (its lock is ${lock}); wait for it to finish, or remove the lock if that process is gone`, { source: path });
    }
  }
  held.add(lock);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", releaseAllOnExit);
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      held.delete(lock);
      await rm(lock, { force: true });
      if (madeFolder !== undefined) await removeEmptyFolders(dirname(path), madeFolder);
    },
  };
}

async function readHolder(lock: string): Promise<{ pid: number; host: string } | undefined> {
  try {
    const value = JSON.parse(await readFile(lock, "utf8")) as { pid?: unknown; host?: unknown };
    return typeof value.pid === "number" && typeof value.host === "string" ? { pid: value.pid, host: value.host } : undefined;
  } catch {
    return undefined;
  }
}

/** Removes `folder` and its parents up to `top`, each only while empty. */
async function removeEmptyFolders(folder: string, top: string): Promise<void> {
  for (let current = folder; ; current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (current === top || dirname(current) === current) return;
  }
}
