import { createOpenAI } from "@ai-sdk/openai";
import { openaiCompletions } from "@tapedeck/codec/openai-completions";
import { describe, expect, it } from "vitest";
import { aiSdk, recorded } from "./support.js";

// tapedeck's legacy-completions merge against the AI SDK's OpenAI completion model, on the same bytes.
// openai-node streams completions but keeps no accumulator for them, so the AI SDK is the reference.

describe("the AI SDK's OpenAI completion model (streamText)", () => {
  it.each([
    ["api.openai.com", 0, undefined, "gpt-3.5-turbo-instruct"],
    ["a vLLM server", 1, "http://127.0.0.1:8000/v1", "Qwen/Qwen2.5-7B-Instruct"],
  ])("agrees with tapedeck on %s: text, finish reason and usage", async (_host, index, baseURL, model) => {
    const { fetch, body } = recorded("openai_completions", index);
    const theirs = await aiSdk(createOpenAI({ apiKey: "test", fetch, ...(baseURL === undefined ? {} : { baseURL }) }).completion(model));
    const merged = openaiCompletions.merge(body);
    const ours = openaiCompletions.normalize(merged.merged);
    expect(merged.diagnostics).toEqual([]);
    expect(theirs.errors).toEqual([]);
    expect(theirs.text).toBe(ours.text);
    expect(theirs.text).toBe(" 2 + 3 = 5, and 2 × 3 = 6.");
    expect(theirs.finishReason).toBe(ours.finishReason);
    expect(theirs.usage).toMatchObject({ inputTokens: ours.usage!.inputTokens, outputTokens: ours.usage!.outputTokens });
  });
});
