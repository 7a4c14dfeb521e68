import { type AwsEventStreamMessage, parseAwsEventStream, serializeAwsEventStream } from "@tapedeck/aws-event-stream";
import { describe, expect, it } from "vitest";
import { bedrockConverse } from "./index.js";

// ConverseStream as the AWS documentation lays it out (docs/dialects/bedrock-converse.md): frames written
// here by hand, the event type in :event-type, the payload the event's JSON (with Bedrock's "p" padding).

const frame = (type: string, payload: Record<string, unknown>, messageType = "event"): AwsEventStreamMessage => ({
  headers: [
    { name: ":event-type", type: "string", value: type },
    { name: ":content-type", type: "string", value: "application/json" },
    { name: ":message-type", type: "string", value: messageType },
  ],
  payload: new TextEncoder().encode(JSON.stringify(payload)),
});

const events: Array<[string, Record<string, unknown>]> = [
  ["messageStart", { role: "assistant", p: "abcdefgh" }],
  ["contentBlockDelta", { contentBlockIndex: 0, delta: { reasoningContent: { text: "Add, then " } }, p: "ab" }],
  ["contentBlockDelta", { contentBlockIndex: 0, delta: { reasoningContent: { text: "multiply." } }, p: "abc" }],
  ["contentBlockDelta", { contentBlockIndex: 0, delta: { reasoningContent: { signature: "EqoBCkgIBx==" } }, p: "a" }],
  ["contentBlockStop", { contentBlockIndex: 0, p: "abcd" }],
  ["contentBlockDelta", { contentBlockIndex: 1, delta: { text: "Both: " }, p: "abcdefghijk" }],
  ["contentBlockDelta", { contentBlockIndex: 1, delta: { text: "2 × 3 = 6 🎉" }, p: "ab" }],
  ["contentBlockStop", { contentBlockIndex: 1, p: "abcdef" }],
  ["contentBlockStart", { contentBlockIndex: 2, start: { toolUse: { toolUseId: "tooluse_01", name: "add" } }, p: "abc" }],
  ["contentBlockDelta", { contentBlockIndex: 2, delta: { toolUse: { input: '{"a": 2,' } }, p: "ab" }],
  ["contentBlockDelta", { contentBlockIndex: 2, delta: { toolUse: { input: ' "b": 3}' } }, p: "abcde" }],
  ["contentBlockStop", { contentBlockIndex: 2, p: "abcdefghij" }],
  ["messageStop", { stopReason: "tool_use", p: "abcdefghijklmnop" }],
  ["metadata", { usage: { inputTokens: 40, outputTokens: 22, totalTokens: 62 }, metrics: { latencyMs: 1204 }, p: "abcdefg" }],
];

const body = serializeAwsEventStream(events.map(([type, payload]) => frame(type, payload)));

const expected = {
  output: {
    message: {
      role: "assistant",
      content: [
        { reasoningContent: { reasoningText: { text: "Add, then multiply.", signature: "EqoBCkgIBx==" } } },
        { text: "Both: 2 × 3 = 6 🎉" },
        { toolUse: { toolUseId: "tooluse_01", name: "add", input: { a: 2, b: 3 } } },
      ],
    },
  },
  stopReason: "tool_use",
  usage: { inputTokens: 40, outputTokens: 22, totalTokens: 62 },
  metrics: { latencyMs: 1204 },
};

describe("bedrock-converse", () => {
  it("merges the stream into the Converse response: text begun by a delta, reasoning with its signature, tool input parsed at stop", () => {
    const { merged, diagnostics, complete } = bedrockConverse.merge(body);
    expect(diagnostics).toEqual([]);
    expect(complete).toBe(true);
    expect(merged).toEqual(expected);
    expect(bedrockConverse.normalize(merged)).toMatchObject({ text: "Both: 2 × 3 = 6 🎉", reasoning: "Add, then multiply.", finishReason: "tool_use", usage: { inputTokens: 40, outputTokens: 22, totalTokens: 62 } });
  });

  it("splits back byte for byte with the residual (the p padding, CRCs, delta boundaries)", () => {
    const { merged, residual } = bedrockConverse.merge(body, { residual: true });
    expect(Buffer.from(bedrockConverse.split(merged, { residual: residual! }) as Uint8Array).equals(Buffer.from(body))).toBe(true);
  });

  it("merges events as the AWS SDK types them ({ contentBlockDelta: {...} }) the same", () => {
    const sdkEvents = events.map(([type, payload]) => ({ [type]: payload }));
    expect(bedrockConverse.mergeEvents(sdkEvents).merged).toEqual(expected);
  });

  it("surfaces a throttlingException frame as the provider's error, keeping the text before it", () => {
    const cut = serializeAwsEventStream([
      ...events.slice(0, 7).map(([type, payload]) => frame(type, payload)),
      { ...frame("x", { message: "Too many requests, please wait before trying again." }, "exception"), headers: [{ name: ":exception-type", type: "string", value: "throttlingException" }, { name: ":content-type", type: "string", value: "application/json" }, { name: ":message-type", type: "string", value: "exception" }] },
    ]);
    const result = bedrockConverse.merge(cut);
    expect(result.complete).toBe(false);
    expect(result.error).toEqual({ exceptionType: "throttlingException", message: "Too many requests, please wait before trying again." });
    expect(bedrockConverse.normalize(result.merged).text).toBe("Both: 2 × 3 = 6 🎉");
  });

  it("writes a canonical stream that merges back to the same response", () => {
    const again = bedrockConverse.split(expected, { fragment: 4 });
    expect(parseAwsEventStream(again).map((message) => message.headers[0]!.value).slice(0, 3)).toEqual(["messageStart", "contentBlockDelta", "contentBlockDelta"]);
    const result = bedrockConverse.merge(again);
    expect(result.diagnostics).toEqual([]);
    expect(result.merged).toEqual(expected);
  });
});
