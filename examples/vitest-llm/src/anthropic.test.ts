import Anthropic from "@anthropic-ai/sdk";
import { useCassettes } from "@tapedeck/vitest";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { upstreamForMode } from "@tapedeck/example-fake-provider";

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
  expect(message.stop_reason).toBe("end_turn");
});

test("a streamed message", async () => {
  const stream = client.messages.stream(request);
  const deltas: string[] = [];
  stream.on("text", (text) => deltas.push(text));
  const message = await stream.finalMessage();
  expect(deltas).toHaveLength(7);
  expect(message.content).toEqual([{ type: "text", text: "The capital of France is Paris." }]);
});
});
