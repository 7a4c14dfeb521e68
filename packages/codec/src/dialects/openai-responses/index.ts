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
import { defineDialect } from "../../define-dialect.js";
import { pascalCase, typeField } from "../../shared/naming.js";
import type { Dialect } from "../../dialect.js";
import { OpenaiResponsesMerger } from "./merger.js";
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
  framings: ["sse"],
  awsPayload: "json",
  merger: (hooks) => new OpenaiResponsesMerger(hooks),
  splitEvents: (response, fragment) => splitResponse(response, fragment),
  normalize: (response) => normalizeResponse(response),
  detection: {
    urls: [/\/responses(?:$|[?#])/],
    event: (json) => typeof json.type === "string" && json.type.startsWith("response."),
    response: (json) => json.object === "response" && Array.isArray(json.output),
  },
  codegen: {
    title: "OpenAI Responses stream events",
    request: "ResponseCreateParams",
    grouping: { kind: "discriminated-union", name: "ResponseStreamEvent" },
    eventType: typeField,
    member: (type) => `${type.startsWith("response.") ? "" : "Response"}${pascalCase(type)}Event`,
  },
  officialClient: { package: "openai", accumulator: "ResponseStream (client.responses.stream)" },
  example: (text) =>
    ({
      id: "resp_example",
      object: "response",
      created_at: 1760000000,
      status: "completed",
      error: null,
      incomplete_details: null,
      model: "gpt-example",
      output: [{ id: "msg_example", type: "message", status: "completed", content: [{ type: "output_text", annotations: [], logprobs: [], text }], role: "assistant" }],
      parallel_tool_calls: true,
      tools: [],
      usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 20, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 30 },
    }) as Response,
});

export type * from "./types.js";
