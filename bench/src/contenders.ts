import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { openaiChat } from "@tapedeck/codec/openai-chat";
import OpenAI from "openai";
import type { Stream } from "./inputs.js";

/** What each merger says the stream held, to check they agree before timing them. */
export interface Outcome {
  text: string;
  calls: Array<{ name: string; arguments: string }>;
}

/** The floor: JSON.parse of every payload, and nothing else. */
export function jsonParseFloor(stream: Stream): unknown {
  let last: unknown;
  for (const payload of stream.payloads) last = JSON.parse(payload);
  return last;
}

/** tapedeck from the payloads: JSON.parse and merge (what the floor measures, plus merging). */
export function tapedeckPayloads(stream: Stream): Outcome {
  return outcome(openaiChat.mergeEvents(stream.payloads).merged);
}

/** tapedeck from the SSE bytes, read by read: UTF-8 decoding, event-stream parsing, JSON.parse and merge. */
export function tapedeckSse(stream: Stream): Outcome {
  const merger = openaiChat.createStreamMerger();
  for (const piece of stream.pieces) merger.feed(piece);
  return outcome(merger.finish().merged);
}

function outcome(completion: { choices: Array<{ message: { content: unknown; tool_calls?: Array<{ function: { name: string; arguments: string } }> } }> }): Outcome {
  return {
    text: completion.choices.map((choice) => (typeof choice.message.content === "string" ? choice.message.content : "")).join("|"),
    calls: completion.choices.flatMap((choice) => (choice.message.tool_calls ?? []).map(({ function: fn }) => ({ name: fn.name, arguments: fn.arguments }))),
  };
}

/** A fetch answering with the stream's bytes in network-sized reads (one huge read makes openai-node's line decoder quadratic). */
const sseResponse = (stream: Stream) => async () =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of stream.pieces) controller.enqueue(piece);
        controller.close();
      },
    }),
    { headers: { "content-type": "text/event-stream" } },
  );

/** openai-node's ChatCompletionStream, fed the SSE text through its client. */
export async function openaiNode(stream: Stream): Promise<Outcome> {
  const client = new OpenAI({ apiKey: "bench", baseURL: "http://127.0.0.1:9/v1", maxRetries: 0, fetch: sseResponse(stream) });
  const completion = await client.chat.completions.stream({ model: "m", messages: [{ role: "user", content: "x" }], n: 4 }).finalChatCompletion();
  return outcome(completion as never);
}

/** The AI SDK's OpenAI-compatible model (its tool-call tracker), fed the SSE text through its fetch. */
export async function aiSdk(stream: Stream): Promise<Outcome> {
  const provider = createOpenAICompatible({ name: "bench", baseURL: "http://127.0.0.1:9/v1", apiKey: "bench", fetch: sseResponse(stream) });
  const { stream: parts } = await provider.chatModel("m").doStream({ prompt: [{ role: "user", content: [{ type: "text", text: "x" }] }] });
  let text = "";
  const calls: Outcome["calls"] = [];
  for await (const part of parts) {
    if (part.type === "text-delta") text += part.delta;
    else if (part.type === "tool-call") calls.push({ name: part.toolName, arguments: part.input });
    else if (part.type === "error") throw part.error;
  }
  return { text, calls };
}
