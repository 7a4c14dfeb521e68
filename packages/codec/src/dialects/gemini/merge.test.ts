import { describe, expect, it } from "vitest";
import { styledJson } from "../../test-support/json-style.js";
import { gemini } from "./index.js";

// The test cases and quirks of docs/dialects/gemini.md, on streams written here by hand
// in the API's style: `"key": value`, no space after commas, CRLF.

const geminiStyle = { colonSpace: true, commaSpace: false, padding: 0, asciiOnly: false };
const stream = (chunks: unknown[], end = "\r\n") => chunks.map((chunk) => `data: ${styledJson(chunk, geminiStyle)}${end}${end}`).join("");

const usage = (prompt: number, candidates?: number) => ({ promptTokenCount: prompt, ...(candidates === undefined ? {} : { candidatesTokenCount: candidates }), totalTokenCount: prompt + (candidates ?? 0) });
const chunk = (parts: unknown[], extra: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => ({
  candidates: [{ content: { parts, role: "model" }, index: 0, ...extra }],
  usageMetadata: usage(10, 2),
  modelVersion: "gemini-3-pro-preview",
  responseId: "resp-1",
  ...top,
});

describe("gemini: the test cases of docs/dialects/gemini.md", () => {
  it('1. merges "Hel", "lo" and a trailing {"text":"","thoughtSignature":"S"} into one signed part; split restores all three', () => {
    const text = stream([chunk([{ text: "Hel" }]), chunk([{ text: "lo" }]), chunk([{ text: "", thoughtSignature: "S" }], { finishReason: "STOP" })]);
    const { merged, residual, diagnostics, complete } = gemini.merge(text, { residual: true });
    expect(diagnostics).toEqual([]);
    expect(complete).toBe(true);
    expect(merged.candidates![0]!.content!.parts).toEqual([{ text: "Hello", thoughtSignature: "S" }]);
    expect(gemini.split(merged, { residual: residual! })).toBe(text);
  });

  it("2. reads Vertex's style: the signature on the first fragment, no index, mid-stream usage with only trafficType", () => {
    const vertex = (parts: unknown[], extra: Record<string, unknown>, usageMetadata: unknown) => ({
      candidates: [{ content: { role: "model", parts }, ...extra }],
      usageMetadata,
      modelVersion: "gemini-2.5-flash",
      createTime: "2025-10-01T10:00:00.123456Z",
      responseId: "vtx-1",
    });
    const final = { promptTokenCount: 8, candidatesTokenCount: 4, totalTokenCount: 12, trafficType: "ON_DEMAND" };
    const text = stream([vertex([{ text: "Bon", thoughtSignature: "VSig" }], {}, { trafficType: "ON_DEMAND" }), vertex([{ text: "jour" }], { finishReason: "STOP" }, final)]);
    const { merged, residual } = gemini.merge(text, { residual: true });
    expect(merged).toEqual({
      candidates: [{ content: { role: "model", parts: [{ text: "Bonjour", thoughtSignature: "VSig" }] }, finishReason: "STOP" }],
      usageMetadata: final,
      modelVersion: "gemini-2.5-flash",
      createTime: "2025-10-01T10:00:00.123456Z",
      responseId: "vtx-1",
    });
    expect(gemini.split(merged, { residual: residual! })).toBe(text);
  });

  it("3. keeps two function calls of one chunk as two parts, the signature unchanged on the first only", () => {
    const calls = [
      { functionCall: { name: "add", args: { a: 2, b: 3 } }, thoughtSignature: "CsIBAb==" },
      { functionCall: { name: "multiply", args: { a: 2, b: 3 } } },
    ];
    const { merged } = gemini.merge(stream([chunk(calls, { finishReason: "STOP" })]));
    expect(merged.candidates![0]!.content!.parts).toEqual(calls);
    expect(gemini.normalize(merged).toolCalls.map((call) => [call.name, call.arguments])).toEqual([
      ["add", { a: 2, b: 3 }],
      ["multiply", { a: 2, b: 3 }],
    ]);
  });

  it('4. drops a final {"text":""} after a function call from the merge; split restores it', () => {
    const text = stream([chunk([{ functionCall: { name: "add", args: { a: 1 }, id: "fc-1" }, thoughtSignature: "Sig" }]), chunk([{ text: "" }], { finishReason: "STOP", finishMessage: "Model generated function call(s)." })]);
    const { merged, residual, diagnostics } = gemini.merge(text, { residual: true });
    expect(diagnostics).toEqual([]);
    expect(merged.candidates![0]!.content!.parts).toEqual([{ functionCall: { name: "add", args: { a: 1 }, id: "fc-1" }, thoughtSignature: "Sig" }]);
    expect(merged.candidates![0]!.finishMessage).toBe("Model generated function call(s).");
    expect(gemini.split(merged, { residual: residual! })).toBe(text);
  });

  it("5. keeps a thought:true text and the answer text after it as two parts", () => {
    const { merged } = gemini.merge(stream([chunk([{ text: "Thinking about it.", thought: true }]), chunk([{ text: "Answer." }], { finishReason: "STOP" })]));
    expect(merged.candidates![0]!.content!.parts).toEqual([{ text: "Thinking about it.", thought: true }, { text: "Answer." }]);
    expect(gemini.normalize(merged)).toMatchObject({ text: "Answer.", reasoning: "Thinking about it." });
  });

  it("6. takes the last cumulative usage (5, then 9, then 9 → 9); a first chunk without candidatesTokenCount is no error", () => {
    const chunks = [chunk([{ text: "a" }], {}, { usageMetadata: usage(5) }), chunk([{ text: "b" }], {}, { usageMetadata: usage(5, 4) }), chunk([{ text: "c" }], { finishReason: "STOP" }, { usageMetadata: usage(5, 4) })];
    const { merged, diagnostics } = gemini.merge(stream(chunks));
    expect(diagnostics).toEqual([]);
    expect(merged.usageMetadata).toEqual({ promptTokenCount: 5, candidatesTokenCount: 4, totalTokenCount: 9 });
  });

  it("7. keeps two candidates interleaved by index apart", () => {
    const candidate = (index: number, text: string, finishReason?: string) => ({ content: { parts: [{ text }], role: "model" }, index, ...(finishReason ? { finishReason } : {}) });
    const chunks = [
      { candidates: [candidate(0, "A1")], responseId: "r" },
      { candidates: [candidate(1, "B1")], responseId: "r" },
      { candidates: [candidate(0, "A2", "STOP"), candidate(1, "B2", "MAX_TOKENS")], responseId: "r" },
    ];
    const { merged, complete } = gemini.merge(stream(chunks));
    expect(complete).toBe(true);
    expect(merged.candidates!.map((item) => [item.index, item.content!.parts![0]!.text, item.finishReason])).toEqual([
      [0, "A1A2", "STOP"],
      [1, "B1B2", "MAX_TOKENS"],
    ]);
    expect(gemini.normalize(merged, { choice: 1 }).text).toBe("B1B2");
  });

  it("8. keeps a chunk with promptFeedback.blockReason and no candidates, with no output", () => {
    const blocked = { promptFeedback: { blockReason: "SAFETY", safetyRatings: [] }, usageMetadata: usage(7), modelVersion: "gemini-2.5-pro", responseId: "b-1" };
    const result = gemini.merge(stream([blocked]));
    expect(result.merged).toEqual(blocked);
    expect(result.complete).toBe(true);
    expect(gemini.normalize(result.merged)).toMatchObject({ text: "", finishReason: "SAFETY" });
  });

  it("9. writes CRLF on split, and reads LF-only input the same", () => {
    const chunks = [chunk([{ text: "x" }], { finishReason: "STOP" })];
    const crlf = gemini.merge(stream(chunks, "\r\n"));
    const lf = gemini.merge(stream(chunks, "\n"));
    expect(lf.merged).toEqual(crlf.merged);
    const again = gemini.split(crlf.merged);
    expect(again).toMatch(/^data: \{"candidates": \[\{"content": \{"parts": \[\{"text": "x"\}\],"role": "model"\},"index": 0,"finishReason": "STOP"\}\],"usageMetadata": /);
    expect(again.endsWith("}\r\n\r\n")).toBe(true);
    expect(gemini.merge(again).merged).toEqual(crlf.merged);
  });
});

describe("gemini: quirks seen and the merge rules of docs/dialects/gemini.md", () => {
  it("keeps a thought summary in its own chunk before a signed function call, calls one per chunk, STOP after calls", () => {
    const text = stream([
      chunk([{ text: "I should add.", thought: true }]),
      chunk([{ functionCall: { name: "add", args: { a: 2, b: 3 } }, thoughtSignature: "Sig1" }]),
      chunk([{ functionCall: { name: "multiply", args: { a: 2, b: 3 } } }]),
      chunk([{ text: "" }], { finishReason: "STOP" }),
    ]);
    const { merged, residual } = gemini.merge(text, { residual: true });
    expect(merged.candidates![0]!.content!.parts!.map((part) => Object.keys(part))).toEqual([["text", "thought"], ["functionCall", "thoughtSignature"], ["functionCall"]]);
    expect(gemini.normalize(merged).finishReason).toBe("STOP");
    expect(gemini.split(merged, { residual: residual! })).toBe(text);
  });

  it("starts a new text part rather than overwrite a signature with a different one", () => {
    const { merged } = gemini.merge(stream([chunk([{ text: "one", thoughtSignature: "S1" }]), chunk([{ text: "two", thoughtSignature: "S2" }], { finishReason: "STOP" })]));
    expect(merged.candidates![0]!.content!.parts).toEqual([
      { text: "one", thoughtSignature: "S1" },
      { text: "two", thoughtSignature: "S2" },
    ]);
  });

  it("keeps an empty signed part that follows function calls (no text to move the signature onto)", () => {
    const { merged } = gemini.merge(stream([chunk([{ functionCall: { name: "f", args: {} } }]), chunk([{ text: "", thoughtSignature: "Tail" }], { finishReason: "STOP" })]));
    expect(merged.candidates![0]!.content!.parts).toEqual([{ functionCall: { name: "f", args: {} } }, { text: "", thoughtSignature: "Tail" }]);
  });

  it("reports a cut stream (no finish reason) as incomplete, keeping the text", () => {
    const result = gemini.merge(stream([chunk([{ text: "Par" }]), chunk([{ text: "tial" }])]));
    expect(result.complete).toBe(false);
    expect(gemini.normalize(result.merged).text).toBe("Partial");
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.event])).toEqual([["incomplete-stream", 2]]);
  });

  it("writes a canonical stream that merges back to the same response", () => {
    const response = {
      candidates: [
        {
          content: { parts: [{ text: "Let me think.", thought: true }, { text: "2 + 3 = 5 and 2 × 3 = 6 🎉", thoughtSignature: "Sig==" }, { functionCall: { name: "add", args: { a: 2 } } }], role: "model" },
          finishReason: "STOP",
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 20, totalTokenCount: 29 },
      modelVersion: "gemini-3-pro-preview",
      responseId: "abc",
    };
    const result = gemini.merge(gemini.split(response, { fragment: 5 }));
    expect(result.diagnostics).toEqual([]);
    expect(result.merged).toEqual(response);
  });
});
