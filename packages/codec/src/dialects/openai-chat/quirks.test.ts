import { describe, expect, it } from "vitest";
import { openaiChat } from "./index.js";
import { chunk, finishChunk, toolChunk } from "../../test-support/chat-chunks.js";

const mergeChunks = (chunks: unknown[]) => openaiChat.mergeEvents(chunks);
const mergeEventStream = (body: string) => openaiChat.merge(body);

// One test (or more) per line of docs/dialects/openai-chat.md, "Seen elsewhere".
const calls = (chunks: unknown[]) => mergeChunks(chunks).merged.choices[0]!.message.tool_calls;
const codes = (chunks: unknown[]) => mergeChunks(chunks).diagnostics.map((diagnostic) => diagnostic.code);

describe("ids, types and names", () => {
  it("never concatenates an id, type and name repeated on every delta (Fireworks, DeepSeek, Qwen, LiteLLM)", () => {
    const repeated = (argumentsFragment: string) => ({ index: 0, id: "call_1", type: "function", function: { name: "add", arguments: argumentsFragment } });
    const chunks = [toolChunk(repeated('{"a"')), toolChunk(repeated(":1}")), finishChunk("tool_calls")];
    expect(calls(chunks)).toEqual([{ id: "call_1", type: "function", function: { name: "add", arguments: '{"a":1}' } }]);
    expect(codes(chunks)).toEqual([]);
  });

  it('keeps the name when continuations send name: ""', () => {
    const chunks = [
      toolChunk({ index: 0, id: "c", type: "function", function: { name: "add", arguments: "" } }),
      toolChunk({ index: 0, function: { name: "", arguments: "{}" } }),
      finishChunk("tool_calls"),
    ];
    expect(calls(chunks)![0]!.function.name).toBe("add");
  });

  it("takes a name that arrives after the first delta", () => {
    const chunks = [
      toolChunk({ index: 0, id: "c", type: "function", function: { arguments: "{" } }),
      toolChunk({ index: 0, function: { name: "lookup", arguments: "}" } }),
      finishChunk("tool_calls"),
    ];
    expect(calls(chunks)![0]!.function).toEqual({ name: "lookup", arguments: "{}" });
  });

  it("reports a repeated id whose name conflicts, and keeps the first", () => {
    const chunks = [
      toolChunk({ index: 0, id: "c", function: { name: "add", arguments: "{}" } }),
      toolChunk({ index: 0, id: "c", function: { name: "multiply" } }),
      finishChunk("tool_calls"),
    ];
    expect(calls(chunks)![0]!.function.name).toBe("add");
    expect(mergeChunks(chunks).diagnostics).toMatchObject([{ code: "conflicting-tool-call", event: 1, toolCall: 0, data: "multiply" }]);
  });

  it("defaults a missing type to function and reports a call with no id or name", () => {
    const chunks = [toolChunk({ index: 0, function: { arguments: "{}" } }), finishChunk("tool_calls")];
    expect(calls(chunks)).toEqual([{ id: "", type: "function", function: { name: "", arguments: "{}" } }]);
    expect(codes(chunks)).toEqual(["incomplete-tool-call"]);
  });
});

