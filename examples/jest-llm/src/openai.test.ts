import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { upstreamForMode } from "@tapedeck/example-fake-provider";
import { useCassettes } from "@tapedeck/jest";
import OpenAI from "openai";

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
  });

  test("a streamed chat completion", async () => {
    const stream = await client.chat.completions.create({ model: "gpt-4.1-mini", messages, stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("The capital of France is Paris.");
  });

  test("a file upload: multipart parts match whatever the boundary", async () => {
    const file = new File([new Uint8Array([82, 73, 70, 70, 0, 1, 2, 3])], "question.wav", { type: "audio/wav" });
    const transcription = await client.audio.transcriptions.create({ model: "whisper-1", file });
    expect(transcription.text).toBe("The capital of France is Paris.");
  });

  test("a test that makes no request needs no cassette", () => {
    expect("Paris".length).toBe(5);
  });
});
