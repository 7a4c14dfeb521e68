import Anthropic from "@anthropic-ai/sdk";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createBedrockAnthropic } from "@ai-sdk/amazon-bedrock/anthropic";
import { anthropic } from "@tapedeck/codec/anthropic";
import { describe, expect, it } from "vitest";
import { aiSdk, recorded, serving } from "./support.js";

// tapedeck's anthropic merge against @anthropic-ai/sdk's MessageStream.finalMessage() and the
// AI SDK's Anthropic providers, on the same bytes. Each difference is asserted both ways.

const messagesUrl = "https://api.anthropic.com/v1/messages";
const request = { model: "claude-sonnet-4-5-20250929", max_tokens: 100, messages: [{ role: "user" as const, content: "x" }] };

async function finalMessage(fetch: typeof globalThis.fetch): Promise<{ message?: Record<string, unknown>; error?: string }> {
  const client = new Anthropic({ apiKey: "test", fetch, maxRetries: 0 });
  try {
    return { message: (await client.messages.stream(request).finalMessage()) as unknown as Record<string, unknown> };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const sse = (...events: Array<Record<string, unknown>>) => events.map((event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`).join("");
const start = (usage: Record<string, unknown> = { input_tokens: 10, output_tokens: 1 }) => ({
  type: "message_start",
  message: { id: "msg_1", type: "message", role: "assistant", model: "claude-sonnet-4-5", content: [], stop_reason: null, stop_sequence: null, usage },
});

describe("@anthropic-ai/sdk MessageStream.finalMessage()", () => {
  it.each([0, 1])("agrees with tapedeck on anthropic_direct interaction %i, but for the parsed_output: null it adds", async (index) => {
    const { fetch, body } = recorded("anthropic_direct", index);
    const theirs = (await finalMessage(fetch)).message!;
    const ours = anthropic.merge(body).merged;
    // The SDK adds its structured-output helper; tapedeck returns the provider's object only.
    expect(theirs.parsed_output).toBeNull();
    const { parsed_output: _helper, ...rest } = theirs;
    expect(rest).toEqual(ours);
  });

  it("agrees that message_delta's new input_tokens (a server tool re-read the results) replaces message_start's, not added", async () => {
    const body = sse(
      start({ input_tokens: 10, output_tokens: 1 }),
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "hi" } },
      { type: "content_block_stop", index: 0 },
      { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { input_tokens: 2710, output_tokens: 40 } },
      { type: "message_stop" },
    );
    const theirs = (await finalMessage(serving(messagesUrl, body))).message!;
    const ours = anthropic.merge(body).merged;
    // docs/dialects/anthropic.md, "Merge": overlay each usage key message_delta sends; its values are the final, cumulative ones.
    expect(theirs.usage).toEqual({ input_tokens: 2710, output_tokens: 40 });
    expect(ours.usage).toEqual({ input_tokens: 2710, output_tokens: 40 });
  });

  it("throws away the partial message at an error event; tapedeck keeps it, not complete, with the error", async () => {
    const body = sse(
      start(),
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Part" } },
      { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    );
    const theirs = await finalMessage(serving(messagesUrl, body));
    expect(theirs.message).toBeUndefined();
    expect(theirs.error).toMatch(/Overloaded/);
    const ours = anthropic.merge(body);
    expect([anthropic.normalize(ours.merged).text, ours.complete, ours.error]).toEqual(["Part", false, { type: "overloaded_error", message: "Overloaded" }]);
  });

  it("keeps only the last of two signature_delta events (it assigns); tapedeck appends, as for every other delta", async () => {
    const body = sse(
      start(),
      { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "", signature: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "hm" } },
      { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "Sig" } },
      { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "==" } },
      { type: "content_block_stop", index: 0 },
      { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 5 } },
      { type: "message_stop" },
    );
    const theirs = (await finalMessage(serving(messagesUrl, body))).message!;
    // Every recorded thinking block got exactly one signature_delta, onto "" (docs/dialects/anthropic.md, "Merge"): both rules
    // agree on real streams. Split signatures are not seen; appending is the rule every other delta follows.
    expect((theirs.content as Array<{ signature: string }>)[0]!.signature).toBe("==");
    expect(anthropic.merge(body).merged.content[0]!.signature).toBe("Sig==");
  });
});

describe("the AI SDK's Anthropic providers (streamText)", () => {
  it("agrees with tapedeck's normalized view on anthropic_direct: text, reasoning with its signature, tool calls, finish, usage", async () => {
    for (const index of [0, 1]) {
      const { fetch, body } = recorded("anthropic_direct", index);
      const theirs = await aiSdk(createAnthropic({ apiKey: "test", fetch })("claude-sonnet-4-5-20250929"));
      const merged = anthropic.merge(body).merged;
      const ours = anthropic.normalize(merged);
      expect(theirs.errors).toEqual([]);
      expect(theirs.text).toBe(ours.text);
      expect(theirs.reasoning ?? "").toBe(ours.reasoning);
      expect(theirs.toolCalls).toEqual(ours.toolCalls.map(({ id, name, arguments: input }) => ({ id, name, input })));
      expect(theirs.usage).toMatchObject({ inputTokens: ours.usage!.inputTokens, outputTokens: ours.usage!.outputTokens });
      expect(theirs.finishReason).toBe(index === 0 ? "tool-calls" : "stop");
      const thinking = merged.content.find((block) => block.type === "thinking");
      if (thinking !== undefined) expect(theirs.metadata[0]).toEqual({ type: "reasoning", metadata: { anthropic: { signature: thinking.signature } } });
    }
  });

  it("agrees on Bedrock's event stream (createBedrockAnthropic) for anthropic_bedrock", async () => {
    for (const index of [0, 1]) {
      const { fetch, body } = recorded("anthropic_bedrock", index);
      const theirs = await aiSdk(createBedrockAnthropic({ region: "us-east-1", accessKeyId: "test", secretAccessKey: "test", fetch })("us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
      const ours = anthropic.normalize(anthropic.merge(body, { framing: "aws-event-stream" }).merged);
      expect(theirs.errors).toEqual([]);
      expect(theirs.text).toBe(ours.text);
      expect(theirs.toolCalls).toEqual(ours.toolCalls.map(({ id, name, arguments: input }) => ({ id, name, input })));
      expect(theirs.usage).toMatchObject({ outputTokens: ours.usage!.outputTokens });
    }
  });
});
