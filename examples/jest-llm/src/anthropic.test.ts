import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import Anthropic from "@anthropic-ai/sdk";
import { upstreamForMode } from "@tapedeck/example-fake-provider";
import { useCassettes } from "@tapedeck/jest";

useCassettes({ match: { ignoreHosts: true } });

let upstream: Awaited<ReturnType<typeof upstreamForMode>>;
let client: Anthropic;
beforeAll(async () => {
  upstream = await upstreamForMode();
  client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY ?? "sk-ant-example-not-a-real-key", baseURL: upstream.url });
});
afterAll(() => upstream.close());

const request = { model: "claude-example", max_tokens: 64, messages: [{ role: "user" as const, content: "What is the capital of France?" }] };

describe("@anthropic-ai/sdk", () => {
  test("a whole message", async () => {
    const message = await client.messages.create(request);
    expect(message.content).toEqual([{ type: "text", text: "The capital of France is Paris." }]);
  });

  test("a streamed message", async () => {
    const message = await client.messages.stream(request).finalMessage();
    expect(message.content).toEqual([{ type: "text", text: "The capital of France is Paris." }]);
  });
});
