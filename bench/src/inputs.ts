import { readFileSync } from "node:fs";
import { bodyText, parseCassette } from "@tapedeck/cassette";
import { type ChatCompletion, type ChatCompletionChunk, splitChunks } from "@tapedeck/codec/openai-chat";
import { providerCassettePath, providers } from "@tapedeck/fixtures";
import { parseEventStream } from "@tapedeck/sse";

/** One stream, as the network gives it (SSE text, and its bytes in 64 KiB reads) and as its data payloads. */
export interface Stream {
  sse: string;
  pieces: Uint8Array[];
  payloads: string[];
}

/** The SSE bytes as a network delivers them: reads of at most 64 KiB. */
function networkPieces(sse: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(sse);
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += 65536) pieces.push(bytes.subarray(start, start + 65536));
  return pieces;
}

/** A merge case: one or more streams, and how many deltas they hold in all. */
export interface MergeCase {
  name: string;
  streams: Stream[];
  deltas: number;
}

function fromChunks(chunks: ChatCompletionChunk[]): Stream {
  const sse = `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("")}data: [DONE]\n\n`;
  return { sse, pieces: networkPieces(sse), payloads: chunks.map((chunk) => JSON.stringify(chunk)) };
}

function fromSse(sse: string): Stream {
  const payloads = parseEventStream(sse).flatMap((event) => (event.data === undefined || event.data === "[DONE]" ? [] : [event.data]));
  return { sse, pieces: networkPieces(sse), payloads };
}

function completion(choices: ChatCompletion["choices"]): ChatCompletion {
  return { id: "chatcmpl-bench", object: "chat.completion", created: 1700000000, model: "bench-model", choices, usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 } };
}

const words = "the quick brown fox jumps over the lazy dog while tapedeck merges every delta ";
const text = (length: number) => words.repeat(Math.ceil(length / words.length)).slice(0, length);

/** `n` text deltas of one character each, in OpenAI's shape. */
export function textDeltas(n: number): Stream {
  return fromChunks(
    splitChunks(completion([{ index: 0, message: { role: "assistant", content: text(n), refusal: null }, finish_reason: "stop", logprobs: null }]), { fragment: 1 }),
  );
}

/** The chat merge cases, each made only when asked for (the million-delta one takes seconds). */
const caseMakers: Array<{ name: string; streams: () => Stream[] }> = [
  {
    name: "the five fixtures (10 streams)",
    streams: () =>
      providers.flatMap((provider) =>
        parseCassette(readFileSync(providerCassettePath(provider), "utf8")).interactions.map((interaction) => fromSse(bodyText(interaction.response.body))),
      ),
  },
  { name: "100,000 text deltas", streams: () => [textDeltas(100_000)] },
  {
    name: "1 MB of arguments, 1-character fragments",
    streams: () => [
      fromChunks(
        splitChunks(
          completion([
            {
              index: 0,
              message: { role: "assistant", content: null, refusal: null, tool_calls: [{ id: "call_big", type: "function", function: { name: "store", arguments: JSON.stringify({ data: text(1024 * 1024 - 11) }) } }] },
              finish_reason: "tool_calls",
              logprobs: null,
            },
          ]),
          { fragment: 1 },
        ),
      ),
    ],
  },
  {
    name: "4 choices interleaved (4 × 5,000 deltas)",
    streams: () => [
      fromChunks(
        splitChunks(
          completion([0, 1, 2, 3].map((index) => ({ index, message: { role: "assistant", content: text(5000), refusal: null }, finish_reason: "stop", logprobs: null }))),
          { fragment: 1 },
        ),
      ),
    ],
  },
  {
    name: "20 parallel tool calls",
    streams: () => [
      fromChunks(
        splitChunks(
          completion([
            {
              index: 0,
              message: {
                role: "assistant",
                content: null,
                refusal: null,
                tool_calls: Array.from({ length: 20 }, (_, call) => ({
                  id: `call_${call}`,
                  type: "function",
                  function: { name: `tool_${call}`, arguments: JSON.stringify({ query: text(400), page: call }) },
                })),
              },
              finish_reason: "tool_calls",
              logprobs: null,
            },
          ]),
          { fragment: 4 },
        ),
      ),
    ],
  },
];

/** Every chat merge case. */
export function mergeCases(): MergeCase[] {
  return caseMakers.map((_, index) => mergeCase(index));
}

/** The chat merge case at `index` of {@link mergeCases}, made alone. */
export function mergeCase(index: number): MergeCase {
  const maker = caseMakers[index]!;
  const streams = maker.streams();
  return { name: maker.name, streams, deltas: streams.reduce((sum, stream) => sum + stream.payloads.length, 0) };
}
