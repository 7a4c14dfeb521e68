import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Cassette, cassetteLayouts, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { buildInterop, goMissing } from "@tapedeck/go-interop-tests/go";
import { fixtureTexts } from "./cassette-inputs.js";
import { textDeltas } from "./inputs.js";
import { peakOverStart } from "./peak-memory.js";
import { log, mark, ms, ratio, results } from "./report.js";

/** The two shapes of the Go comparison, each made when it is measured: few huge streamed bodies, and thousands of small interactions. */
function shapes(): Array<{ name: string; make: () => string }> {
  const template = parseCassette(fixtureTexts()[2]!).interactions[0]!;
  const make = (deltas: number, megabytes: number) => {
    const body = textDeltas(deltas).sse;
    const count = Math.ceil((megabytes * 2 ** 20) / (body.length + 2_500));
    const cassette: Cassette = {
      version: 2,
      // go-vcr's own layout: yaml.v3's Marshal.
      layout: cassetteLayouts.C,
      interactions: Array.from({ length: count }, (_, id) => ({ id, request: { ...template.request }, response: { ...template.response, body } })),
    };
    return serializeCassette(cassette);
  };
  return [
    { name: "few huge streamed bodies", make: () => make(2_300, 55) },
    { name: "thousands of small interactions", make: () => make(55, 80) },
  ];
}

/** Rounds of the comparison: one Go process and one tapedeck load and save each. */
const rounds = 5;

/**
 * A pause before each contender's run, so that neither pays for the work the other left the machine: right after
 * Go's process gives back its gigabyte, the kernel is still at work for a while (loads measured up to 40% slower in
 * the first second, Go's and tapedeck's alike).
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

/** tapedeck's side of a round, in a process of its own. */
const childScript = fileURLToPath(new URL("./go-child.js", import.meta.url));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;


/**
 * tapedeck against go-vcr's own load and save (yaml.v3 into go-vcr's structs,
 * built offline from Debian's packages as tests/go-interop does), on the same
 * files in one run. Skipped, with the reason, where Go is not installed.
 */
export async function goComparisonBenchmarks(): Promise<void> {
  log("## Cassette load and save against Go's go-vcr");
  log();
  const missing = goMissing();
  if (missing !== undefined) {
    log(`Skipped: ${missing}.`);
    log();
    results.go = { skipped: missing };
    return;
  }
  const run = buildInterop();
  const directory = mkdtempSync(join(tmpdir(), "tapedeck-bench-go-"));
  log("Each file is written by tapedeck in go-vcr's layout (yaml.v3 `Marshal`) and checked byte for byte: Go's save and tapedeck's save both give back the file.");
  log("Load: bytes to go-vcr's structs (Go, `yaml.Unmarshal`) or to tapedeck's model (`parseCassette` of the bytes, UTF-8 checked). Save: structs to bytes (`yaml.Marshal`) or model to bytes (`serializeCassette`, then UTF-8). Go and tapedeck take turns, " + rounds + " rounds, each in a fresh process of its own every round, after a second's pause; medians (Go's warm run of two; tapedeck's run after three warm-ups). Both start each timed run from a collected heap (Go: `runtime.GC()`; tapedeck: `gc()`) and save what they loaded.");
  log();
  log("| shape | size | interactions | Go load ms | tapedeck load ms | load speed-up (≥ 5×) | Go save ms | tapedeck save ms | save speed-up (≥ 3×) | tapedeck load peak over the bytes ÷ size (≤ 1.5×) | the same from text |");
  log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  const rows = [];
  for (const [index, shape] of shapes().entries()) {
    const file = join(directory, `shape-${index}.yaml`);
    const bytes = Buffer.from(shape.make());
    writeFileSync(file, bytes);
    const interactions = parseCassette(bytes).interactions.length;
    // Go and tapedeck take turns, round after round, so that a drift of this shared machine's speed is billed to both
    // alike. Each runs in a fresh process of its own every round: Go loads and saves twice and its second (warm) run
    // counts; tapedeck (go-child.ts) loads and saves three times first, then once timed. Both start each timed run
    // from a collected heap (Go's timing calls runtime.GC() before each load and save), both save what they loaded,
    // and both saves give back the file (checked).
    const go = { loadMs: [] as number[], saveMs: [] as number[] };
    const tapedeck = { loadMs: [] as number[], saveMs: [] as number[] };
    // What this process made of the file (and the sections before left) is collected, not held while the rounds run.
    (globalThis as { gc?: () => void }).gc?.();
    for (let round = 0; round < rounds; round += 1) {
      await settle();
      const goRun = JSON.parse(run(["time", "-runs", "2", file])) as { loadMs: number[]; saveMs: number[]; same: boolean };
      if (!goRun.same) throw new Error(`Go's save did not give back ${shape.name}`);
      go.loadMs.push(goRun.loadMs[1]!);
      go.saveMs.push(goRun.saveMs[1]!);
      await settle();
      const tapedeckRun = JSON.parse(execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=16384", childScript, file], { encoding: "utf8" })) as { loadMs: number; saveMs: number; same: boolean };
      if (!tapedeckRun.same) throw new Error(`tapedeck's save did not give back ${shape.name}`);
      tapedeck.loadMs.push(tapedeckRun.loadMs);
      tapedeck.saveMs.push(tapedeckRun.saveMs);
    }
    const times = { load: median(tapedeck.loadMs), save: median(tapedeck.saveMs) };
    const row = {
      shape: shape.name,
      megabytes: bytes.length / 2 ** 20,
      interactions,
      goLoad: median(go.loadMs),
      goSave: median(go.saveMs),
      tapedeckLoad: times.load!,
      tapedeckSave: times.save!,
      memory: peakOverStart("tapedeck-parse", file, "bytes").bytes / bytes.length,
      memoryFromText: peakOverStart("tapedeck-parse", file, "text").bytes / bytes.length,
    };
    rows.push(row);
    const loadUp = row.goLoad / row.tapedeckLoad;
    const saveUp = row.goSave / row.tapedeckSave;
    log(
      `| ${row.shape} | ${row.megabytes.toFixed(0)} MB | ${row.interactions.toLocaleString("en")} | ${ms(row.goLoad)} | ${ms(row.tapedeckLoad)} | ${ratio(loadUp)} ${mark(loadUp >= 5)} | ${ms(row.goSave)} | ${ms(row.tapedeckSave)} | ${ratio(saveUp)} ${mark(saveUp >= 3)} | ${ratio(row.memory)} ${mark(row.memory <= 1.5)} | ${ratio(row.memoryFromText)} |`,
    );
  }
  log();
  results.go = rows;
}
