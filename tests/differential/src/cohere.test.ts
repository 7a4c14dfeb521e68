import { createCohere } from "@ai-sdk/cohere";
import { cohere } from "@tapedeck/codec/cohere";
import { describe, expect, it } from "vitest";
import { aiSdk, recorded } from "./support.js";

// tapedeck's Cohere v2 merge against the AI SDK's Cohere provider, on the same bytes. cohere-ai's chatStream
// yields the events and keeps no accumulator, so the AI SDK is the reference.

describe("the AI SDK's Cohere provider (streamText)", () => {
  it("agrees on the first turn: both tool calls whole, the finish reason and usage", async () => {
    const { fetch, body } = recorded("cohere", 0);
    const theirs = await aiSdk(createCohere({ apiKey: "test", fetch })("command-a-03-2025"));
    const merged = cohere.merge(body);
    const ours = cohere.normalize(merged.merged);
    expect(merged.diagnostics).toEqual([]);
    expect(theirs.errors).toEqual([]);
    expect(theirs.toolCalls).toEqual(ours.toolCalls.map(({ id, name, arguments: input }) => ({ id, name, input })));
    expect(theirs.toolCalls.map((call) => call.name)).toEqual(["add", "multiply"]);
    expect(theirs.usage).toMatchObject({ inputTokens: ours.usage!.inputTokens, outputTokens: ours.usage!.outputTokens });
  });

  it("agrees on the second turn's text", async () => {
    const { fetch, body } = recorded("cohere", 1);
    const theirs = await aiSdk(createCohere({ apiKey: "test", fetch })("command-a-03-2025"));
    const ours = cohere.normalize(cohere.merge(body).merged);
    expect(theirs.errors).toEqual([]);
    expect(theirs.text).toBe(ours.text);
    expect(theirs.text).toBe("2 + 3 = 5, and 2 × 3 = 6.");
  });
});