describe("which call a fragment belongs to", () => {
  it("takes a whole call in one delta with finish_reason in the same chunk", () => {
    const whole = chunk(
      { tool_calls: [{ index: 0, id: "c1", type: "function", function: { name: "add", arguments: '{"a":2,"b":3}' } }] },
      { finish_reason: "tool_calls" },
    );
    const result = mergeChunks([whole]);
    expect(result.merged.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: { tool_calls: [{ id: "c1", function: { name: "add", arguments: '{"a":2,"b":3}' } }] },
    });
    expect(result.diagnostics).toEqual([]);
  });

  it("takes several complete calls in one delta (Groq)", () => {
    const chunks = [
      toolChunk(
        { index: 0, id: "a", type: "function", function: { name: "add", arguments: "{}" } },
        { index: 1, id: "b", type: "function", function: { name: "multiply", arguments: "{}" } },
      ),
      finishChunk("tool_calls"),
    ];
    expect(calls(chunks)!.map((call) => [call.id, call.function.name])).toEqual([["a", "add"], ["b", "multiply"]]);
  });

  it("places deltas without any index by id, else in the only open call (Gemini, old Ollama)", () => {
    const chunks = [
      toolChunk({ id: "g1", type: "function", function: { name: "add", arguments: '{"a":' } }),
      toolChunk({ function: { arguments: "1}" } }),
      toolChunk({ id: "g2", type: "function", function: { name: "multiply", arguments: '{"b":' } }),
      toolChunk({ function: { arguments: "2}" } }),
      toolChunk({ id: "g1", function: { arguments: "" } }),
      finishChunk("tool_calls"),
    ];
    expect(calls(chunks)!.map((call) => [call.id, call.function.arguments])).toEqual([["g1", '{"a":1}'], ["g2", '{"b":2}']]);
    expect(codes(chunks)).toEqual([]);
  });

  it("reports a fragment without index or id when no single call is open, keeping its data", () => {
    const chunks = [toolChunk({ function: { arguments: "{}" } }), finishChunk("stop")];
    expect(mergeChunks(chunks).diagnostics).toMatchObject([
      { code: "unplaced-delta", event: 0, choice: 0, data: { function: { arguments: "{}" } } },
    ]);
  });

  it("tells calls that all sit at index 0 apart by their new ids (Ollama, Gemini through proxies)", () => {
    const chunks = [
      toolChunk({ index: 0, id: "x1", type: "function", function: { name: "add", arguments: "{}" } }),
      toolChunk({ index: 0, id: "x2", type: "function", function: { name: "multiply", arguments: "{" } }),
      toolChunk({ index: 0, function: { arguments: "}" } }),
      finishChunk("tool_calls"),
    ];
    expect(calls(chunks)!.map((call) => [call.id, call.function.name, call.function.arguments])).toEqual([
      ["x1", "add", "{}"],
      ["x2", "multiply", "{}"],
    ]);
  });

  it("handles indexes that start at 1 after a text block (Anthropic-compatible proxies), and sparse ones", () => {
    const chunks = [
      chunk({ role: "assistant", content: "Let me check." }),
      toolChunk({ index: 1, id: "t1", type: "function", function: { name: "a", arguments: "{}" } }),
      toolChunk({ index: 5, id: "t5", type: "function", function: { name: "b", arguments: "{" } }),
      toolChunk({ index: 5, function: { arguments: "}" } }),
      finishChunk("tool_calls"),
    ];
    const result = mergeChunks(chunks).merged.choices[0]!.message;
    expect(result.content).toBe("Let me check.");
    expect(result.tool_calls!.map((call) => [call.id, call.function.arguments])).toEqual([["t1", "{}"], ["t5", "{}"]]);
  });

  it("takes two entries with the same index in one delta (vLLM)", () => {
    const chunks = [
      toolChunk(
        { index: 0, id: "v", type: "function", function: { name: "add" } },
        { index: 0, function: { arguments: '{"a":1}' } },
      ),
      finishChunk("tool_calls"),
    ];
    expect(calls(chunks)).toEqual([{ id: "v", type: "function", function: { name: "add", arguments: '{"a":1}' } }]);
  });

  it("rejects an index that is not a whole number as unplaced", () => {
    expect(codes([toolChunk({ index: -1, function: { arguments: "{}" } })])).toContain("unplaced-delta");
    expect(codes([toolChunk({ index: "0" as never, function: { arguments: "{}" } })])).toContain("unplaced-delta");
  });
});

