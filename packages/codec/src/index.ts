export type { CoreHooks } from "./core.js";
export type { DialectCodegen, DialectDetection, OfficialClient } from "./dialect-spec.js";
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
export { type ChatSplitOptions, openaiChat } from "./dialects/openai-chat/index.js";
export type { Residual } from "./residual/residual.js";
export type { FragmentField, Fragmenter } from "./shared/fragment.js";
export { anthropic } from "./dialects/anthropic/index.js";
export { bedrockConverse } from "./dialects/bedrock-converse/index.js";
export { cohere } from "./dialects/cohere/index.js";
export { type DetectedDialect, detectDialect, type RecordedExchange, responseDialect, streamFraming } from "./detect.js";
export { dialectNames, dialects } from "./dialects/index.js";
export { type StreamPayload, streamPayloads } from "./framing/payloads.js";
export { gemini } from "./dialects/gemini/index.js";
export { eventSchemasName, generatedNamespace, schemaName } from "./generated-names.js";
export { ollama } from "./dialects/ollama/index.js";
export { openaiCompletions } from "./dialects/openai-completions/index.js";
export { type InteractionMerge, mergeInteraction } from "./merge-interaction.js";
export { openaiResponses } from "./dialects/openai-responses/index.js";
