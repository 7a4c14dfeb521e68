import { type AwsEventStreamMessage, parseAwsEventStream, serializeAwsEventStream } from "@tapedeck/aws-event-stream";
import { describe, expect, it } from "vitest";
import { namedEvent } from "../../test-support/sse.js";
import { anthropic } from "./index.js";

// Bedrock's InvokeModelWithResponseStream (docs/framings.md, "aws-event-stream", and docs/dialects/anthropic.md): Anthropic events,
// compact and unpadded, base64 in {"bytes", "p"} payloads of AWS event-stream frames.

const events = [
  { type: "message_start", message: { id: "msg_bdrk_01", type: "message", role: "assistant", model: "claude-sonnet-4-5", content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 30, output_tokens: 2 } } },
  { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "2 × 3 = 6 🎉" } },
  { type: "content_block_stop", index: 0 },
  { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 14 } },
  { type: "message_stop", "amazon-bedrock-invocationMetrics": { inputTokenCount: 30, outputTokenCount: 14, invocationLatency: 812, firstByteLatency: 402 } },
];

const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A Bedrock frame written here by hand: three string headers, `{"bytes":base64,"p":padding}`. */
function frame(event: unknown, padding: number): AwsEventStreamMessage {
  const bytes = Buffer.from(JSON.stringify(event), "utf8").toString("base64");
  return {
    headers: [
      { name: ":event-type", type: "string", value: "chunk" },
      { name: ":content-type", type: "string", value: "application/json" },
      { name: ":message-type", type: "string", value: "event" },
    ],
    payload: new TextEncoder().encode(`{"bytes":"${bytes}","p":"${alphabet.slice(0, padding)}"}`),
  };
}

const exception = (type: string, payload: unknown): AwsEventStreamMessage => ({
  headers: [
    { name: ":exception-type", type: "string", value: type },
    { name: ":content-type", type: "string", value: "application/json" },
    { name: ":message-type", type: "string", value: "exception" },
  ],
  payload: new TextEncoder().encode(JSON.stringify(payload)),
});

describe("anthropic over Bedrock's event stream", () => {
  const paddings = [1, 62, 17, 2, 40, 9];
  const body = serializeAwsEventStream(events.map((event, index) => frame(event, paddings[index]!)));

  it("merges the decoded events as the same events sent as SSE would be, apart from Bedrock's metrics", () => {
    const bedrock = anthropic.merge(body, { framing: "aws-event-stream" });
    const sse = anthropic.merge(events.map((event) => namedEvent(event)).join(""));
    expect(bedrock.diagnostics).toEqual([]);
    expect(bedrock.complete).toBe(true);
    expect(bedrock.merged).toEqual(sse.merged);
    expect(bedrock.metadata).toEqual({ "amazon-bedrock-invocationMetrics": events[5]!["amazon-bedrock-invocationMetrics"] });
    expect(sse.metadata).toEqual(bedrock.metadata);
  });

  it("decodes a 4-byte emoji intact, and split with the residual gives back every frame, p of 1 and 62 included", () => {
    const { merged, residual } = anthropic.merge(body, { framing: "aws-event-stream", residual: true });
    expect(anthropic.normalize(merged).text).toBe("2 × 3 = 6 🎉");
    const again = anthropic.split(merged, { residual: residual! }) as Uint8Array;
    expect(Buffer.from(again).equals(Buffer.from(body))).toBe(true);
    // The text itself is not in the residual: it comes from the merged message.
    expect(JSON.stringify(residual)).not.toContain(Buffer.from(JSON.stringify(events[2])).toString("base64"));
  });

  it("merges the same when the bytes are cut anywhere", async () => {
    const whole = anthropic.merge(body, { framing: "aws-event-stream" });
    for (let cut = 0; cut <= body.length; cut += 7) {
      const merger = anthropic.createStreamMerger({ framing: "aws-event-stream" });
      merger.feed(body.subarray(0, cut));
      merger.feed(body.subarray(cut));
      expect(merger.finish()).toEqual(whole);
    }
  });

  it("surfaces an exception frame mid-stream as the provider's error; earlier events are kept", () => {
    const cut = serializeAwsEventStream([
      ...events.slice(0, 3).map((event) => frame(event, 5)),
      exception("modelStreamErrorException", { message: "Model stream error", originalStatusCode: 500, originalMessage: "boom" }),
    ]);
    const result = anthropic.merge(cut, { framing: "aws-event-stream" });
    expect(result.complete).toBe(false);
    expect(result.error).toEqual({ exceptionType: "modelStreamErrorException", message: "Model stream error", originalStatusCode: 500, originalMessage: "boom" });
    expect(anthropic.normalize(result.merged).text).toBe("2 × 3 = 6 🎉");
    // The error says why the stream ended early: no second finding for the missing message_stop.
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.event])).toEqual([["provider-error", 3]]);
  });

  it("reports a CRC mismatch as invalid-framing with the byte offset, and keeps what came before", () => {
    const broken = new Uint8Array(body);
    const second = parseAwsEventStream(body)[1]!;
    broken[second.offset + 20]! ^= 0xff;
    const result = anthropic.merge(broken, { framing: "aws-event-stream" });
    expect(result.complete).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ code: "invalid-framing", event: 1, data: { code: "message-crc-mismatch" } });
    expect(result.merged.id).toBe("msg_bdrk_01");
  });

  it("writes a canonical Bedrock stream that merges back to the same message", () => {
    const { merged } = anthropic.merge(body, { framing: "aws-event-stream" });
    const again = anthropic.split(merged, { framing: "aws-event-stream" });
    const messages = parseAwsEventStream(again);
    expect(messages[0]!.headers.map((header) => header.value)).toEqual(["chunk", "application/json", "event"]);
    expect(new TextDecoder().decode(messages[0]!.payload)).toMatch(/^\{"bytes":"[A-Za-z0-9+/=]+","p":"[a-zA-Z0-9]+"\}$/);
    expect(anthropic.merge(again, { framing: "aws-event-stream" }).merged).toEqual(merged);
  });
});