describe("arguments", () => {
  it('joins fragments, "" included, byte for byte and never closes a call because it parses', () => {
    const chunks = [
      toolChunk({ index: 0, id: "c", type: "function", function: { name: "f", arguments: "" } }),
      toolChunk({ index: 0, function: { arguments: "{}" } }),
      toolChunk({ index: 0, function: { arguments: "" } }),
      toolChunk({ index: 0, id: "c", function: { arguments: " " } }),
      finishChunk("tool_calls"),
    ];
    expect(calls(chunks)![0]!.function.arguments).toBe("{} ");
    expect(calls(chunks)).toHaveLength(1);
  });

  it("serializes an arguments object once", () => {
    const chunks = [toolChunk({ index: 0, id: "c", type: "function", function: { name: "f", arguments: { a: 1, b: [2] } } }), finishChunk("tool_calls")];
    expect(calls(chunks)![0]!.function.arguments).toBe('{"a":1,"b":[2]}');
  });

  it("ignores a trailing repeat of the whole arguments (vLLM) and says so", () => {
    const chunks = [
      toolChunk({ index: 0, id: "c", type: "function", function: { name: "f", arguments: '{"a":' } }),
      toolChunk({ index: 0, function: { arguments: "1}" } }),
      finishChunk("tool_calls"),
      toolChunk({ index: 0, function: { arguments: '{"a":1}' } }),
    ];
    const result = mergeChunks(chunks);
    expect(result.merged.choices[0]!.message.tool_calls![0]!.function.arguments).toBe('{"a":1}');
    expect(result.diagnostics).toMatchObject([{ code: "repeated-arguments", event: 3, data: '{"a":1}' }]);
  });

  it("reports arguments that are not valid JSON at the end, with the text", () => {
    const chunks = [toolChunk({ index: 0, id: "c", type: "function", function: { name: "f", arguments: '{"a":' } }), finishChunk("tool_calls")];
    expect(mergeChunks(chunks).diagnostics).toMatchObject([{ code: "invalid-arguments", event: 2, toolCall: 0, data: '{"a":' }]);
  });
});

describe("usage", () => {
  const usage = (total: number) => ({ prompt_tokens: 1, completion_tokens: total - 1, total_tokens: total });

  it("takes usage from a final chunk with choices: []", () => {
    const chunks = [chunk({ content: "hi" }), finishChunk("stop"), { ...chunk({}), choices: [], usage: usage(5) }];
    expect(mergeChunks(chunks).merged.usage).toEqual(usage(5));
  });

  it("takes usage from the finish chunk itself", () => {
    expect(mergeChunks([chunk({ content: "hi" }), finishChunk("stop", { usage: usage(3) })]).merged.usage).toEqual(usage(3));
  });

  it("takes the last of cumulative usage repeated on every chunk, never the sum", () => {
    const chunks = [chunk({ content: "a" }, {}, { usage: usage(2) }), chunk({ content: "b" }, {}, { usage: usage(3) }), finishChunk("stop", { usage: usage(4) })];
    expect(mergeChunks(chunks).merged.usage).toEqual(usage(4));
  });

  it("keeps the real usage when usage: null follows", () => {
    const chunks = [finishChunk("stop", { usage: usage(4) }), chunk({}, {}, { usage: null })];
    expect(mergeChunks(chunks).merged.usage).toEqual(usage(4));
  });

  it("never invents usage", () => {
    expect(mergeChunks([chunk({ content: "a" }), finishChunk("stop")]).merged).not.toHaveProperty("usage");
  });
});

describe("text fields", () => {
  it("concatenates reasoning, reasoning_content, refusal and content apart", () => {
    const chunks = [
      chunk({ role: "assistant", reasoning: "Think" }),
      chunk({ reasoning: "ing." }),
      chunk({ reasoning_content: "Deep" }),
      chunk({ reasoning_content: "Seek" }),
      chunk({ refusal: "I can't" }),
      chunk({ refusal: " help." }),
      chunk({ content: "But " }),
      chunk({ content: "hi." }),
      finishChunk("stop"),
    ];
    expect(mergeChunks(chunks).merged.choices[0]!.message).toEqual({
      role: "assistant",
      content: "But hi.",
      refusal: "I can't help.",
      reasoning: "Thinking.",
      reasoning_content: "DeepSeek",
    });
  });

  it("concatenates logprobs.content arrays per chunk", () => {
    const token = (text: string) => ({ token: text, logprob: -0.1, bytes: null, top_logprobs: [] });
    const chunks = [
      chunk({ content: "a" }, { logprobs: { content: [token("a")], refusal: null } }),
      chunk({ content: "b" }, { logprobs: { content: [token("b")], refusal: null } }),
      finishChunk("stop"),
    ];
    expect(mergeChunks(chunks).merged.choices[0]!.logprobs).toEqual({ content: [token("a"), token("b")], refusal: null });
  });

  it("reports a text field that is not a string", () => {
    expect(mergeChunks([chunk({ content: 42 as never }), finishChunk("stop")]).diagnostics).toMatchObject([
      { code: "invalid-event", event: 0, choice: 0, data: 42 },
    ]);
  });
});

