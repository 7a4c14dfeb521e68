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
import { defineDialect } from "../define-dialect.js";
import type { Dialect } from "../dialect.js";
import { AnthropicCore } from "./merger.js";
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
  awsPayload: "base64-bytes",
  createCore: (hooks) => new AnthropicCore(hooks),
  splitEvents: (message, fragment) => splitMessage(message, fragment),
  normalize: (message) => normalizeMessage(message),
});

export type * from "./types.js";
