export { type ChunkMerger, type ChunkMergerOptions, createChunkMerger, type MergeResult } from "./decode/chunk-merger.js";
export {
  createEventStreamMerger,
  type EventStreamMerger,
  type MergeEventStreamOptions,
  mergeEventStream,
} from "./decode/event-stream.js";
export { mergeChunks } from "./decode/merge-chunks.js";
export type { Diagnostic, DiagnosticCode } from "./diagnostics.js";
export { type CodecDialect, dialectShapes } from "./encode/dialects.js";
export { encodeEventStream } from "./encode/encode-event-stream.js";
export type { FragmentField, Fragmenter } from "./encode/fragment.js";
export { type SplitCompletionOptions, splitCompletion } from "./encode/split-completion.js";
export { CodecError, type CodecErrorCode } from "./errors.js";
export type * from "./events.js";
export type * from "./types.js";
