import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { bodyText } from "@tapedeck/cassette";
import { openaiChat } from "@tapedeck/codec/openai-chat";
import { providers } from "@tapedeck/fixtures";
import { jsonSchema, streamText, tool } from "ai";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { startReplayServer } from "./node/server.js";
import { createReplayFetch } from "./replay-fetch.js";
import { loadFixture } from "./test-fixtures.js";

/** What tapedeck's merge makes of an interaction: the reference the clients are held to. */
function merged(provider: (typeof providers)[number], index: number) {
  const cassette = loadFixture(provider);
  const { merged: completion } = openaiChat.merge(bodyText(cassette.interactions[index]!.response.body));
  const message = completion.choices[0]!.message;
  return {
    text: message.content ?? "",
    toolCalls: (message.tool_calls ?? []).map((call) => ({ id: call.id, name: call.function.name, arguments: call.function.arguments })),
    finishReason: completion.choices[0]!.finish_reason,
  };
}

const recordedBody = (provider: (typeof providers)[number], index: number) =>
  JSON.parse(bodyText(loadFixture(provider).interactions[index]!.request.body)) as OpenAI.ChatCompletionCreateParamsStreaming;

describe.each(providers)("openai-node on the %s recording", (provider) => {
  it("assembles what tapedeck merges, through a replay fetch", async () => {
    const client = new OpenAI({ apiKey: "unused", baseURL: "https://openrouter.ai/api/v1", fetch: createReplayFetch(loadFixture(provider)), maxRetries: 0 });
    for (const index of [0, 1]) {
      // The recorded request, sent as the Go client sent it (OpenRouter's extra fields included).
      const completion = await client.chat.completions.stream(recordedBody(provider, index)).finalChatCompletion();
      const message = completion.choices[0]!.message;
      const expected = merged(provider, index);
      expect(message.content ?? "").toBe(expected.text);
      expect((message.tool_calls ?? []).map((call) => (call.type === "function" ? { id: call.id, name: call.function.name, arguments: call.function.arguments } : call))).toEqual(expected.toolCalls);
      expect(completion.choices[0]!.finish_reason).toBe(expected.finishReason);
    }
  });
});

describe("openai-node against the replay server", () => {
  it("streams the recorded conversation from baseURL, as OPENAI_BASE_URL users would", async () => {
    const server = await startReplayServer(loadFixture("together"));
    try {
      const client = new OpenAI({ apiKey: "unused", baseURL: `${server.url}/api/v1`, maxRetries: 0 });
      const first = await client.chat.completions.stream(recordedBody("together", 0)).finalChatCompletion();
      expect(first.choices[0]!.message.tool_calls!.map((call) => (call.type === "function" ? call.function.name : ""))).toEqual(["add", "multiply"]);
      const second = await client.chat.completions.stream(recordedBody("together", 1)).finalChatCompletion();
      expect(second.choices[0]!.message.content).toBe(merged("together", 1).text);
      expect(second.choices[0]!.message.content).toContain("2 × 3 = 6");
      expect(server.misses).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

const tools = {
  add: tool({ description: "Add two numbers", inputSchema: jsonSchema<{ a: number; b: number }>({ type: "object", properties: { a: { type: "integer" }, b: { type: "integer" } }, required: ["a", "b"] }) }),
  multiply: tool({ description: "Multiply two numbers", inputSchema: jsonSchema<{ a: number; b: number }>({ type: "object", properties: { a: { type: "integer" }, b: { type: "integer" } }, required: ["a", "b"] }) }),
};

describe.each(providers)("the AI SDK on the %s recording", (provider) => {
  it("assembles the tool calls and text tapedeck merges", async () => {
    // The AI SDK writes its own request body, so the replay matches on method and URL only.
    const fetch = createReplayFetch(loadFixture(provider), { match: { ignoreBodyPaths: ["*"] } });
    const openrouter = createOpenAICompatible({ name: "openrouter", baseURL: "https://openrouter.ai/api/v1", apiKey: "unused", fetch, includeUsage: true });
    const model = openrouter.chatModel("moonshotai/kimi-k2-0905");
    const prompt = "Add and multiply the number 2 and 3";
    const errors: unknown[] = [];

    const first = streamText({ model, prompt, tools, onError: ({ error }) => void errors.push(error) });
    const expectedCalls = merged(provider, 0).toolCalls;
    const calls = await first.toolCalls;
    expect(errors.map((error) => String((error as Error).message ?? error))).toEqual([]);
    expect(calls.map((call) => ({ id: call.toolCallId, name: call.toolName, input: call.input }))).toEqual(
      expectedCalls.map((call) => ({ id: call.id, name: call.name, input: JSON.parse(call.arguments) })),
    );
    expect(await first.text).toBe(merged(provider, 0).text);
    expect(await first.finishReason).toBe("tool-calls");

    const second = streamText({ model, prompt, onError: ({ error }) => void errors.push(error) });
    expect(await second.text).toBe(merged(provider, 1).text);
    expect(await second.finishReason).toBe("stop");
    expect((await second.usage).totalTokens).toBeGreaterThan(0);
  });
});
