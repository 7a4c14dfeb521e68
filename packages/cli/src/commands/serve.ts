import { resolve } from "node:path";
import { readCassette } from "@tapedeck/cassette/node";
import { startReplayServer } from "@tapedeck/replay/node";
import type { CommandInput } from "../commands.js";
import { UsageError } from "../errors.js";
import { expandCassettePaths, requirePaths } from "../files.js";
import type { CommandIo } from "../io.js";

/**
 * `tapedeck serve <file|dir>... [--port n] [--latency recorded|ms]`: a replay
 * server on 127.0.0.1 until the process is stopped (or `signal` aborts).
 */
export async function run({ positionals, values }: CommandInput, io: CommandIo): Promise<number> {
  const options = { port: values.port as string | undefined, latency: values.latency as string | undefined, signal: io.signal };
  const files = await expandCassettePaths(requirePaths(positionals), io.cwd);
  const cassettes = await Promise.all(files.map((file) => readCassette(resolve(io.cwd, file), { source: file })));
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${options.port}"`);
  let latency: "recorded" | number | undefined;
  if (options.latency !== undefined) {
    latency = options.latency === "recorded" ? "recorded" : Number(options.latency);
    if (typeof latency === "number" && !(latency >= 0)) throw new UsageError('--latency must be "recorded" or a number of milliseconds');
  }
  const server = await startReplayServer(cassettes, {
    port,
    ...(latency === undefined ? {} : { latency }),
    onMiss: (error) => io.stderr.write(`miss: ${error.message}\n`),
  });
  const interactions = cassettes.reduce((sum, cassette) => sum + cassette.interactions.length, 0);
  io.stdout.write(`replaying ${interactions} interactions from ${files.length} cassettes at ${server.url}\n`);
  const signal = options.signal ?? processSignal();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await server.close();
  return 0;
}

function processSignal(): AbortSignal {
  const controller = new AbortController();
  for (const name of ["SIGINT", "SIGTERM"] as const) process.once(name, () => controller.abort());
  return controller.signal;
}
