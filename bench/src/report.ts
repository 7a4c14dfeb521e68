import { cpus, freemem, platform, release, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

/** Where `pnpm bench` writes its report. */
export const resultsDirectory = fileURLToPath(new URL("../results/", import.meta.url));

/** The report's markdown lines, printed as they are added. */
export const lines: string[] = [];
export const log = (line = "") => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

/**
 * The median time of each task, in ms. The tasks take turns, round after round (each round starting with the
 * next task): so a drift of the machine's speed, a collection or a scheduler hiccup is shared by every contender
 * rather than billed to whichever ran then. No collection is forced between them unless `collect`: tried, a full
 * collection before each task made the merges that keep many small strings about a third slower and JSON.parse not
 * at all. `collect` is for tasks that each leave hundreds of megabytes behind (a large cassette's tree): then every
 * task starts from a collected heap, as Go's timing does (`runtime.GC()` before each), instead of collecting the task
 * before's tree on its own time. Runs at least `iterations` rounds and keeps going until `time` ms have passed; three
 * warm-up rounds first unless `iterations` is 1.
 */
export async function measure(tasks: Record<string, () => unknown>, options: { iterations: number; time: number; collect?: boolean }): Promise<Record<string, number>> {
  const entries = Object.entries(tasks);
  const samples = new Map<string, number[]>(entries.map(([name]) => [name, []]));
  const round = async (first: number, record: boolean) => {
    for (let offset = 0; offset < entries.length; offset += 1) {
      const [name, task] = entries[(first + offset) % entries.length]!;
      if (options.collect === true) (globalThis as { gc?: () => void }).gc?.();
      const start = performance.now();
      await task();
      if (record) samples.get(name)!.push(performance.now() - start);
    }
  };
  if (options.iterations > 1) for (let warmup = 0; warmup < 3; warmup += 1) await round(warmup, false);
  const started = performance.now();
  for (let count = 0; count < options.iterations || performance.now() - started < options.time; count += 1) await round(count, true);
  return Object.fromEntries([...samples].map(([name, times]) => [name, median(times)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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
