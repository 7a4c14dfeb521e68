import { describe, expect, it } from "vitest";
import { openaiResponses } from "./index.js";

// The test cases and quirks of docs/dialects/openai-responses.md, on streams written here by hand
// in the API's style: `type` first, the other top-level keys alphabetical, `sequence_number` from 0.

function stream(events: Array<[string, Record<string, unknown>]>, spell: (json: string) => string = (json) => json): string {
  return events
    .map(([type, fields], sequence) => {
      const all: Record<string, unknown> = { ...fields, sequence_number: sequence };
      const ordered: Record<string, unknown> = { type };
      for (const key of Object.keys(all).sort()) ordered[key] = all[key];
      return `event: ${type}\ndata: ${spell(JSON.stringify(ordered))}\n\n`;
    })
    .join("");
}

const response = (status: string, output: unknown[], extra: Record<string, unknown> = {}) => ({
  id: "resp_01",
  object: "response",
  created_at: 1760000000,
  status,
  completed_at: status === "in_progress" ? null : 1760000003,
  model: "gpt-5-2025-08-07",
  output,
  temperature: 1,
  tools: [],
  usage: status === "in_progress" ? null : { input_tokens: 20, input_tokens_details: { cached_tokens: 0 }, output_tokens: 8, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 28 },
  ...extra,
});

const message = (text: string, annotations: unknown[] = [], status = "completed") => ({
  id: "msg_01",
  type: "message",
  status,
  content: status === "in_progress" ? [] : [{ type: "output_text", annotations, logprobs: [], text }],
  role: "assistant",
});

const ids = { item_id: "msg_01", output_index: 0 };

function textStream(deltas: Array<[string, string]>, annotation?: { after: number; value: Record<string, unknown> }) {
  const text = deltas.map(([delta]) => delta).join("");
  const annotations = annotation === undefined ? [] : [annotation.value];
  const events: Array<[string, Record<string, unknown>]> = [
    ["response.created", { response: response("in_progress", []) }],
    ["response.in_progress", { response: response("in_progress", []) }],
    ["response.output_item.added", { item: message("", [], "in_progress"), output_index: 0 }],
    ["response.content_part.added", { ...ids, content_index: 0, part: { type: "output_text", annotations: [], logprobs: [], text: "" } }],
  ];
  deltas.forEach(([delta, obfuscation], index) => {
    events.push(["response.output_text.delta", { ...ids, content_index: 0, delta, logprobs: [], obfuscation }]);
    if (annotation?.after === index) events.push(["response.output_text.annotation.added", { ...ids, annotation: annotation.value, annotation_index: 0, content_index: 0 }]);
  });
  events.push(
    ["response.output_text.done", { ...ids, content_index: 0, logprobs: [], text }],
    ["response.content_part.done", { ...ids, content_index: 0, part: { type: "output_text", annotations, logprobs: [], text } }],
    ["response.output_item.done", { item: message(text, annotations), output_index: 0 }],
    ["response.completed", { response: response("completed", [message(text, annotations)]) }],
  );
  return events;
}

