/**
 * Gemini's `streamGenerateContent?alt=sse` (the Gemini API and Vertex AI):
 * data-only SSE with CRLF line ends, every chunk a whole
 * `GenerateContentResponse`. Merged into the response a non-streaming call
 * returns, thought signatures on the parts they belong to, and split back.
 *
 * @example
 * ```ts
 * import { gemini } from "@tapedeck/codec/gemini";
 * const { merged } = gemini.merge(body);
 * gemini.normalize(merged).toolCalls; // [{ id: "", name: "add", arguments: { a: 2, b: 3 }, ... }]
 * ```
 * @module
 */
import { defineDialect } from "../../define-dialect.js";
import { isObject } from "../../shared/data.js";
import { chunkOrError } from "../../shared/naming.js";
import type { Dialect } from "../../dialect.js";
import { GeminiMerger } from "./merger.js";
import { normalizeResponse } from "./normalize.js";
import { splitResponse } from "./split.js";
import type { GenerateContentResponse } from "./types.js";

/**
 * The `gemini` dialect: SSE `data:` lines, CRLF, no terminator (the last chunk has the finish reason).
 *
 * @example
 * ```ts
 * const { merged, residual } = gemini.merge(body, { residual: true });
 * gemini.split(merged, { residual }) === body; // the dropped empty parts and moved signatures included
 * ```
 */
export const gemini: Dialect<GenerateContentResponse> = defineDialect<GenerateContentResponse, string>({
  name: "gemini",
  framing: "sse",
  framings: ["sse", "json-array"],
  lineEnding: "\r\n",
  awsPayload: "json",
  merger: (hooks) => new GeminiMerger(hooks),
  splitEvents: (response, fragment) => splitResponse(response, fragment),
  normalize: (response, choice) => normalizeResponse(response, choice),
  detection: {
    urls: [/:streamGenerateContent(?:$|[?#])/],
    event: (json) => Array.isArray(json.candidates) || isObject(json.usageMetadata) || isObject(json.promptFeedback),
    response: (json) => Array.isArray(json.candidates) || isObject(json.promptFeedback),
  },
  codegen: {
    title: "Gemini streamed GenerateContentResponse chunks",
    request: "GenerateContentRequest",
    grouping: { kind: "single" },
    eventType: chunkOrError("candidates"),
    member: (type) => (type === "chunk" ? "GenerateContentResponse" : "GenerateContentStreamError"),
  },
  officialClient: { package: "@ai-sdk/google", accumulator: "the AI SDK's streamText (@google/genai does not merge)" },
  example: (text) => ({ candidates: [{ content: { parts: [{ text }], role: "model" }, finishReason: "STOP", index: 0 }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 20, totalTokenCount: 30 }, modelVersion: "gemini-example", responseId: "r1" }),
});

export type * from "./types.js";
