import { serializeAwsEventStream } from "@tapedeck/aws-event-stream";
import { describe, expect, it } from "vitest";
import { detectDialect } from "../../detect.js";
import { mergeInteraction } from "../../merge-interaction.js";
import { bedrockConverse } from "./index.js";

// Bedrock's InvokeModelWithResponseStream, written from the Bedrock model references: every payload is
// {"bytes": base64, "p": padding} with :event-type "chunk"; what the bytes hold depends on the model.
// Nova's are Converse events keyed by their type; Titan's, Llama's, Mistral's and Cohere's are each their own.

const invokeStream = (events: unknown[]) =>
  serializeAwsEventStream(
    events.map((event, index) => ({
      headers: [
        { name: ":event-type", type: "string" as const, value: "chunk" },
        { name: ":content-type", type: "string" as const, value: "application/json" },
        { name: ":message-type", type: "string" as const, value: "event" },
      ],
      payload: new TextEncoder().encode(JSON.stringify({ bytes: Buffer.from(JSON.stringify(event)).toString("base64"), p: "abcdefghij".slice(0, 2 + (index % 8)) })),
    })),
  );
const exchange = (model: string, body: Uint8Array) => ({
  request: { url: `https://bedrock-runtime.us-east-1.amazonaws.com/model/${model}/invoke-with-response-stream`, method: "POST" },
  response: { headers: { "Content-Type": ["application/vnd.amazon.eventstream"] }, body },
});

const metrics = { inputTokenCount: 12, outputTokenCount: 4, invocationLatency: 420, firstByteLatency: 180 };
const nova = invokeStream([
  { messageStart: { role: "assistant" } },
  { contentBlockDelta: { delta: { text: "Hello" }, contentBlockIndex: 0 } },
  { contentBlockDelta: { delta: { text: " there." }, contentBlockIndex: 0 } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { messageStop: { stopReason: "end_turn" } },
  { metadata: { usage: { inputTokens: 12, outputTokens: 4 }, metrics: {}, trace: {} }, "amazon-bedrock-invocationMetrics": metrics },
]);

describe("Bedrock invoke streams", () => {
  it("reads Nova's as bedrock-converse: the events inside the bytes, the invocation metrics kept, byte for byte back", () => {
    expect(detectDialect(exchange("us.amazon.nova-pro-v1%3A0", nova))).toMatchObject({ dialect: "bedrock-converse", framing: "aws-event-stream", by: "first event" });
    const result = bedrockConverse.merge(nova, { residual: true });
    expect(result.diagnostics).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.merged).toEqual({
      output: { message: { role: "assistant", content: [{ text: "Hello there." }] } },
      stopReason: "end_turn",
      usage: { inputTokens: 12, outputTokens: 4 },
      metrics: {},
      trace: {},
      "amazon-bedrock-invocationMetrics": metrics,
    });
    expect(bedrockConverse.split(result.merged, { residual: result.residual! })).toEqual(nova);
  });

  it.each([
    ["Titan", "amazon.titan-text-premier-v1%3A0", [{ outputText: "Hello", index: 0, totalOutputTextTokenCount: null, completionReason: null, inputTextTokenCount: 5 }]],
    ["Llama", "meta.llama3-70b-instruct-v1%3A0", [{ generation: "Hello", prompt_token_count: 5, generation_token_count: 1, stop_reason: null }]],
    ["Mistral", "mistral.mistral-large-2407-v1%3A0", [{ outputs: [{ text: "Hello", stop_reason: null }] }]],
    ["Cohere", "cohere.command-r-plus-v1%3A0", [{ is_finished: false, event_type: "text-generation", text: "Hello" }]],
  ])("says no dialect fits %s's, naming ConverseStream, instead of reading it as Anthropic", (_family, model, events) => {
    const recorded = exchange(model, invokeStream(events));
    expect(detectDialect(recorded)).toBeUndefined();
    const result = mergeInteraction(recorded);
    expect(result.dialect).toBeUndefined();
    expect(result.complete).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "unknown-dialect", message: expect.stringMatching(/Titan, Llama, Mistral, Cohere.*ConverseStream/) })]);
  });
});
