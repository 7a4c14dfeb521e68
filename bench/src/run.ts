import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCassette, serializeCassette } from "@tapedeck/cassette";
import { parse as yamlParse, stringify as yamlStringify } from "yaml";
import { bigCassetteText, fixtureTexts } from "./cassette-inputs.js";
import { aiSdk, jsonParseFloor, openaiNode, type Outcome, tapedeckPayloads, tapedeckSse } from "./contenders.js";
import { dialectBenchmarks, framingBenchmarks } from "./dialect-benchmarks.js";
import { floorAlone } from "./floor-comparison.js";
import { peakOverStart } from "./peak-memory.js";
import { goComparisonBenchmarks } from "./go-comparison.js";
import { linearityBenchmarks } from "./scaling-benchmarks.js";
import { sseBenchmarks } from "./sse-benchmarks.js";
import { vcrBenchmarks } from "./vcr-benchmarks.js";
import { mergeCases, type Stream, textDeltas } from "./inputs.js";
import { lines, log, mark, measure, ms, ratio, results, resultsDirectory } from "./report.js";

async function mergeBenchmarks(): Promise<void> {
  log("## Merge");
  log();
  log("Median time per pass over all the case's streams. tapedeck (payloads) parses and merges the `data:` payloads, like the floor parses them;");
  log("tapedeck (SSE), openai-node (`ChatCompletionStream` through its client) and the AI SDK (`@ai-sdk/openai-compatible` `doStream`) all start from the same SSE bytes, in 64 KiB reads.");
  log("The floor and tapedeck (payloads) are timed side by side alone in a fresh process per case, the rest together in this one. The million-delta case runs once per contender (no warm-up): the others take a minute a pass.");
  log();
  log("| case | deltas | JSON.parse floor ms | tapedeck (payloads) ms | ÷ floor (≤ 1.3×) | tapedeck (SSE) ms | openai-node ms | openai-node ÷ tapedeck (≥ 2×) | AI SDK ms | AI SDK ÷ tapedeck (≥ 3×) |");
  log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  const rows = [];
  for (const [index, item] of mergeCases().entries()) {
    const big = item.deltas > 200_000;
    const agreement = await agreements(item.streams);
    const each = <T>(run: (stream: Stream) => T) => () => {
      const out: T[] = [];
      for (const stream of item.streams) out.push(run(stream));
      return out;
    };
    const eachAsync = (run: (stream: Stream) => Promise<unknown>) => async () => {
      for (const stream of item.streams) await run(stream);
    };
    const options = big ? { iterations: 1, time: 0 } : { iterations: 20, time: 1500 };
    // The floor and tapedeck's merge of the same payloads side by side, alone in a fresh process (floor-comparison.ts).
    const alone = floorAlone("chat", index);
    const againstFloor: Record<string, number> = { floor: alone.floor, tapedeckPayloads: alone.merge };
    const contenders = await measure({ tapedeckSse: each(tapedeckSse), openaiNode: eachAsync(openaiNode), aiSdk: eachAsync(aiSdk) }, options);
    const times = { ...againstFloor, ...contenders };
    const row = {
      case: item.name,
      deltas: item.deltas,
      ...times,
      payloadsOverFloor: times.tapedeckPayloads! / times.floor!,
      openaiNodeOverTapedeck: times.openaiNode! / times.tapedeckSse!,
      aiSdkOverTapedeck: times.aiSdk! / times.tapedeckSse!,
      agreement,
    };
    rows.push(row);
    log(
      `| ${item.name} | ${item.deltas.toLocaleString("en")} | ${ms(times.floor!)} | ${ms(times.tapedeckPayloads!)} | ${ratio(row.payloadsOverFloor)} ${mark(row.payloadsOverFloor <= 1.3)} | ${ms(times.tapedeckSse!)} | ${ms(times.openaiNode!)} | ${ratio(row.openaiNodeOverTapedeck)} ${mark(row.openaiNodeOverTapedeck >= 2)} | ${ms(times.aiSdk!)} | ${ratio(row.aiSdkOverTapedeck)} ${mark(row.aiSdkOverTapedeck >= 3)} |`,
    );
  }
  log();
  for (const row of rows) if (row.agreement.length > 0) log(`- ${row.case}: ${row.agreement.join("; ")}`);
  log();
  results.merge = rows;
}

