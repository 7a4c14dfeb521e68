import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serializeAwsEventStream } from "@tapedeck/aws-event-stream";
import { resolveMode } from "@tapedeck/vcr";

/*
 * A stand-in for the providers, on 127.0.0.1, so that this example records
 * without keys or network: OpenAI's chat completions (and a transcription
 * upload, and a model that is rate-limited once), Anthropic's Messages API and
 * Bedrock's Converse, whole or streamed as the providers stream them (OpenAI:
 * `data:` chunks and `[DONE]`; Anthropic: named events from message_start to
 * message_stop; Bedrock: AWS binary event-stream frames). The answer is the
 * same sentence, cut into words.
 */

const answer = ["The", " capital", " of", " France", " is", " Paris", "."];

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function openaiChat(request: { stream?: boolean; model?: string }, response: ServerResponse): Promise<void> {
  const base = { id: "chatcmpl-example", created: 1_767_225_600, model: request.model ?? "gpt-4.1-mini" };
  const usage = { prompt_tokens: 14, completion_tokens: answer.length, total_tokens: 14 + answer.length };
  if (!request.stream) {
    response.writeHead(200, { "content-type": "application/json" });
    const message = { role: "assistant", content: answer.join(""), refusal: null };
    response.end(JSON.stringify({ ...base, object: "chat.completion", choices: [{ index: 0, message, logprobs: null, finish_reason: "stop" }], usage }));
    return;
  }
  response.writeHead(200, { "content-type": "text/event-stream" });
  const chunk = (choice: object, extra: object = {}) => `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [choice], ...extra })}\n\n`;
  response.write(chunk({ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }));
  for (const word of answer) {
    await pause();
    response.write(chunk({ index: 0, delta: { content: word }, finish_reason: null }));
  }
  response.write(chunk({ index: 0, delta: {}, finish_reason: "stop" }, { usage }));
  response.end("data: [DONE]\n\n");
}

async function anthropicMessages(request: { stream?: boolean; model?: string }, response: ServerResponse): Promise<void> {
  const message = { id: "msg_example", type: "message", role: "assistant", model: request.model ?? "claude-example", stop_sequence: null };
  if (!request.stream) {
    response.writeHead(200, { "content-type": "application/json" });
    const content = [{ type: "text", text: answer.join("") }];
    response.end(JSON.stringify({ ...message, content, stop_reason: "end_turn", usage: { input_tokens: 14, output_tokens: answer.length } }));
    return;
  }
  response.writeHead(200, { "content-type": "text/event-stream" });
  const event = (data: { type: string }) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
  response.write(event({ type: "message_start", message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 14, output_tokens: 1 } } } as { type: string }));
  response.write(event({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } } as { type: string }));
  for (const word of answer) {
    await pause();
    response.write(event({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: word } } as { type: string }));
  }
  response.write(event({ type: "content_block_stop", index: 0 } as { type: string }));
  response.write(event({ type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: answer.length } } as { type: string }));
  response.end(event({ type: "message_stop" }));
}

async function bedrockConverse(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const usage = { inputTokens: 14, outputTokens: answer.length, totalTokens: 14 + answer.length };
  if (request.url?.endsWith("/converse")) {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ output: { message: { role: "assistant", content: [{ text: answer.join("") }] } }, stopReason: "end_turn", usage, metrics: { latencyMs: 120 } }));
    return;
  }
  const event = (type: string, payload: object) => ({
    headers: [
      { name: ":event-type", type: "string" as const, value: type },
      { name: ":content-type", type: "string" as const, value: "application/json" },
      { name: ":message-type", type: "string" as const, value: "event" },
    ],
    payload: new TextEncoder().encode(JSON.stringify(payload)),
  });
  response.writeHead(200, { "content-type": "application/vnd.amazon.eventstream" });
  const frames = [
    event("messageStart", { role: "assistant" }),
    ...answer.map((word) => event("contentBlockDelta", { contentBlockIndex: 0, delta: { text: word } })),
    event("contentBlockStop", { contentBlockIndex: 0 }),
    event("messageStop", { stopReason: "end_turn" }),
    event("metadata", { usage, metrics: { latencyMs: 120 } }),
  ];
  for (const frame of frames) {
    await pause();
    response.write(serializeAwsEventStream([frame]));
  }
  response.end();
}

let flakyAttempts = 0;

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startFakeUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    let text = "";
    for await (const piece of request) text += piece;
    if (request.url?.startsWith("/model/")) return bedrockConverse(request, response);
    if (request.url === "/v1/audio/transcriptions") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ text: /name="model"\r\n\r\n([^\r]*)/.exec(text)?.[1] === "whisper-1" ? answer.join("") : "?" }));
      return;
    }
    const body = text === "" ? {} : (JSON.parse(text) as { stream?: boolean; model?: string });
    if (body.model === "rate-limited-once") flakyAttempts += 1;
    if (body.model === "rate-limited-once" && flakyAttempts === 1) {
      response.writeHead(429, { "content-type": "application/json", "retry-after-ms": "10" });
      response.end(JSON.stringify({ error: { message: "Rate limit reached; try again in 10ms", type: "rate_limit_error" } }));
      return;
    }
    if (request.url === "/v1/chat/completions") await openaiChat(body, response);
    else if (request.url === "/v1/messages") await anthropicMessages(body, response);
    else {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { message: `no route ${request.url}` } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Where the clients send requests: the stand-in when recording, and in
 * `replay` mode an address where nothing listens (127.0.0.1:9), so that a
 * request that reached the network would fail. The cassettes match on path
 * and body (`match: { ignoreHosts: true }`), so either address replays them.
 */
export async function upstreamForMode(): Promise<{ url: string; close(): Promise<void> }> {
  if (resolveMode() === "replay") return { url: "http://127.0.0.1:9", close: async () => undefined };
  return startFakeUpstream();
}