describe("OpenRouter's reasoning_details", () => {
  it("merges fragments that repeat their index into whole entries, text joined, signature and data as sent", () => {
    const detail = (fields: Record<string, unknown>) => chunk({ reasoning: (fields.text as string | undefined) ?? null, reasoning_details: [{ format: "anthropic-claude-v1", ...fields }] });
    const chunks = [
      detail({ type: "reasoning.text", text: "Add 2 ", index: 0 }),
      detail({ type: "reasoning.text", text: "and 3, ", index: 0 }),
      detail({ type: "reasoning.text", text: "then multiply.", index: 0 }),
      detail({ type: "reasoning.text", text: "", signature: "EqoBCkgIBxAC==", index: 0 }),
      detail({ type: "reasoning.encrypted", data: "gAAAAABo-redacted==", index: 1 }),
      chunk({ content: "5 and 6." }),
      finishChunk("stop"),
    ];
    const result = mergeChunks(chunks);
    expect(result.diagnostics).toEqual([]);
    const message = result.merged.choices[0]!.message;
    expect(message.reasoning_details).toEqual([
      { format: "anthropic-claude-v1", type: "reasoning.text", text: "Add 2 and 3, then multiply.", index: 0, signature: "EqoBCkgIBxAC==" },
      { format: "anthropic-claude-v1", type: "reasoning.encrypted", data: "gAAAAABo-redacted==", index: 1 },
    ]);
    // The same text streamed beside it in `reasoning` is joined too.
    expect(message.reasoning).toBe("Add 2 and 3, then multiply.");
  });

  it("keeps an entry without index as an entry of its own, and the residual gives the stream back", () => {
    const chunks = [
      chunk({ reasoning_details: [{ type: "reasoning.summary", summary: "Sum, ", index: 0 }] }),
      chunk({ reasoning_details: [{ type: "reasoning.summary", summary: "then product." }] }),
      chunk({ reasoning_details: [{ type: "reasoning.summary", summary: "x", index: 0 }] }),
      finishChunk("stop"),
    ];
    const body = chunks.map((item) => `data: ${JSON.stringify(item)}\n\n`).join("") + "data: [DONE]\n\n";
    const { merged, residual } = openaiChat.merge(body, { residual: true });
    expect(merged.choices[0]!.message.reasoning_details).toEqual([
      { type: "reasoning.summary", summary: "Sum, x", index: 0 },
      { type: "reasoning.summary", summary: "then product." },
    ]);
    expect(openaiChat.split(merged, { residual: residual! })).toBe(body);
  });
});

describe("finish reasons", () => {
  it('treats finish_reason: "" as "not yet", and null never erases a reason (the usage chunk)', () => {
    const chunks = [chunk({ content: "a" }, { finish_reason: "" }), finishChunk("stop"), chunk({ content: "" }, { finish_reason: null })];
    expect(mergeChunks(chunks).merged.choices[0]!.finish_reason).toBe("stop");
  });

  it('keeps "stop" as sent although tool calls were made (Gemini)', () => {
    const chunks = [toolChunk({ index: 0, id: "c", type: "function", function: { name: "f", arguments: "{}" } }), finishChunk("stop")];
    const [choice] = mergeChunks(chunks).merged.choices;
    expect(choice!.finish_reason).toBe("stop");
    expect(choice!.message.tool_calls).toHaveLength(1);
  });

  it("reports a cut stream with no finish reason", () => {
    const result = mergeChunks([chunk({ content: "a" })]);
    expect(result.merged.choices[0]!.finish_reason).toBeNull();
    expect(result.diagnostics).toMatchObject([{ code: "missing-finish-reason", event: 1, choice: 0 }]);
  });
});

