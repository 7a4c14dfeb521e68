import { useCassettes } from "@tapedeck/vitest";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { upstreamForMode } from "@tapedeck/example-fake-provider";

// What a client made at import time keeps. The setup file (vitest.config.ts) installed
// interception before this file was imported, so this fetch is intercepted too.
const fetchAtImport = globalThis.fetch;

useCassettes({
  match: { ignoreHosts: true },
  // Applied to what is written and to each live request before matching: a prompt with the time in it still matches.
  redact(interaction) {
    if (typeof interaction.request.body === "string") interaction.request.body = interaction.request.body.replace(/asked at \d+/, "asked at <time>");
    return interaction;
  },
});

let upstream: Awaited<ReturnType<typeof upstreamForMode>>;
let client: OpenAI;
beforeAll(async () => {
  upstream = await upstreamForMode();
  client = new OpenAI({ apiKey: "sk-example-not-a-real-key", baseURL: `${upstream.url}/v1`, fetch: fetchAtImport });
});
afterAll(() => upstream.close());

describe("traps that pass here and fail in CI, closed", () => {
  test("a client made at import time is recorded and replayed", async () => {
    const completion = await client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "user", content: "What is the capital of France?" }] });
    expect(completion.choices[0]!.message.content).toBe("The capital of France is Paris.");
  });

  test("a prompt with the time in it matches its recording", async () => {
    const content = `What is the capital of France? (asked at ${Date.now()})`;
    const completion = await client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "user", content }] });
    expect(completion.choices[0]!.message.content).toBe("The capital of France is Paris.");
  });

  test("a test that makes no request needs no cassette", () => {
    expect("Paris".length).toBe(5);
  });
});
