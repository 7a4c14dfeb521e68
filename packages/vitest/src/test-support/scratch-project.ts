import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Scratch projects live inside this package, so that their tests find @tapedeck/vitest by its own name. */
const scratch = fileURLToPath(new URL("../../.test-output/", import.meta.url));
const vitestBin = join(createRequire(import.meta.url).resolve("vitest/package.json"), "..", "vitest.mjs");

/** A folder of test files, run by a real vitest as a user's suite would be. */
export interface ScratchProject {
  root: string;
  write(files: Record<string, string>): Promise<void>;
  remove(path: string): Promise<void>;
  /** Runs `vitest run` in the folder: its exit code and everything it printed. */
  run(environment?: Record<string, string>): Promise<{ code: number; output: string }>;
}

let count = 0;

export async function scratchProject(name: string): Promise<ScratchProject> {
  count += 1;
  const root = join(scratch, `${name}-${process.pid}-${count}`);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  return {
    root,
    async write(files) {
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), text);
      }
    },
    remove: (path) => rm(join(root, path), { recursive: true, force: true }),
    run(environment = {}) {
      const env = { ...process.env, CI: "", TAPEDECK_MODE: "", NO_COLOR: "1", FORCE_COLOR: "0", ...environment };
      return new Promise((resolve) => {
        execFile(process.execPath, [vitestBin, "run", "--root", root], { env, timeout: 90_000 }, (error, stdout, stderr) => {
          resolve({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), output: `${stdout}${stderr}` });
        });
      });
    },
  };
}

export async function removeScratch(): Promise<void> {
  await rm(scratch, { recursive: true, force: true });
}

/** A local upstream on 127.0.0.1 that echoes what it is sent, counting requests. */
export async function echoUpstream(): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const piece of request) body += piece;
    requests += 1;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ echo: body, path: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
