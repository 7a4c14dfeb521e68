import { createOpenAI } from "@ai-sdk/openai";
import { useCassettes } from "@tapedeck/vitest";
import { generateText, streamText } from "ai";
import { afterAll, beforeAll, expect, test } from "vitest";
import { upstreamForMode } from "./fake-upstream.js";

useCassettes({ ignoreHosts: true });

let upstream: Awaited<ReturnType<typeof upstreamForMode>>;
let provider: ReturnType<typeof createOpenAI>;
beforeAll(async () => {
  upstream = await upstreamForMode();
  provider = createOpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "sk-example-not-a-real-key", baseURL: `${upstream.url}/v1` });
});
afterAll(() => upstream.close());

test("AI SDK: generateText", async () => {
  const { text, finishReason } = await generateText({ model: provider.chat("gpt-4.1-mini"), prompt: "What is the capital of France?" });
  expect(text).toBe("The capital of France is Paris.");
  expect(finishReason).toBe("stop");
});

test("AI SDK: streamText", async () => {
  const result = streamText({ model: provider.chat("gpt-4.1-mini"), prompt: "What is the capital of France?" });
  const parts: string[] = [];
  for await (const part of result.textStream) parts.push(part);
  expect(parts.join("")).toBe("The capital of France is Paris.");
  expect(parts.length).toBeGreaterThan(1);
});
