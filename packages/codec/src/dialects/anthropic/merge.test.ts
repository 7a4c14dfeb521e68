import { describe, expect, it } from "vitest";
import { namedEvent, ping } from "../../test-support/sse.js";
import { anthropic } from "./index.js";

// The test cases and quirks of docs/dialects/anthropic.md, on streams written here by hand.

const messageStart = (usage: Record<string, unknown> = { input_tokens: 12, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 3 }) => ({
  type: "message_start",
  message: { id: "msg_01", type: "message", role: "assistant", model: "claude-sonnet-4-5", content: [], stop_reason: null, stop_sequence: null, usage },
});
const textStart = (index: number, block: Record<string, unknown> = { type: "text", text: "" }) => ({ type: "content_block_start", index, content_block: block });
const delta = (index: number, value: Record<string, unknown>) => ({ type: "content_block_delta", index, delta: value });
const stop = (index: number) => ({ type: "content_block_stop", index });
const messageDelta = (reason: string, usage: Record<string, unknown> = { output_tokens: 25 }) => ({ type: "message_delta", delta: { stop_reason: reason, stop_sequence: null }, usage });
const messageStop = { type: "message_stop" };

const body = (...events: Array<Record<string, unknown> | string>) => events.map((event) => (typeof event === "string" ? event : namedEvent(event))).join("");

