/**
 * OpenAI's Responses API stream (api.openai.com and Azure's
 * `/openai/v1/responses`): merged into the `Response` a non-streaming call
 * returns (the provider's own `response.completed` object, checked against the
 * events), and split back.
 *
 * @example
 * ```ts
 * import { openaiResponses } from "@tapedeck/codec/openai-responses";
 * const { merged, diagnostics } = openaiResponses.merge(body);
 * openaiResponses.normalize(merged).toolCalls; // [{ id: "call_…", name: "add", arguments: { a: 2, b: 3 }, ... }]
 * ```
 * @module
 */
import { defineDialect } from "../define-dialect.js";
import type { Dialect } from "../dialect.js";
import { ResponsesCore } from "./merger.js";
import { normalizeResponse } from "./normalize.js";
import { splitResponse } from "./split.js";
import type { Response } from "./types.js";

/**
 * The `openai-responses` dialect: SSE `event:` + `data:` pairs, no terminator
 * (`response.completed` is last).
 *
 * @example
 * ```ts
 * const { merged, residual } = openaiResponses.merge(body, { residual: true });
 * openaiResponses.split(merged, { residual }) === body; // obfuscation, 1.0 spellings and encrypted_content of every event included
 * ```
 */
export const openaiResponses: Dialect<Response> = defineDialect<Response, string>({
  name: "openai-responses",
  framing: "sse",
  lineEnding: "\n",
  awsPayload: "json",
  createCore: (hooks) => new ResponsesCore(hooks),
  splitEvents: (response, fragment) => splitResponse(response, fragment),
  normalize: (response) => normalizeResponse(response),
});

export type * from "./types.js";
