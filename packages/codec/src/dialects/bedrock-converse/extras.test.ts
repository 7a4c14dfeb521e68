import { serializeAwsEventStream } from "@tapedeck/aws-event-stream";
import { describe, expect, it } from "vitest";
import { bedrockConverse } from "./index.js";

// ConverseStream's less common blocks, written from the Bedrock Runtime API reference (ContentBlockStart,
// ContentBlockDelta, CitationsDelta, ToolResultBlockDelta, ReasoningContentBlockDelta) and from how Nova's
// grounding and code interpreter stream them: each must land in the block a non-streaming Converse call returns.

const stream = (events: Array<[string, Record<string, unknown>]>) =>
  serializeAwsEventStream(
    events.map(([type, payload]) => ({
      headers: [
        { name: ":event-type", type: "string" as const, value: type },
        { name: ":content-type", type: "string" as const, value: "application/json" },
        { name: ":message-type", type: "string" as const, value: "event" },
      ],
      payload: new TextEncoder().encode(JSON.stringify(payload)),
    })),
  );
const around = (blocks: Array<[string, Record<string, unknown>]>) => stream([["messageStart", { role: "assistant" }], ...blocks, ["messageStop", { stopReason: "end_turn" }], ["metadata", { usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 }, metrics: { latencyMs: 9 } }]]);
const contentOf = (body: Uint8Array) => {
  const result = bedrockConverse.merge(body, { residual: true });
  expect(result.diagnostics).toEqual([]);
  expect(result.complete).toBe(true);
  expect(bedrockConverse.split(result.merged, { residual: result.residual! })).toEqual(body);
  return result;
};

const location = { documentChar: { documentIndex: 0, start: 10, end: 52 } };

describe("bedrock-converse blocks beyond text and tool use", () => {
  it("merges text with citation deltas into a citationsContent block", () => {
    const body = around([
      ["contentBlockDelta", { contentBlockIndex: 0, delta: { text: "The store opens " } }],
      ["contentBlockDelta", { contentBlockIndex: 0, delta: { text: "at 9." } }],
      ["contentBlockDelta", { contentBlockIndex: 0, delta: { citation: { title: "hours.pdf", sourceContent: [{ text: "Open 9-5" }], location } } }],
      ["contentBlockStop", { contentBlockIndex: 0 }],
    ]);
    const { merged } = contentOf(body);
    expect(merged.output.message.content).toEqual([
      { citationsContent: { content: [{ text: "The store opens at 9." }], citations: [{ title: "hours.pdf", sourceContent: [{ text: "Open 9-5" }], location }] } },
    ]);
    expect(bedrockConverse.normalize(merged).text).toBe("The store opens at 9.");
  });

  it("appends whole citationsContent deltas (Nova grounding) after the block's text", () => {
    const web = { web: { url: "https://europa.eu/112", domain: "europa.eu" } };
    const body = around([
      ["contentBlockDelta", { contentBlockIndex: 0, delta: { text: "Call 112." } }],
      ["contentBlockStop", { contentBlockIndex: 0 }],
      ["contentBlockDelta", { contentBlockIndex: 1, delta: { citationsContent: { citations: [{ location: web }] } } }],
      ["contentBlockStop", { contentBlockIndex: 1 }],
    ]);
    expect(contentOf(body).merged.output.message.content).toEqual([{ text: "Call 112." }, { citationsContent: { citations: [{ location: web }] } }]);
  });

  it("gives a server tool's toolResult block its content, text fragments joined and JSON items kept", () => {
    const body = around([
      ["contentBlockStart", { contentBlockIndex: 0, start: { toolUse: { toolUseId: "tooluse_1", name: "nova_code_interpreter", type: "server_tool_use" } } }],
      ["contentBlockDelta", { contentBlockIndex: 0, delta: { toolUse: { input: '{"code": "print(2*3)"}' } } }],
      ["contentBlockStop", { contentBlockIndex: 0 }],
      ["contentBlockStart", { contentBlockIndex: 1, start: { toolResult: { toolUseId: "tooluse_1", type: "nova_code_interpreter_result", status: "success" } } }],
      ["contentBlockDelta", { contentBlockIndex: 1, delta: { toolResult: [{ text: "std" }] } }],
      ["contentBlockDelta", { contentBlockIndex: 1, delta: { toolResult: [{ text: "out: 6" }] } }],
      ["contentBlockDelta", { contentBlockIndex: 1, delta: { toolResult: [{ json: { exitCode: 0 } }] } }],
      ["contentBlockStop", { contentBlockIndex: 1 }],
      ["contentBlockDelta", { contentBlockIndex: 2, delta: { text: "It is 6." } }],
      ["contentBlockStop", { contentBlockIndex: 2 }],
    ]);
    const { merged } = contentOf(body);
    expect(merged.output.message.content).toEqual([
      { toolUse: { toolUseId: "tooluse_1", name: "nova_code_interpreter", type: "server_tool_use", input: { code: "print(2*3)" } } },
      { toolResult: { toolUseId: "tooluse_1", type: "nova_code_interpreter_result", status: "success", content: [{ text: "stdout: 6" }, { json: { exitCode: 0 } }] } },
      { text: "It is 6." },
    ]);
  });

  it("keeps redacted reasoning as sent", () => {
    const body = around([
      ["contentBlockDelta", { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: "AGNpcGhlcnRleHQA" } } }],
      ["contentBlockStop", { contentBlockIndex: 0 }],
    ]);
    expect(contentOf(body).merged.output.message.content).toEqual([{ reasoningContent: { redactedContent: "AGNpcGhlcnRleHQA" } }]);
  });

  it("splits each of these blocks back into a stream that merges to the same response", () => {
    const merged = {
      output: {
        message: {
          role: "assistant",
          content: [
            { citationsContent: { content: [{ text: "Open at 9." }], citations: [{ title: "hours", location }] } },
            { toolResult: { toolUseId: "t1", status: "success", content: [{ text: "6" }, { json: { ok: true } }] } },
            { image: { format: "png", source: { bytes: "iVBORw0KGgo=" } } },
            { reasoningContent: { redactedContent: "AGNp" } },
          ],
        },
      },
      stopReason: "end_turn",
      usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
      metrics: { latencyMs: 4 },
    };
    const again = bedrockConverse.merge(bedrockConverse.split(merged, { fragment: 3 }));
    expect(again.diagnostics).toEqual([]);
    expect(again.merged).toEqual(merged);
  });

  it("reports a delta it has no place for, keeps it in the diagnostic, and is not complete", () => {
    const body = around([
      ["contentBlockDelta", { contentBlockIndex: 0, delta: { video: { frame: 1 } } }],
      ["contentBlockStop", { contentBlockIndex: 0 }],
    ]);
    const result = bedrockConverse.merge(body);
    expect(result.complete).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "unplaced-content", event: 1, data: { contentBlockIndex: 0, delta: { video: { frame: 1 } } } })]);
  });
});