/** Whether the others merged what tapedeck merged; a difference is reported, not hidden. */
async function agreements(streams: Stream[]): Promise<string[]> {
  const notes = new Set<string>();
  const same = (left: Outcome, right: Outcome) => JSON.stringify(left) === JSON.stringify(right);
  for (const stream of streams) {
    const reference = tapedeckSse(stream);
    if (!same(tapedeckPayloads(stream), reference)) notes.add("tapedeck's two paths disagree");
    const node = await openaiNode(stream).catch((error: Error) => error);
    if (node instanceof Error) notes.add(`openai-node threw: ${node.message.split("\n")[0]}`);
    else if (!same(node, reference)) notes.add("openai-node's result differs from tapedeck's");
    const sdk = await aiSdk(stream).catch((error: Error) => error);
    if (sdk instanceof Error) notes.add(`the AI SDK threw: ${sdk.message.split("\n")[0]}`);
    else if (!same(sdk, reference)) notes.add("the AI SDK's result differs from tapedeck's (it reads choices[0] of each chunk only, so interleaved choices run together)");
  }
  return [...notes];
}

async function scalingBenchmarks(): Promise<void> {
  log("## Scaling");
  log();
  log("tapedeck (payloads) on n one-character text deltas: time per delta should stay flat (≤ 1.5× from the smallest to the largest).");
  log();
  log("| deltas | total ms | ns per delta | floor ns per delta |");
  log("|---:|---:|---:|---:|");
  const rows = [];
  for (const n of [1_000, 10_000, 100_000, 1_000_000]) {
    const stream = textDeltas(n);
    const times = await measure({ tapedeck: () => tapedeckPayloads(stream), floor: () => jsonParseFloor(stream) }, n >= 1_000_000 ? { iterations: 5, time: 0 } : { iterations: 30, time: 1500 });
    const perDelta = (times.tapedeck! * 1e6) / n;
    rows.push({ deltas: n, totalMs: times.tapedeck, nsPerDelta: perDelta, floorNsPerDelta: (times.floor! * 1e6) / n });
    log(`| ${n.toLocaleString("en")} | ${ms(times.tapedeck!)} | ${perDelta.toFixed(0)} | ${((times.floor! * 1e6) / n).toFixed(0)} |`);
  }
  const spread = rows.at(-1)!.nsPerDelta / rows[0]!.nsPerDelta;
  log();
  log(`Largest ÷ smallest per-delta cost: ${ratio(spread)} ${mark(spread <= 1.5)}`);
  log();
  results.scaling = { rows, spread };
}

/** Each operation's peak over its input, alone in a fresh process, in MiB. */
function peakMemory(file: string): Record<string, number> {
  const peak: Record<string, number> = {};
  for (const operation of ["tapedeck-parse", "yaml-parse", "tapedeck-write", "yaml-write"]) peak[operation] = peakOverStart(operation, file).bytes / 2 ** 20;
  return peak;
}

