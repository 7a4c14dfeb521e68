import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { createBedrockAnthropic } from "@ai-sdk/amazon-bedrock/anthropic";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createCohere } from "@ai-sdk/cohere";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import Anthropic from "@anthropic-ai/sdk";
import { type Dialect, type Framing, streamPayloads } from "@tapedeck/codec";
import { anthropic } from "@tapedeck/codec/anthropic";
import { bedrockConverse } from "@tapedeck/codec/bedrock-converse";
import { cohere } from "@tapedeck/codec/cohere";
import { gemini } from "@tapedeck/codec/gemini";
import { ollama } from "@tapedeck/codec/ollama";
import { openaiCompletions } from "@tapedeck/codec/openai-completions";
import { openaiResponses } from "@tapedeck/codec/openai-responses";
import { Ollama } from "ollama";
import OpenAI from "openai";

/** One dialect's benchmark stream: its bytes as the network gives them, and each event's JSON text. */
export interface DialectCase {
  name: string;
  dialect: Dialect<unknown, string | Uint8Array, object>;
  framing: Framing;
  body: string | Uint8Array;
  pieces: Uint8Array[];
  payloads: string[];
  events: number;
  /** The official accumulator (or the AI SDK where the provider's SDK has none): what a user would otherwise run. */
  official: {
    name: string;
    run: (fetch: typeof globalThis.fetch) => Promise<string>;
    /** `false` where the provider's client yields chunks and merges nothing: then there is no accumulator to beat, only a time to show. */
    accumulates?: false;
  };
}

const words = "the quick brown fox jumps over the lazy dog while tapedeck merges every delta ";
const text = (length: number) => words.repeat(Math.ceil(length / words.length)).slice(0, length);
const args = (length: number) => ({ query: text(length), page: 1 });

function pieces(body: string | Uint8Array): Uint8Array[] {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const out: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += 65536) out.push(bytes.subarray(start, start + 65536));
  return out;
}

const contentTypes: Record<Framing, string> = {
  sse: "text/event-stream",
  "aws-event-stream": "application/vnd.amazon.eventstream",
  "json-array": "application/json",
  ndjson: "application/x-ndjson",
};

/** A fetch that answers with the body in 64 KiB reads. */
export const serve = (item: DialectCase) => async () =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of item.pieces) controller.enqueue(piece);
        controller.close();
      },
    }),
    { headers: { "content-type": contentTypes[item.framing] } },
  );

/** The AI SDK's view of a stream (`doStream`): text and tool inputs, what a user acts on. */
async function aiSdkText(model: { doStream: (options: never) => Promise<{ stream: ReadableStream<{ type: string; delta?: string; input?: string }> }> }): Promise<string> {
  const { stream } = await model.doStream({ prompt: [{ role: "user", content: [{ type: "text", text: "x" }] }] } as never);
  let out = "";
  for await (const part of stream) {
    if (part.type === "text-delta") out += part.delta;
    else if (part.type === "tool-call") out += part.input;
    else if (part.type === "error") throw new Error(JSON.stringify(part));
  }
  return out;
}

function make(name: string, dialect: Dialect<unknown, string | Uint8Array, object>, merged: unknown, framing: Framing, official: DialectCase["official"]): DialectCase {
  const body = dialect.split(merged, { framing, fragment: 4 });
  // ConverseStream's type travels in a header: its events are given as the AWS SDK types them, {"type": payload}.
  const payloads = streamPayloads(body, { framing }).map((payload) => (dialect.name === "bedrock-converse" ? `{${JSON.stringify(payload.type)}:${payload.data}}` : payload.data));
  return { name, dialect, framing, body, pieces: pieces(body), payloads, events: payloads.length, official };
}

const anthropicMessage = (content: unknown[]) => ({ id: "msg_1", type: "message", role: "assistant", model: "claude-sonnet-4-5", content, stop_reason: "end_turn", stop_sequence: null, usage: { input_tokens: 10, output_tokens: 20 } });
const responsesResponse = (output: unknown[]) => ({
  id: "resp_1",
  object: "response",
  created_at: 1760000000,
  status: "completed",
  error: null,
  incomplete_details: null,
  model: "gpt-5",
  output,
  parallel_tool_calls: true,
  tools: [],
  usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 20, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 30 },
});
const geminiResponse = (parts: unknown[]) => ({ candidates: [{ content: { parts, role: "model" }, finishReason: "STOP", index: 0 }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 20, totalTokenCount: 30 }, modelVersion: "gemini-3-pro-preview", responseId: "r1" });
const converseResponse = (content: unknown[]) => ({ output: { message: { role: "assistant", content } }, stopReason: "end_turn", usage: { inputTokens: 10, outputTokens: 20, totalTokens: 30 }, metrics: { latencyMs: 1 } });

