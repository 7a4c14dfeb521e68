import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { log, mark, ms, ratio, results } from "./report.js";

const contenders = ["local server", "tapedeck", "msw", "nock"] as const;
const requests = 1_000;

/** Each contender alone in a fresh process (each patches the process's fetch), three times, interleaved. */
function timesPerRequest(): Record<string, number[]> {
  const script = fileURLToPath(new URL("./vcr-child.js", import.meta.url));
  const times: Record<string, number[]> = Object.fromEntries(contenders.map((name) => [name, []]));
  for (let pass = 0; pass < 3; pass += 1) {
    for (const contender of contenders) {
      const output = execFileSync(process.execPath, [script, contender, String(requests), "5"], { encoding: "utf8" });
      times[contender]!.push(...(JSON.parse(output) as { msPerRequest: number[] }).msPerRequest);
    }
  }
  return times;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function vcrBenchmarks(): Promise<void> {
  log("## VCR replay");
  log();
  log(`${requests.toLocaleString("en")} recorded streamed chat completions (40 SSE events each), requested one after the other with the global \`fetch\` and read to the end, as a test suite would. tapedeck replays them from a go-vcr cassette through its interception (matching, redaction, event-by-event body); the local server answers the same bytes from a map over loopback HTTP; msw 2 and nock 14 (both on \`@mswjs/interceptors\`) answer the same bytes from their handlers. Each contender runs alone in a fresh process, 3 × 5 timed rounds after a warm-up, interleaved; the median round.`);
  log();
  const times = timesPerRequest();
  const medians = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
  const local = medians["local server"]!;
  const msw = medians.msw!;
  log("| contender | ms per request | ÷ local server | ÷ msw |");
  log("|---|---:|---:|---:|");
  for (const name of contenders) {
    const overLocal = medians[name]! / local;
    const overMsw = medians[name]! / msw;
    const marks = name === "tapedeck" ? [` ${mark(overLocal <= 1.5)} (≤ 1.5×)`, ` ${mark(overMsw < 1)} (< 1×)`] : ["", ""];
    log(`| ${name} | ${ms(medians[name]!)} | ${ratio(overLocal)}${marks[0]} | ${ratio(overMsw)}${marks[1]} |`);
  }
  log();
  results.vcr = { requests, msPerRequest: times, medians };
}
