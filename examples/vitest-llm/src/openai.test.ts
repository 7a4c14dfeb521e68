import { useCassettes } from "@tapedeck/vitest";
import OpenAI from "openai";
import { afterAll, beforeAll, expect, test } from "vitest";
import { upstreamForMode } from "./fake-upstream.js";

// The upstream listens on a new port each run: match on path and body, not host.
useCassettes({ ignoreHosts: true });

let upstream: Awaited<ReturnType<typeof upstreamForMode>>;
let client: OpenAI;
beforeAll(async () => {
  upstream = await upstreamForMode();
  client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "sk-example-not-a-real-key", baseURL: `${upstream.url}/v1` });
});
afterAll(() => upstream.close());

const messages = [{ role: "user" as const, content: "What is the capital of France?" }];

test("openai-node: a whole chat completion", async () => {
  const completion = await client.chat.completions.create({ model: "gpt-4.1-mini", messages });
  expect(completion.choices[0]!.message.content).toBe("The capital of France is Paris.");
  expect(completion.usage?.completion_tokens).toBe(7);
});

test("openai-node: a streamed chat completion", async () => {
  const stream = await client.chat.completions.create({ model: "gpt-4.1-mini", messages, stream: true, stream_options: { include_usage: true } });
  let text = "";
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
  expect(text).toBe("The capital of France is Paris.");
});
