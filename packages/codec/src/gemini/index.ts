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
import { defineDialect } from "../define-dialect.js";
import type { Dialect } from "../dialect.js";
import { GeminiCore } from "./merger.js";
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
  lineEnding: "\r\n",
  awsPayload: "json",
  createCore: (hooks) => new GeminiCore(hooks),
  splitEvents: (response, fragment) => splitResponse(response, fragment),
  normalize: (response, choice) => normalizeResponse(response, choice),
});

export type * from "./types.js";
