import { describe, expect, it } from "vitest";
import { detectDialect } from "../../detect.js";
import { gemini } from "./index.js";

// streamGenerateContent without alt=sse: one JSON array over application/json, sent as it grows, each
// element pretty-printed and the elements joined by "\n,\r\n", as Google's servers lay it out.
const chunks = [
  { candidates: [{ content: { parts: [{ text: "The capital" }], role: "model" }, index: 0 }], usageMetadata: { promptTokenCount: 8, totalTokenCount: 8 }, modelVersion: "gemini-2.5-flash", responseId: "r1" },
  { candidates: [{ content: { parts: [{ text: " is Paris." }], role: "model" }, finishReason: "STOP", index: 0 }], usageMetadata: { promptTokenCount: 8, candidatesTokenCount: 6, totalTokenCount: 14 }, modelVersion: "gemini-2.5-flash", responseId: "r1" },
];
const arrayBody = `[${chunks.map((chunk) => JSON.stringify(chunk, null, 2)).join("\n,\r\n")}\n]`;
const sseBody = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\r\n\r\n`).join("");

describe("gemini over a JSON array", () => {
  it("merges the array to what the same chunks merge to over SSE, and splits it back byte for byte", () => {
    const fromArray = gemini.merge(arrayBody, { framing: "json-array", residual: true });
    expect(fromArray.diagnostics).toEqual([]);
    expect(fromArray.complete).toBe(true);
    expect(fromArray.merged).toEqual(gemini.merge(sseBody).merged);
    expect(gemini.normalize(fromArray.merged).text).toBe("The capital is Paris.");
    expect(gemini.split(fromArray.merged, { residual: fromArray.residual! })).toBe(arrayBody);
  });

  it("merges the same however the text is cut, strings with brackets and escapes included", () => {
    const tricky = arrayBody.replace("The capital", 'The \\"[capital]\\" {x}');
    const whole = gemini.merge(tricky, { framing: "json-array" });
    expect(gemini.normalize(whole.merged).text).toBe('The "[capital]" {x} is Paris.');
    for (const size of [1, 2, 3, 7, 64]) {
      const merger = gemini.createStreamMerger({ framing: "json-array" });
      for (let start = 0; start < tricky.length; start += size) merger.feed(tricky.slice(start, start + size));
      expect(merger.finish()).toEqual(whole);
    }
  });

  it("is told apart from an ordinary JSON answer: only an array of objects over application/json is a stream", () => {
    const exchange = (body: string) => ({ request: { url: "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent" }, response: { headers: { "Content-Type": ["application/json; charset=UTF-8"] }, body } });
    expect(detectDialect(exchange(arrayBody))).toEqual({ dialect: "gemini", framing: "json-array", by: "first event" });
    expect(detectDialect(exchange(JSON.stringify(chunks[1])))).toBeUndefined();
  });

  it("is not complete when the array is cut, and says where it broke", () => {
    const { complete, diagnostics, merged } = gemini.merge(arrayBody.slice(0, arrayBody.indexOf(" is Paris")), { framing: "json-array" });
    expect(complete).toBe(false);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["invalid-framing", "incomplete-stream"]);
    expect(diagnostics[0]!.message).toContain("inside element 1");
    expect(gemini.normalize(merged).text).toBe("The capital");
  });
});
