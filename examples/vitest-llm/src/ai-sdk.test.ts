import { createOpenAI } from "@ai-sdk/openai";
import { useCassettes } from "@tapedeck/vitest";
import { generateText, streamText } from "ai";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { upstreamForMode } from "@tapedeck/example-fake-provider";

useCassettes({ match: { ignoreHosts: true } });

let upstream: Awaited<ReturnType<typeof upstreamForMode>>;
let provider: ReturnType<typeof createOpenAI>;
beforeAll(async () => {
  upstream = await upstreamForMode();
  provider = createOpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "sk-example-not-a-real-key", baseURL: `${upstream.url}/v1` });
});
afterAll(() => upstream.close());

describe("AI SDK", () => {
  test("generateText", async () => {
    const { text, finishReason } = await generateText({ model: provider.chat("gpt-4.1-mini"), prompt: "What is the capital of France?" });
    expect(text).toBe("The capital of France is Paris.");
    expect(finishReason).toBe("stop");
  });

  test("streamText", async () => {
    const result = streamText({ model: provider.chat("gpt-4.1-mini"), prompt: "What is the capital of France?" });
    const parts: string[] = [];
    for await (const part of result.textStream) parts.push(part);
    expect(parts.join("")).toBe("The capital of France is Paris.");
    expect(parts.length).toBeGreaterThan(1);
  });

  // Concurrent tests each use their own cassette.
  test.concurrent.each(["Paris", "Lyon", "Nice"])("concurrent generateText about %s", async (city) => {
    const { text } = await generateText({ model: provider.chat("gpt-4.1-mini"), prompt: `Is ${city} in France?` });
    expect(text).toBe("The capital of France is Paris.");
  });
});
