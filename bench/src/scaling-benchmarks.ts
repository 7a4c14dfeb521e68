import { type Cassette, cassetteLayouts, durationToMilliseconds, type Interaction, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { openaiChat } from "@tapedeck/codec/openai-chat";
import { createReplayFetch } from "@tapedeck/replay";
import { createAwsEventStreamParser, serializeAwsEventStreamMessage } from "@tapedeck/aws-event-stream";
import { createEventStreamParser } from "@tapedeck/sse";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { log, mark, ms, ratio, results } from "./report.js";

/** One input family: the work for a size n, and what n counts. */
interface Family {
  name: string;
  unit: string;
  sizes: [number, number];
  prepare: (n: number) => () => unknown;
}

const chunk = (fields: Record<string, unknown>) =>
  `data: ${JSON.stringify({ id: "chatcmpl-scale", object: "chat.completion.chunk", created: 1, model: "m", ...fields })}\n\n`;

/** Chunks whose tool calls carry ids but no index, each a new call. */
function callsWithoutIndex(n: number): string {
  let body = "";
  for (let call = 0; call < n; call += 1) body += chunk({ choices: [{ index: 0, delta: { tool_calls: [{ id: `call_${call}`, type: "function", function: { name: "f", arguments: "{}" } }] } }] });
  return `${body}data: [DONE]\n\n`;
}

function deltasWithUnknownArray(n: number): string {
  let body = "";
  for (let delta = 0; delta < n; delta += 1) body += chunk({ choices: [{ index: 0, delta: { content: "a", annotations: [{ type: "x", index: delta }] } }] });
  return `${body}data: [DONE]\n\n`;
}

function repeatedFinishReason(n: number): string {
  let body = "";
  for (let delta = 0; delta < n; delta += 1) body += chunk({ choices: [{ index: 0, delta: { content: "a" }, finish_reason: "stop" }] });
  return `${body}data: [DONE]\n\n`;
}

function interactions(n: number): string {
  const list: Interaction[] = [];
  for (let id = 0; id < n; id += 1) {
    list.push({ id, request: { method: "POST", url: "https://api.example.com/v1/chat/completions", body: `{"n":${id}}` }, response: { code: 200, status: "200 OK", body: "ok", duration: "1ms" } });
  }
  return serializeCassette({ version: 2, layout: cassetteLayouts.C, interactions: list });
}

/** A request body of `megabytes` MB, sent live against 50 recorded requests that each differ from it (the last in one field). */
function matching(megabytes: number): () => Promise<unknown> {
  const filler = "x".repeat(1024);
  const messages = Array.from({ length: megabytes * 1024 }, () => ({ role: "user", content: filler }));
  const sent = JSON.stringify({ model: "m", messages });
  const cassette: Cassette = {
    version: 2,
    layout: cassetteLayouts.C,
    interactions: Array.from({ length: 50 }, (_, id) => ({
      id,
      request: { method: "POST", url: "https://api.example.com/v1", body: JSON.stringify({ model: `m${id}`, messages: messages.slice(0, 2) }) },
      response: { code: 200, body: "ok" },
    })),
  };
  return async () => {
    const fetch = createReplayFetch(cassette, { redaction: false });
    return fetch("https://api.example.com/v1", { method: "POST", body: sent }).catch((error: unknown) => error);
  };
}

export const families: Family[] = [
  {
    name: "SSE: one long line in 4 KiB pieces",
    unit: "MB",
    sizes: [2, 16],
    prepare: (n) => {
      const text = `data: ${"x".repeat(n * 1024 * 1024)}\n\n`;
      const pieces: string[] = [];
      for (let start = 0; start < text.length; start += 4096) pieces.push(text.slice(start, start + 4096));
      return () => {
        const parser = createEventStreamParser({ onEvent: () => undefined });
        for (const piece of pieces) parser.feed(piece);
        parser.end();
      };
    },
  },
  {
    name: "Go duration of a long string",
    unit: "100k characters",
    sizes: [1, 8],
    prepare: (n) => {
      const text = "1h2m3.5s".repeat(n * 12_500);
      return () => durationToMilliseconds(text);
    },
  },
  { name: "cassette with many interactions", unit: "25k interactions", sizes: [1, 8], prepare: (n) => { const text = interactions(n * 25_000); return () => parseCassette(text); } },
  { name: "codec: tool calls with ids, no index", unit: "1k chunks", sizes: [4, 32], prepare: (n) => { const body = callsWithoutIndex(n * 1000); return () => openaiChat.merge(body); } },
  { name: "codec: an unknown array field in every delta", unit: "10k chunks", sizes: [1, 8], prepare: (n) => { const body = deltasWithUnknownArray(n * 10_000); return () => openaiChat.merge(body); } },
  { name: "codec: finish_reason repeated in every chunk", unit: "10k chunks", sizes: [1, 8], prepare: (n) => { const body = repeatedFinishReason(n * 10_000); return () => openaiChat.merge(body); } },
  { name: "matching a large request against 50 interactions", unit: "MB of body", sizes: [4, 32], prepare: matching },
  {
    name: "AWS event stream fed one byte at a time",
    unit: "16 KiB",
    sizes: [1, 8],
    prepare: (n) => {
      const stream = awsFrames(n * 16 * 1024);
      return () => {
        let count = 0;
        const parser = createAwsEventStreamParser({ onMessage: () => (count += 1) });
        for (let index = 0; index < stream.length; index += 1) parser.feed(stream.subarray(index, index + 1));
        parser.end();
        return count;
      };
    },
  },
  {
    name: "SSE fed one character at a time",
    unit: "64 KiB",
    sizes: [1, 8],
    prepare: (n) => {
      const text = textEvents(n * 64 * 1024);
      return () => {
        const parser = createEventStreamParser({ onEvent: () => undefined });
        for (let index = 0; index < text.length; index += 1) parser.feed(text[index]!);
        parser.end();
      };
    },
  },
  { name: "YAML: a key of colons (refused past 1,024)", unit: "128k characters", sizes: [1, 8], prepare: (n) => { const text = `version: 2\n${":".repeat(n * 128 * 1024)}x: 1\ninteractions: []\n`; return () => attempt(text); } },
  // From 80k keys: below that the whole mapping's nodes stay in V8's young generation, and the cost per key steps up once (about 1.5×) as they outgrow it, a constant, not a growth.
  { name: "YAML: a mapping with many keys", unit: "10k keys", sizes: [8, 64], prepare: (n) => { const text = manyKeys(n * 10_000); return () => parseCassette(text); } },
  { name: "YAML: nesting (refused, typed, when too deep)", unit: "1k levels", sizes: [1, 8], prepare: (n) => { const text = nested(n * 1000); return () => attempt(text); } },
];

/** Reads a cassette that may be refused: the refusal's cost is what is timed. */
function attempt(text: string): unknown {
  try {
    return parseCassette(text);
  } catch (error) {
    return error;
  }
}

/** Frames of a Converse stream, about `bytes` long. */
function awsFrames(bytes: number): Uint8Array {
  const frame = serializeAwsEventStreamMessage({
    headers: [
      { name: ":event-type", type: "string", value: "contentBlockDelta" },
      { name: ":content-type", type: "string", value: "application/json" },
      { name: ":message-type", type: "string", value: "event" },
    ],
    payload: new TextEncoder().encode(JSON.stringify({ contentBlockIndex: 0, delta: { text: "hello" }, p: "abcdefghijklmnop" })),
  });
  const count = Math.ceil(bytes / frame.length);
  const stream = new Uint8Array(count * frame.length);
  for (let index = 0; index < count; index += 1) stream.set(frame, index * frame.length);
  return stream;
}

/** Chat chunk events, about `characters` long. */
function textEvents(characters: number): string {
  const event = chunk({ choices: [{ index: 0, delta: { content: "a" } }] });
  return `${event.repeat(Math.ceil(characters / event.length))}data: [DONE]\n\n`;
}

/** A cassette with an unknown field holding a mapping of `n` keys. */
function manyKeys(n: number): string {
  let text = "version: 2\nextra:\n";
  for (let key = 0; key < n; key += 1) text += `    key${key}: ${key}\n`;
  return `${text}interactions: []\n`;
}

/** A cassette with an unknown field nested `depth` mappings deep. */
function nested(depth: number): string {
  let text = "version: 2\nextra:\n";
  for (let level = 1; level <= depth; level += 1) text += `${" ".repeat(level)}k:\n`;
  return `${text}interactions: []\n`;
}

const middle = (values: number[]) => [...values].sort((left, right) => left - right)[values.length >> 1]!;

/** Times one family at one size in a fresh process (`linearity-child.js`), so that no other work's heap is billed to it. */
function timeAlone(index: number, size: number): number {
  const script = fileURLToPath(new URL("./linearity-child.js", import.meta.url));
  const output = execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=16384", script, String(index), String(size)], { encoding: "utf8" });
  return (JSON.parse(output) as { ms: number }).ms;
}

/**
 * Each input family that was superlinear once, timed at two sizes eight times
 * apart, each size alone in a fresh process (three times, taking turns; the
 * median counts): the cost per unit at the larger
 * size over the smaller must stay under 1.5× (linear), where quadratic work
 * would show 8×.
 */
export async function linearityBenchmarks(): Promise<void> {
  log("## Linear in every input");
  log();
  log("Inputs that once cost more than linear time, at two sizes eight times apart, each size timed alone in a fresh process, three times, the sizes taking turns (the median counts). Cost per unit at the larger size ÷ at the smaller: linear stays near 1×, quadratic would be 8×.");
  log();
  log("| input | unit | small | ms | large | ms | per-unit cost, large ÷ small (≤ 1.5×) |");
  log("|---|---|---:|---:|---:|---:|---:|");
  const rows = [];
  for (const family of families) {
    const [small, large] = family.sizes;
    const index = families.indexOf(family);
    // Three fresh processes per size, the sizes taking turns; the median of each: one noisy moment of this shared machine cannot decide a row.
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      smallTimes.push(timeAlone(index, small));
      largeTimes.push(timeAlone(index, large));
    }
    const smallMs = middle(smallTimes);
    const largeMs = middle(largeTimes);
    const growth = largeMs / large / (smallMs / small);
    rows.push({ input: family.name, unit: family.unit, small, large, smallMs, largeMs, growth });
    log(`| ${family.name} | ${family.unit} | ${small} | ${ms(smallMs)} | ${large} | ${ms(largeMs)} | ${ratio(growth)} ${mark(growth <= 1.5)} |`);
  }
  log();
  results.linearity = rows;
}
