import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { cassetteLayouts, type Cassette } from "@tapedeck/cassette";
import { type ChatCompletionChunk, openaiChat } from "@tapedeck/codec/openai-chat";
import { describe, expect, it } from "vitest";
import { createReplayFetch } from "./replay-fetch.js";

/** Chunks as an SSE body, `data: [DONE]` last. */
const sseBody = (chunks: ChatCompletionChunk[]) => `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("")}data: [DONE]\n\n`;

/** A one-interaction cassette whose response streams these chunks. */
function cassetteOf(chunks: ChatCompletionChunk[]): Cassette {
  return {
    version: 2,
    layout: cassetteLayouts.C,
    interactions: [
      {
        id: 0,
        request: { method: "POST", url: "https://api.example.com/v1/chat/completions", body: "{}" },
        response: { code: 200, status: "200 OK", headers: { "Content-Type": ["text/event-stream"] }, body: sseBody(chunks) },
      },
    ],
  };
}

const chunk = (choice: Record<string, unknown>): ChatCompletionChunk => ({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ finish_reason: null, ...choice }] as never });
const call = (entry: Record<string, unknown>) => chunk({ index: 0, delta: { tool_calls: [entry] } });

/** The AI SDK's view of a stream: text, tool calls and any error parts. */
async function aiSdk(chunks: ChatCompletionChunk[]) {
  const provider = createOpenAICompatible({ name: "quirks", baseURL: "https://api.example.com/v1", apiKey: "unused", fetch: createReplayFetch(cassetteOf(chunks), { match: { ignoreBodyPaths: ["*"] } }) });
  const { stream } = await provider.chatModel("m").doStream({ prompt: [{ role: "user", content: [{ type: "text", text: "x" }] }] });
  let text = "";
  const calls: Array<{ id: string; name: string; input: string }> = [];
  const errors: string[] = [];
  for await (const part of stream) {
    if (part.type === "text-delta") text += part.delta;
    if (part.type === "tool-call") calls.push({ id: part.toolCallId, name: part.toolName, input: part.input });
    if (part.type === "error") errors.push(String((part.error as Error).message ?? part.error));
  }
  return { text, calls, errors };
}

// Where the AI SDK gets a quirk of docs/dialects/openai-chat.md wrong, and what tapedeck does instead.
describe("the AI SDK on provider quirks", () => {
  it("runs interleaved choices (n > 1) together into one text; tapedeck keeps them apart", async () => {
    const chunks = [
      chunk({ index: 0, delta: { role: "assistant", content: "A1" } }),
      chunk({ index: 1, delta: { role: "assistant", content: "B1" } }),
      chunk({ index: 0, delta: { content: "A2" }, finish_reason: "stop" }),
      chunk({ index: 1, delta: { content: "B2" }, finish_reason: "stop" }),
    ];
    expect((await aiSdk(chunks)).text).toBe("A1B1A2B2");
    expect(openaiChat.merge(sseBody(chunks)).merged.choices.map((choice) => choice.message.content)).toEqual(["A1A2", "B1B2"]);
  });

  it("cuts short the second of two calls that share index 0 (Ollama, Gemini through proxies); tapedeck starts a new call on the new id", async () => {
    const chunks = [
      call({ index: 0, id: "x1", type: "function", function: { name: "add", arguments: '{"a":' } }),
      call({ index: 0, function: { arguments: "1}" } }),
      call({ index: 0, id: "x2", type: "function", function: { name: "multiply", arguments: '{"b":' } }),
      call({ index: 0, function: { arguments: "2}" } }),
      chunk({ index: 0, delta: {}, finish_reason: "tool_calls" }),
    ];
    const theirs = await aiSdk(chunks);
    // Once a call's arguments parse, the AI SDK treats its index as done: the second call's later
    // fragments are dropped and it is reported with arguments that are not JSON.
    expect(theirs.calls).toEqual([
      { id: "x1", name: "add", input: '{"a":1}' },
      { id: "x2", name: "multiply", input: '{"b":' },
    ]);
    const ours = openaiChat.merge(sseBody(chunks)).merged.choices[0]!.message.tool_calls!;
    expect(ours.map((item) => [item.id, item.function.name, item.function.arguments])).toEqual([
      ["x1", "add", '{"a":1}'],
      ["x2", "multiply", '{"b":2}'],
    ]);
  });

  it("agrees with tapedeck on the recorded quirks (null ids and names, trailing empty fragments)", async () => {
    const chunks = [
      call({ index: 0, id: "functions.add:0", type: "function", function: { name: "add" } }),
      call({ index: 0, id: null, type: "function", function: { name: null, arguments: '{"a":' } }),
      call({ index: 0, id: null, type: "function", function: { arguments: "2}" } }),
      call({ index: 0, id: null, type: "function", function: { arguments: "" } }),
      chunk({ index: 0, delta: {}, finish_reason: "tool_calls" }),
    ];
    expect((await aiSdk(chunks)).calls).toEqual([{ id: "functions.add:0", name: "add", input: '{"a":2}' }]);
  });
});
