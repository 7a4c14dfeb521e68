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
import { defineDialect } from "../../define-dialect.js";
import { pascalCase } from "../../shared/naming.js";
import type { Dialect } from "../../dialect.js";
import { BedrockConverseMerger } from "./merger.js";
import { normalizeConverse } from "./normalize.js";
import { splitConverse } from "./split.js";
import type { ConverseResponse } from "./types.js";
import { isObject } from "../../shared/data.js";

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
  framings: ["aws-event-stream"],
  awsPayload: "json",
  merger: (hooks) => new BedrockConverseMerger(hooks),
  splitEvents: (response, fragment) => splitConverse(response, fragment),
  normalize: (response) => normalizeConverse(response),
  detection: {
    urls: [/\/converse-stream(?:$|[?#])/, /\/model\/[^/]*amazon\.nova[^/]*\/invoke-with-response-stream(?:$|[?#])/],
    // ConverseStream's event types, in the `:event-type` header or (Nova on InvokeModelWithResponseStream, the AWS SDK) as the one key.
    event: (json, type) => converseEvent.test(type ?? "") || (Object.keys(json).length === 1 && converseEvent.test(Object.keys(json)[0]!)),
    response: (json) => isObject(json.output) && isObject(json.output.message) && Array.isArray(json.output.message.content),
  },
  codegen: {
    title: "Amazon Bedrock ConverseStream events",
    request: "ConverseStreamRequest",
    grouping: { kind: "event-map", name: "ConverseStreamEventMap" },
    eventType: (json, header) => (header !== undefined && header !== "chunk" ? header : Object.keys(json).length === 1 ? Object.keys(json)[0] : undefined),
    member: (type) => (type === "metadata" ? "ConverseStreamMetadataEvent" : `${pascalCase(type)}Event`),
  },
  officialClient: { package: "@ai-sdk/amazon-bedrock", accumulator: "the AI SDK's streamText over ConverseStream" },
  example: (text) => ({ output: { message: { role: "assistant", content: [{ text }] } }, stopReason: "end_turn", usage: { inputTokens: 10, outputTokens: 20, totalTokens: 30 }, metrics: { latencyMs: 1 } }),
  payloadEvent: (json, type) => (type !== undefined && converseEvent.test(type) ? { [type]: json } : json),
});

const converseEvent = /^(messageStart|contentBlock(Start|Delta|Stop)|messageStop|metadata)$/;

export type * from "./types.js";
