import { describe, expect, it } from "vitest";
import { detectDialect } from "../../detect.js";
import { cohere } from "./index.js";

// Written from Cohere's v2 streaming reference (docs.cohere.com/v2/docs/streaming): each event named in `event:` and `type`.
const event = (data: Record<string, unknown>) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
const start = { id: "29f14a5a-11de-4cae-9800-25e4747408ea", type: "message-start", delta: { message: { role: "assistant", content: [], tool_plan: "", tool_calls: [], citations: [] } } };
const end = { type: "message-end", delta: { finish_reason: "COMPLETE", usage: { billed_units: { input_tokens: 9, output_tokens: 5 }, tokens: { input_tokens: 71, output_tokens: 5 } } } };

describe("cohere", () => {
  it("merges text, a tool plan, tool calls with argument fragments, and citations into the v2 chat response", () => {
    const body = [
      start,
      { type: "tool-plan-delta", delta: { message: { tool_plan: "I will look" } } },
      { type: "tool-plan-delta", delta: { message: { tool_plan: " it up." } } },
      { type: "tool-call-start", index: 0, delta: { message: { tool_calls: { id: "get_weather_1", type: "function", function: { name: "get_weather", arguments: "" } } } } },
      { type: "tool-call-delta", index: 0, delta: { message: { tool_calls: { function: { arguments: '{"city":' } } } } },
      { type: "tool-call-delta", index: 0, delta: { message: { tool_calls: { function: { arguments: '"Paris"}' } } } } },
      { type: "tool-call-end", index: 0 },
      { type: "content-start", index: 0, delta: { message: { content: { type: "text", text: "" } } } },
      { type: "content-delta", index: 0, delta: { message: { content: { text: "It is" } } } },
      { type: "content-delta", index: 0, delta: { message: { content: { text: " sunny." } } } },
      { type: "content-end", index: 0 },
      { type: "citation-start", index: 0, delta: { message: { citations: { start: 6, end: 12, text: "sunny.", sources: [{ type: "tool", id: "get_weather_1:0" }], type: "TEXT_CONTENT" } } } },
      { type: "citation-end", index: 0 },
      end,
    ]
      .map(event)
      .join("");
    const { merged, complete, diagnostics, residual } = cohere.merge(body, { residual: true });
    expect(diagnostics).toEqual([]);
    expect(complete).toBe(true);
    expect(merged).toEqual({
      id: "29f14a5a-11de-4cae-9800-25e4747408ea",
      finish_reason: "COMPLETE",
      message: {
        role: "assistant",
        content: [{ type: "text", text: "It is sunny." }],
        tool_plan: "I will look it up.",
        tool_calls: [{ id: "get_weather_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
        citations: [{ start: 6, end: 12, text: "sunny.", sources: [{ type: "tool", id: "get_weather_1:0" }], type: "TEXT_CONTENT" }],
      },
      usage: { billed_units: { input_tokens: 9, output_tokens: 5 }, tokens: { input_tokens: 71, output_tokens: 5 } },
    });
    expect(cohere.split(merged, { residual: residual! })).toBe(body);
    expect(cohere.normalize(merged)).toMatchObject({ text: "It is sunny.", reasoning: "I will look it up.", finishReason: "COMPLETE", usage: { inputTokens: 71, outputTokens: 5 } });
    expect(cohere.normalize(merged).toolCalls).toEqual([{ id: "get_weather_1", name: "get_weather", arguments: { city: "Paris" }, argumentsText: '{"city":"Paris"}' }]);
  });

  it("keeps a reasoning model's thinking apart from its text", () => {
    const body = [
      start,
      { type: "content-start", index: 0, delta: { message: { content: { type: "thinking", thinking: "" } } } },
      { type: "content-delta", index: 0, delta: { message: { content: { thinking: "Hmm." } } } },
      { type: "content-end", index: 0 },
      { type: "content-start", index: 1, delta: { message: { content: { type: "text", text: "" } } } },
      { type: "content-delta", index: 1, delta: { message: { content: { text: "Yes." } } } },
      { type: "content-end", index: 1 },
      end,
    ]
      .map(event)
      .join("");
    const { merged } = cohere.merge(body);
    expect(merged.message.content).toEqual([
      { type: "thinking", thinking: "Hmm." },
      { type: "text", text: "Yes." },
    ]);
    expect(cohere.normalize(merged)).toMatchObject({ text: "Yes.", reasoning: "Hmm." });
  });

  it("is found by its first event, or its URL", () => {
    const response = { headers: { "Content-Type": ["text/event-stream"] }, body: event(start) };
    expect(detectDialect({ request: { url: "https://api.cohere.com/v2/chat" }, response })).toMatchObject({ dialect: "cohere", by: "first event" });
  });
});
