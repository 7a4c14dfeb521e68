import { resolve } from "node:path";
import { readCassette } from "@tapedeck/cassette/node";
import type { TimingOptions } from "@tapedeck/replay";
import { startReplayServer } from "@tapedeck/replay/node";
import type { CommandInput } from "../commands.js";
import { UsageError } from "../errors.js";
import { expandCassettePaths, requirePaths } from "../files.js";
import type { CommandIo } from "../io.js";

/**
 * `tapedeck serve <file|dir>... [--port n] [--latency recorded|ms] [--pacing recorded|ms]
 * [--speed n] [--allow-repeats]`: a replay server on 127.0.0.1 until the process is
 * stopped (or `signal` aborts).
 */
export async function run({ positionals, values }: CommandInput, io: CommandIo): Promise<number> {
  const files = await expandCassettePaths(requirePaths(positionals), io.cwd);
  const cassettes = await Promise.all(files.map((file) => readCassette(resolve(io.cwd, file), { source: file })));
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${String(values.port)}"`);
  const timing: TimingOptions = {};
  for (const name of ["latency", "pacing"] as const) {
    const value = values[name] as string | undefined;
    if (value === undefined) continue;
    const milliseconds = Number(value);
    if (value !== "recorded" && !(value.trim() !== "" && milliseconds >= 0)) throw new UsageError(`--${name} must be "recorded" or a number of milliseconds, not "${value}"`);
    timing[name] = value === "recorded" ? "recorded" : milliseconds;
  }
  if (values.speed !== undefined) {
    const speed = Number(values.speed);
    if (!(speed > 0)) throw new UsageError(`--speed must be a number above 0, not "${String(values.speed)}"`);
    timing.speed = speed;
  }
  const server = await startReplayServer(cassettes, {
    port,
    timing,
    match: { allowRepeats: values["allow-repeats"] === true },
    onMiss: (error) => io.stderr.write(`miss: ${error.message}\n`),
  });
  const interactions = cassettes.reduce((sum, cassette) => sum + cassette.interactions.length, 0);
  io.stdout.write(`replaying ${interactions} interactions from ${files.length} cassettes at ${server.url}\n`);
  const signal = io.signal ?? processSignal();
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
