import { createEventStreamParser } from "@tapedeck/sse";
import { createParser } from "eventsource-parser";
import { mergeCase, textDeltas } from "./inputs.js";
import { log, mark, measure, ms, ratio, results } from "./report.js";

/** The text cut as a network or a test might cut it. */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

function tapedeck(pieces: readonly string[]): number {
  let count = 0;
  const parser = createEventStreamParser({ onEvent: () => void (count += 1) });
  for (const piece of pieces) parser.feed(piece);
  parser.end();
  return count;
}

function eventsourceParser(pieces: readonly string[]): number {
  let count = 0;
  const parser = createParser({ onEvent: () => void (count += 1) });
  for (const piece of pieces) parser.feed(piece);
  return count;
}

const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;

/**
 * The two readers timed in six short rounds, each going first in turn, and the
 * median round of each kept: on a small shared machine the order in which two
 * close contenders run moves a single long measurement by a third.
 */
async function interleaved(ours: () => unknown, theirs: () => unknown): Promise<{ tapedeck: number; eventsourceParser: number }> {
  const tapedeckRounds: number[] = [];
  const theirRounds: number[] = [];
  for (let round = 0; round < 6; round += 1) {
    const tasks = round % 2 === 0 ? { tapedeck: ours, eventsourceParser: theirs } : { eventsourceParser: theirs, tapedeck: ours };
    const times = await measure(tasks, { iterations: 10, time: 400 });
    tapedeckRounds.push(times.tapedeck!);
    theirRounds.push(times.eventsourceParser!);
  }
  return { tapedeck: median(tapedeckRounds), eventsourceParser: median(theirRounds) };
}

/**
 * SSE decoding against eventsource-parser, the same text fed the same way to
 * both: whole, in network-sized and tiny pieces, an event at a time, and one
 * 10 MB line in 4 KiB pieces (the pattern that was quadratic once).
 */
export async function sseBenchmarks(): Promise<void> {
  log("## SSE decode");
  log();
  log("Both readers get the same text in the same pieces and hand each event to a handler that keeps nothing. tapedeck also keeps each event's exact");
  log("wire form (`raw`: line ends, comments, the space after the colon) to write it back byte for byte; eventsource-parser keeps only what EventSource dispatches.");
  log("Each time is the median of six rounds (mean ms per pass), the two readers taking turns to go first.");
  log();
  log("| input | fed as | pieces | tapedeck ms | eventsource-parser ms | tapedeck ÷ eventsource-parser (≤ 1×) |");
  log("|---|---|---:|---:|---:|---:|");
  const fixtures = mergeCase(0).streams.map((stream) => stream.sse).join("");
  const large = textDeltas(100_000).sse;
  const crlf = large.replaceAll("\n", "\r\n");
  const longLine = `data: ${"x".repeat(10 * 1024 * 1024)}\n\n`;
  const cases: Array<[string, string, string[]]> = [
    ["the fixtures' 10 bodies", "whole", [fixtures]],
    ["100,000 events", "whole", [large]],
    ["100,000 events", "64 KiB pieces", cut(large, 65536)],
    ["100,000 events", "4 KiB pieces", cut(large, 4096)],
    ["100,000 events", "17-character pieces", cut(large, 17)],
    ["100,000 events", "one event per piece", large.split(/(?<=\n\n)/)],
    ["100,000 events, CRLF", "4 KiB pieces", cut(crlf, 4096)],
    ["one 10 MB line", "4 KiB pieces", cut(longLine, 4096)],
  ];
  const rows = [];
  for (const [input, fedAs, pieces] of cases) {
    if (tapedeck(pieces) !== eventsourceParser(pieces)) throw new Error(`the readers count different events in ${input}, ${fedAs}`);
    const times = await interleaved(() => tapedeck(pieces), () => eventsourceParser(pieces));
    const value = times.tapedeck! / times.eventsourceParser!;
    rows.push({ input, fedAs, pieces: pieces.length, ...times, ratio: value });
    log(`| ${input} | ${fedAs} | ${pieces.length.toLocaleString("en")} | ${ms(times.tapedeck!)} | ${ms(times.eventsourceParser!)} | ${ratio(value)} ${mark(value <= 1)} |`);
  }
  log();
  results.sse = rows;
}