async function cassetteBenchmarks(): Promise<void> {
  log("## Cassette load and write");
  log();
  const fixtures = fixtureTexts();
  const big = bigCassetteText(100);
  const directory = mkdtempSync(join(tmpdir(), "tapedeck-bench-"));
  const bigFile = join(directory, "big.yaml");
  writeFileSync(bigFile, big);
  const fixtureModels = fixtures.map((text) => parseCassette(text));
  const fixturePlain = fixtures.map((text) => yamlParse(text));
  const fixtureTimes = await measure(
    {
      tapedeckParse: () => fixtures.map((text) => parseCassette(text)),
      yamlParse: () => fixtures.map((text) => yamlParse(text)),
      tapedeckWrite: () => fixtureModels.map((model) => serializeCassette(model)),
      yamlWrite: () => fixturePlain.map((value) => yamlStringify(value)),
    },
    { iterations: 30, time: 1500 },
  );
  const bigModel = parseCassette(big);
  const bigPlain = yamlParse(big);
  if (serializeCassette(bigModel) !== big) throw new Error("the 100 MB cassette did not round-trip");
  const bigTimes = await measure(
    {
      tapedeckParse: () => parseCassette(big),
      yamlParse: () => yamlParse(big),
      tapedeckWrite: () => serializeCassette(bigModel),
      yamlWrite: () => yamlStringify(bigPlain),
    },
    { iterations: 5, time: 0, collect: true },
  );
  const memory = peakMemory(bigFile);
  const megabytes = (big.length / 2 ** 20).toFixed(0);
  log(`The five fixtures (${(fixtures.reduce((sum, text) => sum + text.length, 0) / 1024).toFixed(0)} KB) and a ${megabytes} MB cassette (${bigModel.interactions.length} interactions with ${(bigModel.interactions[0]!.response.body as string).length.toLocaleString("en")}-character SSE bodies, layout B). tapedeck is lossless (byte-identical round trip, checked); \`yaml\`'s plain parse/stringify is not. On the large cassette each operation starts from a collected heap.`);
  log();
  log("| input | tapedeck parse ms | yaml.parse ms | tapedeck's parse speed-up (≥ 3×) | tapedeck write ms | yaml.stringify ms | write ratio |");
  log("|---|---:|---:|---:|---:|---:|---:|");
  for (const [name, times] of [["five fixtures", fixtureTimes], [`${megabytes} MB cassette`, bigTimes]] as const) {
    const speedUp = times.yamlParse! / times.tapedeckParse!;
    log(`| ${name} | ${ms(times.tapedeckParse!)} | ${ms(times.yamlParse!)} | ${ratio(speedUp)} ${mark(speedUp >= 3)} | ${ms(times.tapedeckWrite!)} | ${ms(times.yamlWrite!)} | ${ratio(times.tapedeckWrite! / times.yamlWrite!)} |`);
  }
  log();
  log(`Peak resident memory on the ${megabytes} MB cassette over what the process held before (the text read), each operation alone in a fresh process (MiB):`);
  log();
  log("| tapedeck parse | yaml.parse | tapedeck parse + write | yaml.parse + stringify |");
  log("|---:|---:|---:|---:|");
  const overStart = memory["tapedeck-parse"]! / (big.length / 2 ** 20);
  log(`| ${memory["tapedeck-parse"]!.toFixed(0)} | ${memory["yaml-parse"]!.toFixed(0)} | ${memory["tapedeck-write"]!.toFixed(0)} | ${memory["yaml-write"]!.toFixed(0)} |`);
  log();
  log(`tapedeck's parse peak over its input ÷ the file size: ${ratio(overStart)} ${mark(overStart <= 1.5)} (≤ 1.5×).`);
  log();
  results.cassette = { fixtures: fixtureTimes, big: { megabytes: Number(megabytes), interactions: bigModel.interactions.length, ...bigTimes }, peakMemoryMiB: memory };
}

log(`# tapedeck benchmarks`);
log();
const machine = results.machine as Record<string, unknown>;
log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}. One process, one run: ratios are comparable.`);
log();
// BENCH_ONLY=sse,scaling runs only those sections (for work on one of them); the committed results come from a full run.
const only = process.env.BENCH_ONLY?.split(",");
const sections: Array<[string, () => Promise<void>]> = [
  ["merge", mergeBenchmarks],
  ["dialects", dialectBenchmarks],
  ["framing", framingBenchmarks],
  ["scaling", scalingBenchmarks],
  ["linearity", linearityBenchmarks],
  ["cassette", cassetteBenchmarks],
  ["go", goComparisonBenchmarks],
  ["sse", sseBenchmarks],
  ["vcr", vcrBenchmarks],
];
for (const [name, run] of sections) if (only === undefined || only.includes(name)) await run();
mkdirSync(resultsDirectory, { recursive: true });
if (only === undefined) {
  writeFileSync(join(resultsDirectory, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDirectory, "latest.md"), `${lines.join("\n")}\n`);
}
