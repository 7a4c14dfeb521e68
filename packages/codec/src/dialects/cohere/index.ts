/**
 * Cohere's v2 Chat API streamed (`POST /v2/chat`, `stream: true`): SSE events
 * named by `type` (`message-start`, `content-delta`, `tool-call-delta`,
 * `citation-start`, `message-end`...), merged into the response a
 * non-streaming call returns, and split back.
 *
 * @example
 * ```ts
 * import { cohere } from "@tapedeck/codec/cohere";
 * const { merged } = cohere.merge(body);
 * merged.message.content?.[0]?.text; // the answer
 * ```
 * @module
 */
import { defineDialect } from "../../define-dialect.js";
import type { Dialect } from "../../dialect.js";
import { pascalCase, typeField } from "../../shared/naming.js";
import { CohereMerger } from "./merger.js";
import { normalizeCohere } from "./normalize.js";
import { splitCohere } from "./split.js";
import type { CohereChatResponse } from "./types.js";
import { isObject } from "../../shared/data.js";

const eventTypes = /^(message-(start|end)|content-(start|delta|end)|tool-plan-delta|tool-call-(start|delta|end)|citation-(start|end))$/;

/**
 * The `cohere` dialect: SSE `event:` + `data:` pairs, no terminator (`message-end` is last).
 *
 * @example
 * ```ts
 * const { merged, residual } = cohere.merge(body, { residual: true });
 * cohere.split(merged, { residual }) === body; // true
 * ```
 */
export const cohere: Dialect<CohereChatResponse> = defineDialect<CohereChatResponse, string>({
  name: "cohere",
  framing: "sse",
  framings: ["sse"],
  lineEnding: "\n",
  awsPayload: "json",
  merger: (hooks) => new CohereMerger(hooks),
  splitEvents: (response, fragment) => splitCohere(response, fragment),
  normalize: (response) => normalizeCohere(response),
  detection: {
    urls: [/\/v2\/chat(?:$|[?#])/],
    event: (json) => typeof json.type === "string" && eventTypes.test(json.type) && "delta" in json,
    response: (json) => typeof json.id === "string" && isObject(json.message) && "finish_reason" in json,
  },
  codegen: {
    title: "Cohere v2 chat stream events",
    request: "ChatRequest",
    grouping: { kind: "discriminated-union", name: "StreamedChatResponse" },
    eventType: typeField,
    member: (type) => `${pascalCase(type)}Event`,
  },
  officialClient: { package: "@ai-sdk/cohere", accumulator: "the AI SDK's streamText (cohere-ai's chatStream does not merge)" },
  example: (text) => ({
    id: "c14c80c3-18eb-4519-9460-6c92edd8cfb4",
    finish_reason: "COMPLETE",
    message: { role: "assistant", content: [{ type: "text", text }] },
    usage: { billed_units: { input_tokens: 10, output_tokens: 20 }, tokens: { input_tokens: 80, output_tokens: 20 } },
  }),
});

export type * from "./types.js";
