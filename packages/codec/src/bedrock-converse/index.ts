/**
 * Amazon Bedrock's ConverseStream (`/model/{id}/converse-stream`): events in
 * AWS event-stream frames, their type in the `:event-type` header. Merged into
 * the response a non-streaming `Converse` call returns, and split back.
 *
 * @example
 * ```ts
 * import { bedrockConverse } from "@tapedeck/codec/bedrock-converse";
 * const { merged } = bedrockConverse.merge(bytes);
 * bedrockConverse.normalize(merged).text;
 * ```
 * @module
 */
import { defineDialect } from "../define-dialect.js";
import type { Dialect } from "../dialect.js";
import { ConverseCore } from "./merger.js";
import { normalizeConverse } from "./normalize.js";
import { splitConverse } from "./split.js";
import type { ConverseResponse } from "./types.js";

/**
 * The `bedrock-converse` dialect: AWS event-stream messages whose payload is
 * the event's JSON.
 *
 * @example
 * ```ts
 * const { merged, residual } = bedrockConverse.merge(bytes, { residual: true });
 * bedrockConverse.split(merged, { residual }); // the same bytes, CRCs and padding included
 * ```
 */
export const bedrockConverse: Dialect<ConverseResponse, Uint8Array> = defineDialect<ConverseResponse, Uint8Array>({
  name: "bedrock-converse",
  framing: "aws-event-stream",
  lineEnding: "\n",
  awsPayload: "json",
  createCore: (hooks) => new ConverseCore(hooks),
  splitEvents: (response, fragment) => splitConverse(response, fragment),
  normalize: (response) => normalizeConverse(response),
});

export type * from "./types.js";
