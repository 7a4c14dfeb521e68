import { describe, expect, it } from "vitest";
import { detectDialect } from "../../detect.js";
import { openaiChat } from "../openai-chat/index.js";
import { openaiCompletions } from "./index.js";

// Legacy completion chunks as OpenAI's API reference and vLLM's OpenAI-compatible server send them (written from their docs).
const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
  `data: ${JSON.stringify({ id: "cmpl-7", object: "text_completion", created: 1700000000, model: "gpt-3.5-turbo-instruct", choices, ...extra })}\n\n`;
const text = (value: string, index = 0, finish: string | null = null, logprobs: unknown = null) => ({ text: value, index, logprobs, finish_reason: finish });

describe("openai-completions", () => {
  it("joins each choice's text, keeps the finish reason, and takes usage from vLLM's own chunk with no choices", () => {
    const body = `${chunk([text("Once")])}${chunk([text(" upon")])}${chunk([text(" a time", 0, "length")])}${chunk([], { usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } })}data: [DONE]\n\n`;
    const { merged, complete, diagnostics } = openaiCompletions.merge(body);
    expect(diagnostics).toEqual([]);
    expect(complete).toBe(true);
    expect(merged).toEqual({
      id: "cmpl-7",
      object: "text_completion",
      created: 1700000000,
      model: "gpt-3.5-turbo-instruct",
      choices: [{ text: "Once upon a time", index: 0, logprobs: null, finish_reason: "length" }],
      usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
    });
    expect(openaiCompletions.normalize(merged)).toMatchObject({ text: "Once upon a time", finishReason: "length", usage: { inputTokens: 5, outputTokens: 3, totalTokens: 8 } });
  });

  it("appends each chunk's logprobs arrays, and keeps choices apart by index (n = 2)", () => {
    const lp = (token: string, offset: number) => ({ tokens: [token], token_logprobs: [-0.5], top_logprobs: [{ [token]: -0.5 }], text_offset: [offset] });
    const body = `${chunk([text("A", 0, null, lp("A", 0)), text("X", 1)])}${chunk([text("B", 0, "stop", lp("B", 1))])}${chunk([text("Y", 1, "stop")])}data: [DONE]\n\n`;
    const { merged } = openaiCompletions.merge(body);
    expect(merged.choices.map((choice) => [choice.index, choice.text, choice.finish_reason])).toEqual([
      [0, "AB", "stop"],
      [1, "XY", "stop"],
    ]);
    expect(merged.choices[0]!.logprobs).toEqual({ tokens: ["A", "B"], token_logprobs: [-0.5, -0.5], top_logprobs: [{ A: -0.5 }, { B: -0.5 }], text_offset: [0, 1] });
  });

  it("merges every chunk by the same rules, whatever keys it holds, with or without a residual", () => {
    const lp = (token: string) => ({ tokens: [token], token_logprobs: [-1], top_logprobs: null, text_offset: [0] });
    const body = [
      chunk([text("a")]),
      chunk([text("b")]),
      chunk([{ ...text("c"), seed: 7 }]),
      chunk([text("d", 0, null, lp("d"))]),
      chunk([text("e")], { system_fingerprint: "fp_1" }),
      chunk([text("f", 1)]),
      chunk([text("g")], { id: "cmpl-8", model: "other" }),
      chunk([text("h", 0, "")]),
      chunk([{ text: "i", index: 0 }]),
      chunk([text("j", 0, "stop"), text("k", 1, "length")]),
    ].join("");
    // By the rules above: texts joined per index, logprobs appended, extra fields kept (the first at the top, the last in a choice), the first id and model.
    const expected =
      '{"id":"cmpl-7","object":"text_completion","created":1700000000,"model":"gpt-3.5-turbo-instruct","choices":[' +
      '{"text":"abcdeghij","index":0,"logprobs":{"tokens":["d"],"token_logprobs":[-1],"top_logprobs":null,"text_offset":[0]},"finish_reason":"stop","seed":7},' +
      '{"text":"fk","index":1,"logprobs":null,"finish_reason":"length"}],"system_fingerprint":"fp_1"}';
    expect(JSON.stringify(openaiCompletions.merge(body).merged)).toBe(expected);
    expect(JSON.stringify(openaiCompletions.merge(body, { residual: true }).merged)).toBe(expected);
  });

  it("reads a chunk's text from where JSON.parse would, when a chunk is like the one before but for its text", () => {
    // Chunks like the one before but for their text are merged unparsed (merger.ts): every way that place could be
    // misread, each stream's text worked out by hand from JSON's rules (the last of a key given twice counts).
    const raw = (choice: string) => `data: {"id":"cmpl-7","object":"text_completion","created":1,"model":"m","choices":[${choice}]}\n\n`;
    const usual = (value: string, index = 0) => raw(`{"text":"${value}","index":${index},"logprobs":null,"finish_reason":null}`);
    const end = raw('{"text":"","index":0,"logprobs":null,"finish_reason":"stop"}') + raw('{"text":"","index":1,"logprobs":null,"finish_reason":"stop"}');
    // The first chunk of a choice is never a usual one (its choice is new): an empty one leads.
    const texts = (body: string) => openaiCompletions.merge(`${usual("")}${body}${end}data: [DONE]\n\n`).merged.choices.map((choice) => choice.text);
    // The key given twice, the second written plainly or escaped.
    const twice = (first: string, second: string, key: string) => raw(`{"text":"${first}","index":0,"logprobs":null,${key}:"${second}","finish_reason":null}`);
    expect(texts(twice("a", "a", '"text"') + twice("b", "a", '"text"'))).toEqual(["aa", ""]);
    expect(texts(twice("a", "a", '"te\\u0078t"') + twice("b", "a", '"te\\u0078t"'))).toEqual(["aa", ""]);
    // A value with escapes.
    expect(texts(usual("a") + usual("\\u0062") + usual('\\"c\\"'))).toEqual(['ab"c"', ""]);
    // Another choice's chunk between two alike.
    expect(texts(usual("a") + usual("x", 1) + usual("b"))).toEqual(["ab", "x"]);
    // The choice's key written with a space, and another object after the choices with a text key and the same value.
    const after = (other: string) => `data: {"id":"cmpl-7","object":"text_completion","created":1,"choices":[{"text": "a","index":0,"logprobs":null,"finish_reason":null}],"model":{"text":"${other}"}}\n\n`;
    expect(texts(after("a") + after("b") + after("c"))).toEqual(["aaa", ""]);
  });

  it("is never complete when cut, and reports a chat delta it has no place for instead of losing it", () => {
    const cut = openaiCompletions.merge(chunk([text("Once")]));
    expect(cut.complete).toBe(false);
    expect(cut.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["missing-done", "missing-finish-reason"]);
    const mixed = openaiCompletions.merge(`${chunk([text("A")])}${chunk([{ index: 0, delta: { content: "B" }, finish_reason: "stop" }])}data: [DONE]\n\n`);
    expect(mixed.complete).toBe(false);
    expect(mixed.diagnostics).toMatchObject([{ code: "unplaced-content", event: 1, data: { content: "B" } }]);
  });

  it("is told from chat by its first chunk and by its URL, and no longer merged as chat", () => {
    const body = `${chunk([text("Hi", 0, "stop")])}data: [DONE]\n\n`;
    const response = { headers: { "Content-Type": ["text/event-stream"] }, body };
    expect(detectDialect({ request: { url: "https://api.openai.com/v1/chat/completions" }, response })).toMatchObject({ dialect: "openai-completions", by: "first event" });
    const unmarked = `data: ${JSON.stringify({ id: "x", choices: [text("Hi", 0, "stop")] })}\n\ndata: [DONE]\n\n`;
    expect(detectDialect({ request: { url: "http://localhost:8000/v1/completions" }, response: { ...response, body: unmarked } })).toMatchObject({ dialect: "openai-completions" });
    expect(detectDialect({ request: { url: "http://localhost:8000/v1/chat/completions" }, response: { ...response, body: "data: {}\n\n" } })).toMatchObject({ dialect: "openai-chat", by: "url" });
    // Merged as chat (what happened before), a completions stream is never "complete" with its text lost.
    const asChat = openaiChat.merge(body);
    expect(asChat.complete).toBe(false);
    expect(asChat.diagnostics.map((diagnostic) => diagnostic.code)).toContain("unplaced-content");
  });
});
