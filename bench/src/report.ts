import { cpus, freemem, platform, release, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";

/** Where `pnpm bench` writes its report. */
export const resultsDirectory = fileURLToPath(new URL("../results/", import.meta.url));

/** The report's markdown lines, printed as they are added. */
export const lines: string[] = [];
export const log = (line = "") => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

/** Mean milliseconds per call of each task, in one tinybench run. */
export async function measure(tasks: Record<string, () => unknown>, options: { iterations: number; time: number }): Promise<Record<string, number>> {
  const collect = (globalThis as { gc?: () => void }).gc;
  const bench = new Bench({
    // A full collection before each task, so one task's garbage is not billed to the next.
    setup: () => collect?.(),
    iterations: options.iterations,
    time: options.time,
    warmup: options.iterations > 1,
    warmupIterations: Math.min(3, options.iterations),
    warmupTime: 100,
    throws: true,
  });
  for (const [name, task] of Object.entries(tasks)) bench.add(name, task);
  await bench.run();
  return Object.fromEntries(bench.tasks.map((task) => [task.name, "latency" in task.result ? task.result.latency.mean : Number.NaN]));
}

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4));
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const mark = (ok: boolean) => (ok ? "✓" : "✗ misses");

/** Everything measured, written to results/latest.json. */
export const results: Record<string, unknown> = {
  machine: {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  },
  date: new Date().toISOString(),
};