describe("openai-responses: the test cases of docs/dialects/openai-responses.md", () => {
  it('1. merges deltas "He" and "llo" into "Hello"; split puts back each obfuscation string', () => {
    const text = stream(textStream([["He", "k3Jx9"], ["llo", "Qz"]]));
    const { merged, residual, diagnostics, complete } = openaiResponses.merge(text, { residual: true });
    expect(diagnostics).toEqual([]);
    expect(complete).toBe(true);
    expect(openaiResponses.normalize(merged).text).toBe("Hello");
    expect(openaiResponses.split(merged, { residual: residual! })).toBe(text);
    expect(JSON.stringify(residual)).toContain("k3Jx9");
  });

  it("2. takes encrypted_content from response.completed (C); split re-emits the added (A) and done (B) values in place", () => {
    const reasoning = (encrypted: string, status: string) => ({ id: "rs_01", type: "reasoning", encrypted_content: encrypted, summary: [], ...(status === "" ? {} : {}) });
    const text = stream([
      ["response.created", { response: response("in_progress", []) }],
      ["response.in_progress", { response: response("in_progress", []) }],
      ["response.output_item.added", { item: reasoning("gAAAAA-added", ""), output_index: 0 }],
      ["response.output_item.done", { item: reasoning("gAAAAB-done", ""), output_index: 0 }],
      ["response.completed", { response: response("completed", [reasoning("gAAAAC-final", "")]) }],
    ]);
    const { merged, residual, diagnostics } = openaiResponses.merge(text, { residual: true });
    expect(diagnostics).toEqual([]);
    expect(merged.output[0]!.encrypted_content).toBe("gAAAAC-final");
    const again = openaiResponses.split(merged, { residual: residual! }) as string;
    expect(again).toBe(text);
    expect([...again.matchAll(/gAAAA[A-C]-\w+/g)].map((match) => match[0])).toEqual(["gAAAAA-added", "gAAAAB-done", "gAAAAC-final"]);
  });

  it("3. keeps temperature 1.0 spelled 1.0 when split with the residual", () => {
    const text = stream(textStream([["ok", "x"]]), (json) => json.replaceAll('"temperature":1,', '"temperature":1.0,'));
    expect(text).toContain('"temperature":1.0,');
    const { merged, residual } = openaiResponses.merge(text, { residual: true });
    expect(merged.temperature).toBe(1);
    expect(openaiResponses.split(merged, { residual: residual! })).toBe(text);
  });

  it("4. reads function calls at output_index 1 and 2 after a reasoning item at 0; joined deltas equal arguments.done", () => {
    const call = (index: number, name: string, args: string, status: string) => ({ id: `fc_0${index}`, type: "function_call", status, arguments: status === "completed" ? args : "", call_id: `call_${name}`, name });
    const reasoning = { id: "rs_01", type: "reasoning", summary: [] };
    const events: Array<[string, Record<string, unknown>]> = [
      ["response.created", { response: response("in_progress", []) }],
      ["response.output_item.added", { item: reasoning, output_index: 0 }],
      ["response.output_item.done", { item: reasoning, output_index: 0 }],
    ];
    for (const [index, name, args] of [
      [1, "add", '{"a":2,"b":3}'],
      [2, "multiply", '{"a":2,"b":3}'],
    ] as const) {
      events.push(["response.output_item.added", { item: call(index, name, args, "in_progress"), output_index: index }]);
      events.push(["response.function_call_arguments.delta", { delta: args.slice(0, 6), item_id: `fc_0${index}`, obfuscation: "ab", output_index: index }]);
      events.push(["response.function_call_arguments.delta", { delta: args.slice(6), item_id: `fc_0${index}`, obfuscation: "cd", output_index: index }]);
      events.push(["response.function_call_arguments.done", { arguments: args, item_id: `fc_0${index}`, output_index: index }]);
      events.push(["response.output_item.done", { item: call(index, name, args, "completed"), output_index: index }]);
    }
    const output = [reasoning, call(1, "add", '{"a":2,"b":3}', "completed"), call(2, "multiply", '{"a":2,"b":3}', "completed")];
    events.push(["response.completed", { response: response("completed", output) }]);
    const seen: unknown[] = [];
    const { merged, diagnostics } = openaiResponses.merge(stream(events), { onEvent: (event) => seen.push(event) });
    expect(diagnostics).toEqual([]);
    expect(openaiResponses.normalize(merged).toolCalls).toEqual([
      { id: "call_add", name: "add", arguments: { a: 2, b: 3 }, argumentsText: '{"a":2,"b":3}' },
      { id: "call_multiply", name: "multiply", arguments: { a: 2, b: 3 }, argumentsText: '{"a":2,"b":3}' },
    ]);
    expect(seen.filter((event) => (event as { type: string }).type === "tool-call-end")).toEqual([
      { type: "tool-call-end", toolCall: 0, id: "call_add", name: "add", arguments: '{"a":2,"b":3}', event: 6, choice: 0 },
      { type: "tool-call-end", toolCall: 1, id: "call_multiply", name: "multiply", arguments: '{"a":2,"b":3}', event: 11, choice: 0 },
    ]);
  });

  it("5. puts an annotation that arrives between two deltas on its part, and split keeps its position", () => {
    const annotation = { type: "url_citation", start_index: 0, end_index: 5, title: "Example", url: "https://example.com" };
    const text = stream(textStream([["Paris", "a1"], [" is the capital.", "b2"]], { after: 0, value: annotation }));
    const { merged, residual, diagnostics } = openaiResponses.merge(text, { residual: true });
    expect(diagnostics).toEqual([]);
    expect(merged.output[0]!.content![0]!.annotations).toEqual([annotation]);
    expect(openaiResponses.split(merged, { residual: residual! })).toBe(text);
  });

  it("6. keeps three summary parts (summary_index 0-2) in order", () => {
    const summary = ["First, add.", "Then multiply.", "Done."];
    const events: Array<[string, Record<string, unknown>]> = [
      ["response.created", { response: response("in_progress", []) }],
      ["response.output_item.added", { item: { id: "rs_01", type: "reasoning", summary: [] }, output_index: 0 }],
    ];
    summary.forEach((part, at) => {
      const base = { item_id: "rs_01", output_index: 0, summary_index: at };
      events.push(["response.reasoning_summary_part.added", { ...base, part: { type: "summary_text", text: "" } }]);
      events.push(["response.reasoning_summary_text.delta", { ...base, delta: part, obfuscation: "z" }]);
      events.push(["response.reasoning_summary_text.done", { ...base, text: part }]);
      events.push(["response.reasoning_summary_part.done", { ...base, part: { type: "summary_text", text: part } }]);
    });
    const item = { id: "rs_01", type: "reasoning", summary: summary.map((text) => ({ type: "summary_text", text })) };
    events.push(["response.output_item.done", { item, output_index: 0 }], ["response.completed", { response: response("completed", [item]) }]);
    const { merged, diagnostics } = openaiResponses.merge(stream(events));
    expect(diagnostics).toEqual([]);
    expect(merged.output[0]!.summary!.map((part) => part.text)).toEqual(summary);
  });

  it('7. ends with response.incomplete (max_output_tokens): status incomplete, the partial output kept, not complete', () => {
    const events = textStream([["Partial an", "q"]]).slice(0, -1);
    const partial = response("incomplete", [message("Partial an")], { incomplete_details: { reason: "max_output_tokens" } });
    events.push(["response.incomplete", { response: partial }]);
    const result = openaiResponses.merge(stream(events));
    expect(result.complete).toBe(false);
    expect(result.merged.status).toBe("incomplete");
    expect(openaiResponses.normalize(result.merged)).toMatchObject({ text: "Partial an", finishReason: "max_output_tokens" });
    expect(result.diagnostics).toEqual([]);
  });

  it("8. surfaces an error event after response.created: no completed, the error kept", () => {
    const error = { code: "server_error", message: "The server had an error", param: null };
    const text = stream([
      ["response.created", { response: response("in_progress", []) }],
      ["error", error],
    ]);
    const result = openaiResponses.merge(text);
    expect(result.complete).toBe(false);
    expect(result.error).toEqual({ type: "error", ...error, sequence_number: 1 });
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.event])).toEqual([["provider-error", 1]]);
    expect(result.merged.status).toBe("in_progress");
  });
});

