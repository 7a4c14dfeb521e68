import { describe, expect, it } from "vitest";
import { detectDialect } from "../../detect.js";
import { ollama } from "./index.js";

// Written from Ollama's API reference (docs/api.md): /api/chat and /api/generate, streamed as NDJSON.
const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const at = (time: string) => ({ model: "qwen3", created_at: `2026-01-01T00:00:0${time}Z` });
const stats = { total_duration: 4883583458, load_duration: 1334875, prompt_eval_count: 26, prompt_eval_duration: 342546000, eval_count: 282, eval_duration: 4535599000 };

describe("ollama", () => {
  it("merges a /api/chat stream into the non-streaming answer: thinking and content joined, tool calls whole, the last chunk's reason and timings", () => {
    const body = [
      line({ ...at("1"), message: { role: "assistant", content: "", thinking: "The user" }, done: false }),
      line({ ...at("2"), message: { role: "assistant", content: "", thinking: " asks." }, done: false }),
      line({ ...at("3"), message: { role: "assistant", content: "", tool_calls: [{ function: { name: "get_weather", arguments: { city: "Paris" } } }] }, done: false }),
      line({ ...at("4"), message: { role: "assistant", content: "Let me" }, done: false }),
      line({ ...at("5"), message: { role: "assistant", content: " check." }, done: false }),
      line({ ...at("6"), message: { role: "assistant", content: "" }, done_reason: "stop", done: true, ...stats }),
    ].join("");
    const { merged, complete, diagnostics } = ollama.merge(body);
    expect(diagnostics).toEqual([]);
    expect(complete).toBe(true);
    expect(merged).toEqual({
      ...at("6"),
      message: { role: "assistant", content: "Let me check.", thinking: "The user asks.", tool_calls: [{ function: { name: "get_weather", arguments: { city: "Paris" } } }] },
      done: true,
      done_reason: "stop",
      ...stats,
    });
    expect(ollama.normalize(merged)).toMatchObject({ text: "Let me check.", reasoning: "The user asks.", finishReason: "stop", usage: { inputTokens: 26, outputTokens: 282, totalTokens: 308 } });
    expect(ollama.normalize(merged).toolCalls).toEqual([{ id: "", name: "get_weather", arguments: { city: "Paris" }, argumentsText: '{"city":"Paris"}' }]);
  });

  it("merges a /api/generate stream, with the context to send back, and CRLF lines", () => {
    const body = [line({ ...at("1"), response: "The", done: false }), line({ ...at("2"), response: " sky", done: false }), line({ ...at("3"), response: "", done: true, done_reason: "stop", context: [1, 2, 3], ...stats })].join("").replaceAll("\n", "\r\n");
    const { merged, complete, residual } = ollama.merge(body, { residual: true });
    expect(complete).toBe(true);
    expect(merged).toEqual({ ...at("3"), response: "The sky", done: true, done_reason: "stop", context: [1, 2, 3], ...stats });
    expect(ollama.split(merged, { residual: residual! })).toBe(body);
  });

  it("keeps every field in the place it first appeared, whatever shape each chunk has and whether or not a residual is made", () => {
    const chunk = (time: string, message: unknown, extra: object = {}) => line({ model: "qwen3", created_at: time, message, done: false, ...extra });
    const body = [
      chunk("t1", { role: "assistant", content: "A" }),
      chunk("t2", { role: "assistant", content: "B" }),
      chunk("t3", { content: "C", role: "assistant", images: null }),
      chunk("t4", { role: "assistant", content: "D" }, { extra: 1 }),
      line({ created_at: "t5", model: "qwen4", message: { role: "user", content: "E" }, done: false }),
      line({ model: "qwen3", created_at: "t6", response: "R", done: false }),
      chunk("t6", { role: "assistant", content: "F" }, { response: "S" }),
      line({ model: "qwen3", created_at: "t7", message: { role: "assistant", content: "" }, done: true, done_reason: "stop" }),
    ].join("");
    // By the rules above: texts joined, every other field its last value, in the order fields first appeared.
    const expected = '{"model":"qwen3","created_at":"t7","message":{"role":"assistant","content":"ABCDEF","images":null},"done":true,"extra":1,"response":"RS","done_reason":"stop"}';
    expect(JSON.stringify(ollama.merge(body).merged)).toBe(expected);
    expect(JSON.stringify(ollama.merge(body, { residual: true }).merged)).toBe(expected);
  });

  it("is found by its content type and first chunk, or by its URL", () => {
    const body = line({ ...at("1"), response: "x", done: false });
    const response = { headers: { "Content-Type": ["application/x-ndjson"] }, body };
    expect(detectDialect({ request: { url: "http://127.0.0.1:11434/api/generate" }, response })).toEqual({ dialect: "ollama", framing: "ndjson", by: "first event" });
    expect(detectDialect({ request: { url: "http://127.0.0.1:11434/api/chat" }, response: { ...response, body: '{"odd": 1}\n' } })).toEqual({ dialect: "ollama", framing: "ndjson", by: "url" });
  });
});