describe("anthropic: the test cases of docs/dialects/anthropic.md", () => {
  it("1. ignores 0, 7 and 15 spaces of padding, and split puts each back", () => {
    const text = [
      namedEvent(messageStart(), 7),
      namedEvent(textStart(0), 0),
      namedEvent(delta(0, { type: "text_delta", text: "Hel" }), 15),
      namedEvent(delta(0, { type: "text_delta", text: "lo" }), 7),
      namedEvent(stop(0), 15),
      namedEvent(messageDelta("end_turn"), 0),
      namedEvent(messageStop, 3),
    ].join("");
    const { merged, residual, diagnostics, complete } = anthropic.merge(text, { residual: true });
    expect(diagnostics).toEqual([]);
    expect(complete).toBe(true);
    expect(merged.content).toEqual([{ type: "text", text: "Hello" }]);
    expect(anthropic.split(merged, { residual: residual! })).toBe(text);
  });

  it("2. leaves pings out of the message (before the first block, between a start and its delta, two in a row) and split restores them", () => {
    const text = body(messageStart(), ping, textStart(0), ping, delta(0, { type: "text_delta", text: "Hi" }), ping, ping, stop(0), messageDelta("end_turn"), messageStop);
    const { merged, residual } = anthropic.merge(text, { residual: true });
    expect(merged).toEqual({ ...messageStart().message, content: [{ type: "text", text: "Hi" }], stop_reason: "end_turn", usage: { ...messageStart().message.usage, output_tokens: 25 } });
    expect(anthropic.split(merged, { residual: residual! })).toBe(text);
  });

  it('3. joins input_json_delta fragments ("", `{"a": `, `2}`) into input {a: 2}; a tool block with no deltas keeps input {}', () => {
    const text = body(
      messageStart(),
      textStart(0, { type: "tool_use", id: "toolu_01", name: "add", input: {} }),
      delta(0, { type: "input_json_delta", partial_json: "" }),
      delta(0, { type: "input_json_delta", partial_json: '{"a": ' }),
      delta(0, { type: "input_json_delta", partial_json: "2}" }),
      stop(0),
      textStart(1, { type: "tool_use", id: "toolu_02", name: "now", input: {} }),
      stop(1),
      messageDelta("tool_use"),
      messageStop,
    );
    const { merged, diagnostics } = anthropic.merge(text);
    expect(diagnostics).toEqual([]);
    expect(merged.content).toEqual([
      { type: "tool_use", id: "toolu_01", name: "add", input: { a: 2 } },
      { type: "tool_use", id: "toolu_02", name: "now", input: {} },
    ]);
  });

  it("4. takes the last cumulative usage from message_delta, never the sum: output 3, then 10, then 25 with a new input count", () => {
    const text = body(
      messageStart({ input_tokens: 12, output_tokens: 3, service_tier: "standard" }),
      textStart(0),
      delta(0, { type: "text_delta", text: "x" }),
      stop(0),
      { type: "message_delta", delta: { stop_reason: null, stop_sequence: null }, usage: { input_tokens: 12, output_tokens: 10 } },
      { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { input_tokens: 40, output_tokens: 25 } },
      messageStop,
    );
    expect(anthropic.merge(text).merged.usage).toEqual({ input_tokens: 40, output_tokens: 25, service_tier: "standard" });
  });

  it('5. thinking deltas "ab", "" then signature_delta "S1==": thinking "ab", signature exactly "S1=="', () => {
    const text = body(
      messageStart(),
      textStart(0, { type: "thinking", thinking: "", signature: "" }),
      delta(0, { type: "thinking_delta", thinking: "ab" }),
      delta(0, { type: "thinking_delta", thinking: "" }),
      delta(0, { type: "signature_delta", signature: "S1==" }),
      stop(0),
      messageDelta("end_turn"),
      messageStop,
    );
    const { merged, residual } = anthropic.merge(text, { residual: true });
    expect(merged.content).toEqual([{ type: "thinking", thinking: "ab", signature: "S1==" }]);
    expect(anthropic.split(merged, { residual: residual! })).toBe(text);
  });

  it("6. pushes two citations_delta onto a block started with citations: []; a block started without keeps no citations key", () => {
    const citation = (n: number) => ({ type: "web_search_result_location", cited_text: `fact ${n}`, url: `https://example.com/${n}`, title: `Page ${n}`, encrypted_index: `EqQ${n}==` });
    const text = body(
      messageStart(),
      textStart(0),
      delta(0, { type: "text_delta", text: "Plain. " }),
      stop(0),
      textStart(1, { citations: [], type: "text", text: "" }),
      delta(1, { type: "citations_delta", citation: citation(1) }),
      delta(1, { type: "citations_delta", citation: citation(2) }),
      delta(1, { type: "text_delta", text: "Cited." }),
      stop(1),
      messageDelta("end_turn"),
      messageStop,
    );
    const { merged, residual } = anthropic.merge(text, { residual: true });
    expect(merged.content).toEqual([
      { type: "text", text: "Plain. " },
      { citations: [citation(1), citation(2)], type: "text", text: "Cited." },
    ]);
    expect(Object.keys(merged.content[0]!)).toEqual(["type", "text"]);
    expect(anthropic.split(merged, { residual: residual! })).toBe(text);
  });

  it("7. keeps a web_search_tool_result that arrives whole (start, then stop) as sent", () => {
    const result = {
      type: "web_search_tool_result",
      tool_use_id: "srvtoolu_01",
      content: [{ type: "web_search_result", title: "Weather", url: "https://example.com", encrypted_content: "EqcBCkgIBxAB==", page_age: null }],
      caller: { type: "direct" },
    };
    const text = body(messageStart(), textStart(0, result), stop(0), messageDelta("end_turn"), messageStop);
    expect(anthropic.merge(text).merged.content).toEqual([result]);
  });

  it("8. flags a stream with an error event after two deltas as incomplete, with the error attached", () => {
    const error = { type: "overloaded_error", message: "Overloaded" };
    const text = body(messageStart(), textStart(0), delta(0, { type: "text_delta", text: "Par" }), delta(0, { type: "text_delta", text: "tial" }), { type: "error", error });
    const result = anthropic.merge(text);
    expect(result.complete).toBe(false);
    expect(result.error).toEqual(error);
    expect(result.merged.content).toEqual([{ type: "text", text: "Partial" }]);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.event])).toEqual([["provider-error", 4]]);
  });

  it("9. keeps message_start's input counts when a Vertex-style message_delta sends output_tokens only", () => {
    const start = { input_tokens: 21, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 };
    const text = body(messageStart(start), textStart(0), delta(0, { type: "text_delta", text: "ok" }), stop(0), messageDelta("end_turn", { output_tokens: 9 }), messageStop);
    expect(anthropic.merge(text).merged.usage).toEqual({ ...start, output_tokens: 9 });
  });
});

