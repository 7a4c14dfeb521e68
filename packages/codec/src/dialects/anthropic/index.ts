/**
 * Anthropic's Messages stream: the direct API, Vertex AI (`:streamRawPredict`,
 * the same bytes) and Bedrock (`invoke-with-response-stream`: the same events
 * inside AWS event-stream frames, `{"bytes": base64, "p": padding}`). Merged into
 * the `Message` a non-streaming call returns, and split back.
 *
 * @example
 * ```ts
 * import { anthropic } from "@tapedeck/codec/anthropic";
 * const { merged, complete } = anthropic.merge(body);
 * const bedrock = anthropic.merge(bytes, { framing: "aws-event-stream" });
 * bedrock.metadata?.["amazon-bedrock-invocationMetrics"]; // { inputTokenCount, ... }
 * ```
 * @module
 */
import { defineDialect } from "../../define-dialect.js";
import { pascalCase, typeField } from "../../shared/naming.js";
import type { Dialect } from "../../dialect.js";
import { AnthropicMerger } from "./merger.js";
import { normalizeMessage } from "./normalize.js";
import { splitMessage } from "./split.js";
import type { AnthropicMessage } from "./types.js";

/**
 * The `anthropic` dialect: SSE `event:` + `data:` pairs, no terminator
 * (`message_stop` is last); over AWS event-stream framing for Bedrock.
 *
 * @example
 * ```ts
 * const { merged, residual } = anthropic.merge(body, { residual: true });
 * anthropic.split(merged, { residual }) === body; // padding, pings and delta boundaries included
 * anthropic.split(merged); // a canonical stream of the same message
 * ```
 */
export const anthropic: Dialect<AnthropicMessage> = defineDialect<AnthropicMessage, string>({
  name: "anthropic",
  framing: "sse",
  lineEnding: "\n",
  framings: ["sse", "aws-event-stream"],
  awsPayload: "base64-bytes",
  merger: (hooks) => new AnthropicMerger(hooks),
  splitEvents: (message, fragment) => splitMessage(message, fragment),
  normalize: (message) => normalizeMessage(message),
  detection: {
    urls: [/\/v1\/messages(?:$|[?#])/, /:streamRawPredict(?:$|[?#])/, /\/model\/[^/]*anthropic[^/]*\/invoke-with-response-stream(?:$|[?#])/],
    event: (json) => typeof json.type === "string" && /^(message_start|content_block_(start|delta|stop)|message_(delta|stop)|ping)$/.test(json.type),
    response: (json) => json.type === "message" && Array.isArray(json.content),
  },
  codegen: {
    title: "Anthropic Messages stream events",
    request: "MessageCreateParams",
    grouping: { kind: "discriminated-union", name: "MessageStreamEvent" },
    eventType: typeField,
    member: (type) => `${pascalCase(type)}Event`,
  },
  officialClient: { package: "@anthropic-ai/sdk", accumulator: "MessageStream (client.messages.stream)" },
  example: (text) => ({ id: "msg_example", type: "message", role: "assistant", model: "claude-example", content: [{ type: "text", text }], stop_reason: "end_turn", stop_sequence: null, usage: { input_tokens: 10, output_tokens: 20 } }) as AnthropicMessage,
});

export type * from "./types.js";