describe("openai-responses: quirks and checks", () => {
  it("reports a stream whose events do not add up to the response.completed object", () => {
    const events = textStream([["Hel", "a"], ["lo", "b"]]);
    events[events.length - 1] = ["response.completed", { response: response("completed", [message("Help")]) }];
    const result = openaiResponses.merge(stream(events));
    expect(result.merged.output[0]!.content![0]!.text).toBe("Help");
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["inconsistent-stream"]);
    expect(result.diagnostics[0]!.message).toContain("output[0].content[0].text");
  });

  it("keeps Azure's content_filters, and reports a sequence_number out of step (event 3 says 4, so 4 repeats it)", () => {
    const events = textStream([["ok", "x"]]);
    events[events.length - 1] = ["response.completed", { response: response("completed", [message("ok")], { content_filters: [] }) }];
    const text = stream(events).replace('"sequence_number":3', '"sequence_number":4');
    const result = openaiResponses.merge(text);
    expect(result.merged.content_filters).toEqual([]);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.event])).toEqual([
      ["out-of-order", 3],
      ["out-of-order", 4],
    ]);
  });

  it("reads a cut stream as its rebuild, not complete", () => {
    const events = textStream([["Hel", "a"], ["lo", "b"]]).slice(0, 6);
    const result = openaiResponses.merge(stream(events));
    expect(result.complete).toBe(false);
    expect(openaiResponses.normalize(result.merged).text).toBe("Hello");
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["incomplete-stream"]);
  });

  it("writes a canonical stream without a residual that merges back to the same response", () => {
    const { merged } = openaiResponses.merge(stream(textStream([["Hello, ", "a"], ["world", "b"]])));
    const again = openaiResponses.split(merged, { fragment: 3 });
    expect(again.split("\n\n")[0]).toBe(`event: response.created\ndata: {"type":"response.created","response":${JSON.stringify(response("in_progress", []))},"sequence_number":0}`);
    const result = openaiResponses.merge(again);
    expect(result.diagnostics).toEqual([]);
    expect(result.merged).toEqual(merged);
  });
});
