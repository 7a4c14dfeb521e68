export type { CoreHooks } from "./core.js";
export type {
  Dialect,
  DialectEvent,
  DialectName,
  Framing,
  MergeOptions,
  MergeResult,
  Merger,
  SplitOptions,
  StreamMerger,
} from "./dialect.js";
export type { Diagnostic, DiagnosticCode } from "./diagnostics.js";
export { CodecError, type CodecErrorCode } from "./errors.js";
export type * from "./events.js";
export type { NormalizedMessage, NormalizedToolCall, NormalizedUsage } from "./normalized.js";
export { type ChatSplitOptions, openaiChat } from "./openai-chat/index.js";
export type { Residual } from "./residual/residual.js";
export type { FragmentField, Fragmenter } from "./shared/fragment.js";
export { anthropic } from "./anthropic/index.js";
export { bedrockConverse } from "./bedrock-converse/index.js";
export { type DetectedDialect, detectDialect, type RecordedExchange, streamFraming } from "./detect.js";
export { dialectNames, dialects } from "./dialects.js";
export { type StreamPayload, streamPayloads } from "./framing/payloads.js";
export { gemini } from "./gemini/index.js";
export { type InteractionMerge, mergeInteraction } from "./merge-interaction.js";
export { openaiResponses } from "./openai-responses/index.js";
