import { useCassettes } from "@tapedeck/vitest";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { upstreamForMode } from "@tapedeck/example-fake-provider";

// The upstream listens on a new port each run: match on path and body, not host.
useCassettes({ match: { ignoreHosts: true } });

let upstream: Awaited<ReturnType<typeof upstreamForMode>>;
let client: OpenAI;
beforeAll(async () => {
  upstream = await upstreamForMode();
  client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "sk-example-not-a-real-key", baseURL: `${upstream.url}/v1` });
});
afterAll(() => upstream.close());

const messages = [{ role: "user" as const, content: "What is the capital of France?" }];

describe("openai-node", () => {
  test("a whole chat completion", async () => {
    const completion = await client.chat.completions.create({ model: "gpt-4.1-mini", messages });
    expect(completion.choices[0]!.message.content).toBe("The capital of France is Paris.");
    expect(completion.usage?.completion_tokens).toBe(7);
  });

  test("a streamed chat completion", async () => {
    const stream = await client.chat.completions.create({ model: "gpt-4.1-mini", messages, stream: true, stream_options: { include_usage: true } });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("The capital of France is Paris.");
  });

  test("a rate limit, then its retry: answered in recorded order", async () => {
    const completion = await client.chat.completions.create({ model: "rate-limited-once", messages });
    expect(completion.choices[0]!.message.content).toBe("The capital of France is Paris.");
  });

  test("a file upload: multipart parts match whatever the boundary", async () => {
    const file = new File([new Uint8Array([82, 73, 70, 70, 0, 1, 2, 3])], "question.wav", { type: "audio/wav" });
    const transcription = await client.audio.transcriptions.create({ model: "whisper-1", file });
    expect(transcription.text).toBe("The capital of France is Paris.");
  });
});