const anthropicSdk: DialectCase["official"] = {
  name: "@anthropic-ai/sdk finalMessage()",
  run: async (fetch) => {
    const message = await new Anthropic({ apiKey: "bench", fetch, maxRetries: 0 }).messages.stream({ model: "m", max_tokens: 1, messages: [{ role: "user", content: "x" }] }).finalMessage();
    return message.content.map((block) => (block.type === "text" ? block.text : block.type === "tool_use" ? JSON.stringify(block.input) : "")).join("");
  },
};
const responsesSdk: DialectCase["official"] = {
  name: "openai-node finalResponse()",
  run: async (fetch) => {
    const response = await new OpenAI({ apiKey: "bench", fetch, maxRetries: 0 }).responses.stream({ model: "gpt-5", input: "x" }).finalResponse();
    return response.output.map((item) => (item.type === "message" ? item.content.map((part) => (part.type === "output_text" ? part.text : "")).join("") : item.type === "function_call" ? item.arguments : "")).join("");
  },
};
const googleSdk: DialectCase["official"] = { name: "@ai-sdk/google doStream", run: (fetch) => aiSdkText(createGoogleGenerativeAI({ apiKey: "bench", fetch })("gemini-3-pro-preview") as never) };
const bedrockAnthropicSdk: DialectCase["official"] = {
  name: "@ai-sdk/amazon-bedrock/anthropic doStream",
  run: (fetch) => aiSdkText(createBedrockAnthropic({ region: "us-east-1", accessKeyId: "bench", secretAccessKey: "bench", fetch })("us.anthropic.claude-sonnet-4-5-v1:0") as never),
};
const converseSdk: DialectCase["official"] = {
  name: "@ai-sdk/amazon-bedrock doStream",
  run: (fetch) => aiSdkText(createAmazonBedrock({ region: "us-east-1", accessKeyId: "bench", secretAccessKey: "bench", fetch })("us.amazon.nova-pro-v1:0") as never),
};

const completionsSdk: DialectCase["official"] = { name: "@ai-sdk/openai completion doStream", run: (fetch) => aiSdkText(createOpenAI({ apiKey: "bench", fetch }).completion("gpt-3.5-turbo-instruct") as never) };
const cohereSdk: DialectCase["official"] = { name: "@ai-sdk/cohere doStream", run: (fetch) => aiSdkText(createCohere({ apiKey: "bench", fetch })("command-a-03-2025") as never) };
/** ollama-js yields chunks and keeps no accumulator: joining them, as its README shows, is what a user runs. */
const ollamaJs: DialectCase["official"] = {
  name: "ollama-js chat, chunks joined",
  accumulates: false,
  run: async (fetch) => {
    let text = "";
    for await (const part of await new Ollama({ host: "http://127.0.0.1:11434", fetch }).chat({ model: "llama3.2", messages: [], stream: true })) text += part.message.content;
    return text;
  },
};

/** The AI SDK on the Anthropic and Responses streams, for a second comparison. */
export const aiSdkFor: Record<string, DialectCase["official"]> = {
  anthropic: { name: "@ai-sdk/anthropic doStream", run: (fetch) => aiSdkText(createAnthropic({ apiKey: "bench", fetch })("claude-sonnet-4-5") as never) },
  "openai-responses": { name: "@ai-sdk/openai responses doStream", run: (fetch) => aiSdkText(createOpenAI({ apiKey: "bench", fetch }).responses("gpt-5") as never) },
};

/** Per dialect: 100 KB of answer text in 4-character deltas, and two tool calls with 20 KB of arguments each. */
export function dialectCases(): DialectCase[] {
  const answer = text(100_000);
  const call = (id: string) => ({ id, name: "search", input: args(20_000) });
  const geminiSse = make("gemini, 100 KB text", gemini, geminiResponse([{ text: answer }]), "sse", googleSdk);
  return [
    make("anthropic, 100 KB text", anthropic, anthropicMessage([{ type: "text", text: answer }]), "sse", anthropicSdk),
    make("anthropic, 2 × 20 KB tool input", anthropic, anthropicMessage([call("toolu_1"), call("toolu_2")].map((tool) => ({ type: "tool_use", ...tool }))), "sse", anthropicSdk),
    make("anthropic over Bedrock, 100 KB text", anthropic, anthropicMessage([{ type: "text", text: answer }]), "aws-event-stream", bedrockAnthropicSdk),
    make(
      "openai-responses, 100 KB text",
      openaiResponses,
      responsesResponse([{ id: "msg_1", type: "message", status: "completed", content: [{ type: "output_text", annotations: [], logprobs: [], text: answer }], role: "assistant" }]),
      "sse",
      responsesSdk,
    ),
    make(
      "openai-responses, 2 × 20 KB arguments",
      openaiResponses,
      responsesResponse(["fc_1", "fc_2"].map((id) => ({ id, type: "function_call", status: "completed", arguments: JSON.stringify(args(20_000)), call_id: `call_${id}`, name: "search" }))),
      "sse",
      responsesSdk,
    ),
    geminiSse,
    // No JavaScript client reads Gemini's JSON array (they all ask for alt=sse): the AI SDK reads the same chunks as SSE.
    make("gemini as a JSON array, 100 KB text", gemini, geminiResponse([{ text: answer }]), "json-array", { name: "@ai-sdk/google doStream (same chunks, SSE)", run: () => googleSdk.run(serve(geminiSse)) }),
    make("openai-completions, 100 KB text", openaiCompletions, openaiCompletions.example(answer), "sse", completionsSdk),
    make("ollama, 100 KB text", ollama, ollama.example(answer), "ndjson", ollamaJs),
    make("cohere, 100 KB text", cohere, cohere.example(answer), "sse", cohereSdk),
    make("bedrock-converse, 100 KB text", bedrockConverse, converseResponse([{ text: answer }]), "aws-event-stream", converseSdk),
    make("bedrock-converse, 2 × 20 KB tool input", bedrockConverse, converseResponse([call("t1"), call("t2")].map(({ id, ...tool }) => ({ toolUse: { toolUseId: id, ...tool } }))), "aws-event-stream", converseSdk),
  ];
}