describe("anthropic: quirks seen and the merge rules of docs/dialects/anthropic.md", () => {
  it("reads a structured-output run whose only block is a forced tool_use, and ids with Vertex's vrtx infix", () => {
    const text = body(
      { type: "message_start", message: { ...messageStart().message, id: "msg_vrtx_01" } },
      textStart(0, { type: "tool_use", id: "toolu_vrtx_01", name: "json", input: {}, caller: { type: "direct" } }),
      delta(0, { type: "input_json_delta", partial_json: "" }),
      delta(0, { type: "input_json_delta", partial_json: '{"city": "Paris"}' }),
      stop(0),
      messageDelta("tool_use"),
      messageStop,
    );
    const normalized = anthropic.normalize(anthropic.merge(text).merged);
    expect(normalized.toolCalls).toEqual([{ id: "toolu_vrtx_01", name: "json", arguments: { city: "Paris" }, argumentsText: '{"city":"Paris"}' }]);
    expect(normalized.text).toBe("");
    expect(normalized.finishReason).toBe("tool_use");
  });

  it("merges many text blocks alternating with cited ones (web search) in index order", () => {
    const events: Array<Record<string, unknown>> = [messageStart()];
    for (let index = 0; index < 12; index += 1) {
      events.push(index % 2 === 0 ? textStart(index) : textStart(index, { citations: [], type: "text", text: "" }));
      if (index % 2 === 1) events.push(delta(index, { type: "citations_delta", citation: { type: "web_search_result_location", cited_text: String(index) } }));
      events.push(delta(index, { type: "text_delta", text: `part ${index}. ` }), stop(index));
    }
    events.push(messageDelta("end_turn"), messageStop);
    const { merged } = anthropic.merge(body(...events));
    expect(merged.content).toHaveLength(12);
    expect(anthropic.normalize(merged).text).toBe(Array.from({ length: 12 }, (_, index) => `part ${index}. `).join(""));
    expect(merged.content.filter((block) => "citations" in block)).toHaveLength(6);
  });

  it("keeps caller, inference_geo and the newer key order of message_start as sent", () => {
    const message = { model: "claude-opus-4-5", id: "msg_02", type: "message", role: "assistant", content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 5, output_tokens: 52, service_tier: "standard", inference_geo: "us" } };
    const text = body({ type: "message_start", message }, messageDelta("end_turn", { output_tokens: 60 }), messageStop);
    const { merged } = anthropic.merge(text);
    expect(Object.keys(merged)).toEqual(["model", "id", "type", "role", "content", "stop_reason", "stop_sequence", "usage"]);
    expect(merged.usage).toEqual({ input_tokens: 5, output_tokens: 60, service_tier: "standard", inference_geo: "us" });
  });

  it("carries an unknown event and an unknown delta type through as diagnostics, never failing on them", () => {
    const text = body(messageStart(), { type: "content_block_preview", index: 0 }, textStart(0), delta(0, { type: "hologram_delta", hologram: "x" }), delta(0, { type: "text_delta", text: "y" }), stop(0), messageDelta("end_turn"), messageStop);
    const result = anthropic.merge(text);
    expect(result.merged.content).toEqual([{ type: "text", text: "y" }]);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.event])).toEqual([
      ["unknown-event", 1],
      ["unknown-event", 3],
    ]);
    expect(result.diagnostics[1]!.data).toEqual(delta(0, { type: "hologram_delta", hologram: "x" }));
  });

  it("reports a cut stream (no message_stop, a block never stopped) and never calls it complete", () => {
    const text = body(messageStart(), textStart(0, { type: "tool_use", id: "t", name: "f", input: {} }), delta(0, { type: "input_json_delta", partial_json: '{"a":1}' }));
    const result = anthropic.merge(text);
    expect(result.complete).toBe(false);
    expect(result.merged.content).toEqual([{ type: "tool_use", id: "t", name: "f", input: { a: 1 } }]);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["incomplete-stream"]);
  });

  it("reports a delta for a block that never started, an SSE name that disagrees with the data, and input that is not JSON", () => {
    const text =
      body(messageStart(), delta(3, { type: "text_delta", text: "lost?" }), textStart(0, { type: "tool_use", id: "t", name: "f", input: {} }), delta(0, { type: "input_json_delta", partial_json: "{oops" }), stop(0)) +
      'event: message_delta\ndata: {"type":"message_stop"}\n\n';
    const result = anthropic.merge(text);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.event])).toEqual([
      ["out-of-order", 1],
      ["invalid-arguments", 4],
      ["event-type-mismatch", 5],
    ]);
    expect(result.diagnostics[0]!.data).toEqual(delta(3, { type: "text_delta", text: "lost?" }));
    expect(result.merged.content[0]!.input).toEqual({});
  });

  it("reads a delta's text from where JSON.parse would, when a delta event is like the one before but for its text", () => {
    // Delta events like the one before but for their text are merged unparsed (merger.ts, docs/merging-unparsed.md):
    // every way that place could be misread, each stream's text worked out by hand from JSON's rules.
    const data = (json: string, name = "content_block_delta") => `event: ${name}\ndata: ${json}\n\n`;
    const usual = (text: string, index = 0) => data(`{"type":"content_block_delta","index":${index},"delta":{"type":"text_delta","text":"${text}"}}`);
    const texts = (...events: string[]) => anthropic.merge(body(messageStart(), textStart(0), textStart(1), ...events, stop(0), stop(1), messageDelta("end_turn"), messageStop)).merged.content.map((block) => block.text);
    // The key given twice (the last counts), the second written plainly or escaped.
    const twice = (first: string, second: string, key: string) => data(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"${first}",${key}:"${second}"}}`);
    expect(texts(twice("a", "a", '"text"'), twice("b", "a", '"text"'))).toEqual(["aa", ""]);
    expect(texts(twice("a", "a", '"te\\u0078t"'), twice("b", "a", '"te\\u0078t"'))).toEqual(["aa", ""]);
    // Values with escapes.
    expect(texts(usual("a"), usual("\\u0062"), usual('\\"c\\"'))).toEqual(['ab"c"', ""]);
    // Another block's delta between two alike, and a ping.
    expect(texts(usual("a"), usual("x", 1), usual("b"), ping, usual("c"))).toEqual(["abc", "x"]);
    // The delta's key written with a space, and a text key after the delta with the same value.
    const after = (other: string) => data(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text": "a"},"x":{"text":"${other}"}}`);
    expect(texts(after("a"), after("b"), after("c"))).toEqual(["aaa", ""]);
    // An event name that is not its type: reported for each event, after a delta named right too.
    const misnamed = (text: string) => data(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"${text}"}}`, "x");
    const named = anthropic.merge(body(messageStart(), textStart(0)) + misnamed("a") + misnamed("b") + usual("c") + misnamed("d"));
    expect(named.diagnostics.filter((diagnostic) => diagnostic.code === "event-type-mismatch").map((diagnostic) => diagnostic.event)).toEqual([2, 3, 5]);
    expect(named.merged.content[0]!.text).toBe("abcd");
  });

  it("names each step of a UI in the shared event words", () => {
    const text = body(
      messageStart(),
      textStart(0, { type: "thinking", thinking: "", signature: "" }),
      delta(0, { type: "thinking_delta", thinking: "hmm" }),
      stop(0),
      textStart(1),
      delta(1, { type: "text_delta", text: "Hi" }),
      stop(1),
      textStart(2, { type: "tool_use", id: "t1", name: "add", input: {} }),
      delta(2, { type: "input_json_delta", partial_json: "{}" }),
      stop(2),
      messageDelta("tool_use", { output_tokens: 7 }),
      messageStop,
    );
    const seen: unknown[] = [];
    anthropic.merge(text, { onEvent: (event) => seen.push(event) });
    expect(seen.map((event) => (event as { type: string }).type)).toEqual([
      "usage",
      "reasoning-delta",
      "text-delta",
      "tool-call-start",
      "tool-call-delta",
      "tool-call-end",
      "finish",
      "usage",
    ]);
    expect(seen[5]).toEqual({ type: "tool-call-end", toolCall: 0, id: "t1", name: "add", arguments: "{}", event: 9, choice: 0 });
  });
});

describe("anthropic: split without a residual", () => {
  it("writes a canonical stream that merges back to the same message", () => {
    const message = {
      id: "msg_01",
      type: "message" as const,
      role: "assistant",
      model: "claude-sonnet-4-5",
      content: [
        { type: "thinking", thinking: "Add them.", signature: "Sig==" },
        { type: "text", text: "Both: 2 + 3 = 5 ✓ and 2 × 3 = 6 🎉" },
        { type: "tool_use", id: "toolu_01", name: "add", input: { a: 2, b: 3 } },
        { type: "redacted_thinking", data: "EmwKAhgBEgy3==" },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: { input_tokens: 20, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0 }, output_tokens: 30, service_tier: "standard" },
    };
    const text = anthropic.split(message, { fragment: 4 });
    expect(text.startsWith('event: message_start\ndata: {"type":"message_start","message":{"id":"msg_01",')).toBe(true);
    const result = anthropic.merge(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.merged).toEqual(message);
  });
});