describe("several choices (n > 1)", () => {
  it("keeps interleaved choices apart, including one first seen late", () => {
    const chunks = [
      chunk({ content: "A1" }, { index: 0 }),
      chunk({ content: "B1" }, { index: 1 }),
      chunk({ content: "A2" }, { index: 0 }),
      chunk({ content: "C1" }, { index: 2 }),
      chunk({ content: "B2" }, { index: 1, finish_reason: "stop" }),
      chunk({}, { index: 0, finish_reason: "length" }),
      chunk({}, { index: 2, finish_reason: "stop" }),
    ];
    const { choices } = mergeChunks(chunks).merged;
    expect(choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
      [0, "A1A2", "length"],
      [1, "B1B2", "stop"],
      [2, "C1", "stop"],
    ]);
  });
});

describe("chunks given as JSON text", () => {
  it("are parsed as they are merged, with bad JSON reported", () => {
    const result = mergeChunks(['{"choices":[{"index":0,"delta":{"content":"a"}}]}', "{oops", '{"choices":[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}]}']);
    expect(result.merged.choices[0]!.message.content).toBe("ab");
    expect(result.diagnostics).toMatchObject([{ code: "invalid-json", event: 1, data: "{oops" }]);
  });
});

describe("chunk-level oddities", () => {
  it("keeps the first id when the chunk id changes from chunk to chunk", () => {
    const chunks = [chunk({ content: "a" }, {}, { id: "one" }), finishChunk("stop", { id: "two" })];
    expect(mergeChunks(chunks).merged.id).toBe("one");
  });

  it("keeps a chunk with empty choices that carries only filter results (Azure)", () => {
    const filters = [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: "safe" } } }];
    const chunks = [{ id: "", object: "", created: 0, model: "", choices: [], prompt_filter_results: filters }, chunk({ content: "hi" }), finishChunk("stop")];
    const { merged: completion } = mergeChunks(chunks);
    expect(completion.prompt_filter_results).toEqual(filters);
    expect(completion.id).toBe("chatcmpl-1");
    expect(completion.model).toBe("test-model");
  });

  it("marks an error object mid-stream, and no later chunk hides it (OpenRouter)", () => {
    const error = { message: "Provider returned error", code: 502 };
    const chunks = [chunk({ content: "partial" }), { id: "chatcmpl-1", object: "chat.merged.chunk", created: 1, model: "m", error, choices: [{ index: 0, delta: { content: "" }, finish_reason: "error" }] }, finishChunk("stop"), { error: null }];
    const result = mergeChunks(chunks);
    expect(result.error).toEqual(error);
    expect(result.merged.choices[0]!.message.content).toBe("partial");
    expect(result.diagnostics).toMatchObject([{ code: "provider-error", event: 1, data: error }]);
  });

  it("reports values that are not chunks without throwing (a string is read as JSON text)", () => {
    const result = mergeChunks([null, 42, "text", [1], { choices: "no" }, { choices: [null, { index: 1.5 }] }]);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.event])).toEqual([
      ["invalid-event", 0],
      ["invalid-event", 1],
      ["invalid-json", 2],
      ["invalid-event", 3],
      ["invalid-event", 4],
      ["invalid-event", 5],
      ["invalid-event", 5],
      ["empty-stream", 6],
    ]);
  });

  it("treats __proto__ and constructor keys in provider data as plain data", () => {
    const text =
      'data: {"id":"x","choices":[{"index":0,"delta":{"content":"a","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}},"finish_reason":"stop","__proto__":{"polluted":true}}],"__proto__":{"polluted":true}}\n\n' +
      'data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c","type":"function","function":{"name":"f","arguments":"{}","__proto__":{"polluted":true}},"__proto__":{"polluted":true}}]}}]}\n\ndata: [DONE]\n\n';
    const { merged: completion } = mergeEventStream(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(completion)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(completion, "__proto__")?.value).toEqual({ polluted: true });
    const message = completion.choices[0]!.message;
    expect(Object.getOwnPropertyDescriptor(message, "__proto__")?.value).toEqual({ polluted: true });
    expect(Object.getOwnPropertyDescriptor(message, "constructor")?.value).toEqual({ prototype: { polluted: true } });
    const call = message.tool_calls![0]!;
    expect(Object.getOwnPropertyDescriptor(call, "__proto__")?.value).toEqual({ polluted: true });
    expect((call as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("per-call extra fields", () => {
  it("keeps Gemini's thought signature, even in a delta of its own, to send back", () => {
    const signature = { google: { thought_signature: "sig==" } };
    const chunks = [
      toolChunk({ index: 0, id: "g", type: "function", function: { name: "f", arguments: "{}" } }),
      toolChunk({ index: 0, extra_content: signature }),
      finishChunk("tool_calls"),
    ];
    expect(calls(chunks)![0]).toEqual({ id: "g", type: "function", function: { name: "f", arguments: "{}" }, extra_content: signature });
  });
});

describe("the event stream around the chunks", () => {
  const body = (end: string) =>
    `: OPENROUTER PROCESSING${end}${end}event: message${end}id: 1${end}data: {"id":"a","choices":[{"index":0,"delta":{"content":"Hel"}}]}${end}${end}` +
    `data: {"id":"a","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}${end}${end}data: [DONE]${end}${end}`;

  it.each([["LF", "\n"], ["CRLF", "\r\n"]])("skips comments and reads event and id fields (%s)", (_name, end) => {
    const result = mergeEventStream(body(end));
    expect(result.merged.choices[0]!.message.content).toBe("Hello");
    expect(result.diagnostics).toEqual([]);
  });

  it("reports a stream cut before [DONE]", () => {
    const result = mergeEventStream(body("\n").replace("data: [DONE]\n\n", ""));
    expect(result.merged.choices[0]!.message.content).toBe("Hello");
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["missing-done"]);
  });

  it("merges a data: JSON split across network reads", async () => {
    const text = body("\r\n");
    const pieces = (async function* () {
      for (let start = 0; start < text.length; start += 7) yield new TextEncoder().encode(text.slice(start, start + 7));
    })();
    const result = await openaiChat.merge(pieces);
    expect(result.merged.choices[0]!.message.content).toBe("Hello");
  });

  it("reports an event that is not JSON with its event number and line, and goes on", () => {
    const result = mergeEventStream('data: {"choices":[{"index":0,"delta":{"content":"a"}}]}\n\ndata: {oops\n\ndata: {"choices":[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n');
    expect(result.merged.choices[0]!.message.content).toBe("ab");
    expect(result.diagnostics).toMatchObject([{ code: "invalid-json", event: 1, data: "{oops" }]);
    expect(result.diagnostics[0]!.message).toMatch(/line 3/);
  });
});

describe("events", () => {
  it("tell a UI everything, noun-first, with choice and event numbers", () => {
    const merger = openaiChat.createMerger();
    const events = [
      chunk({ role: "assistant", content: "Hi" }),
      toolChunk({ index: 0, id: "c", type: "function", function: { name: "f", arguments: "" } }),
      toolChunk({ index: 0, function: { arguments: "{}" } }),
      finishChunk("tool_calls", { usage: { total_tokens: 3 } }),
    ].flatMap((item) => merger.push(item));
    expect(events).toEqual([
      { type: "text-delta", choice: 0, delta: "Hi", event: 0 },
      { type: "tool-call-start", choice: 0, toolCall: 0, id: "c", name: "f", event: 1 },
      { type: "tool-call-delta", choice: 0, toolCall: 0, argumentsDelta: "{}", event: 2 },
      { type: "usage", usage: { total_tokens: 3 }, event: 3, choice: 0 },
      { type: "tool-call-end", choice: 0, toolCall: 0, id: "c", name: "f", arguments: "{}", event: 3 },
      { type: "finish", choice: 0, finishReason: "tool_calls", event: 3 },
    ]);
  });

  it("end calls that are still open when the stream ends", () => {
    const seen: string[] = [];
    const merger = openaiChat.createMerger({ onEvent: (event) => seen.push(event.type) });
    merger.push(toolChunk({ index: 0, id: "c", type: "function", function: { name: "f", arguments: "{}" } }));
    merger.finish();
    expect(seen).toEqual(["tool-call-start", "tool-call-delta", "tool-call-end"]);
  });
});
