/** What was odd in a stream. */
export type DiagnosticCode =
  /** An event's data is not JSON. */
  | "invalid-json"
  /** An event is not what its dialect says it is (not an object, a field of the wrong type...). */
  | "invalid-event"
  /** The bytes of a stream are not valid UTF-8; they were read with U+FFFD in their place. */
  | "invalid-utf8"
  /** The framing itself is broken (an SSE line over the limit, an AWS CRC mismatch); the merge stops there. */
  | "invalid-framing"
  /** An event type the dialect does not know; it was carried through unchanged. */
  | "unknown-event"
  /** An SSE `event:` name that disagrees with the type in its data. */
  | "event-type-mismatch"
  /** An event that cannot be applied where it came (a delta for a block that was never started...). */
  | "out-of-order"
  /** A tool-call fragment that no call could be found for (no index, no id, several calls open). */
  | "unplaced-delta"
  /**
   * Content the merged object has no place for (a list of content parts a
   * dialect does not know, a chat delta in a completions stream): left out
   * of the merge, kept in the diagnostic's `data`; the merge is not complete.
   */
  | "unplaced-content"
  /** A repeat of a call's id, type or name that disagrees with the first value. */
  | "conflicting-tool-call"
  /** A repeat of a call's whole arguments after they were complete, ignored (vLLM). */
  | "repeated-arguments"
  /** The chunk that finished a choice, sent again right after it byte for byte: the repeat was ignored (its data is in the diagnostic). */
  | "repeated-chunk"
  /** A call's arguments are not valid JSON at the end of the stream. */
  | "invalid-arguments"
  /** A call never got an id or a name. */
  | "incomplete-tool-call"
  /** A choice ended without a finish reason (a cut stream). */
  | "missing-finish-reason"
  /** A chat stream ended without `data: [DONE]`. */
  | "missing-done"
  /** Events after `data: [DONE]`; they were merged all the same. */
  | "after-done"
  /** The events do not add up to the whole object the provider sent at the end (OpenAI Responses' `response.completed`). */
  | "inconsistent-stream"
  /** The stream ended before its last event (`message_stop`, `response.completed`, a finish reason...). */
  | "incomplete-stream"
  /** The provider sent an error (an error event, an error object, an exception frame). */
  | "provider-error"
  /** The stream held nothing to merge. */
  | "empty-stream"
  /** Nothing tells which dialect a stream is in (see `detectDialect`). */
  | "unknown-dialect"
  /** The body starts with a byte-order mark, which the framing ignores (it is kept for `split`). */
  | "byte-order-mark";

/**
 * The findings that mean the merge does not hold all the stream did: with any
 * of them (or a provider error), a merge is never `complete`. The others
 * (`event-type-mismatch`, `repeated-arguments`, `repeated-chunk`, `invalid-arguments`,
 * `after-done`, `byte-order-mark`) say something odd that lost nothing.
 */
export const incompleteWith: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  "invalid-json",
  "invalid-event",
  "invalid-utf8",
  "invalid-framing",
  "unknown-event",
  "out-of-order",
  "unplaced-delta",
  "unplaced-content",
  "conflicting-tool-call",
  "incomplete-tool-call",
  "missing-finish-reason",
  "missing-done",
  "inconsistent-stream",
  "incomplete-stream",
  "provider-error",
  "empty-stream",
  "unknown-dialect",
]);

/**
 * A finding about a stream, located by event number (and choice and tool call).
 *
 * @example
 * ```ts
 * for (const { code, event, message } of result.diagnostics) console.warn(`event ${event}: ${code}: ${message}`);
 * ```
 */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  /**
   * 0-based number of the event that caused it: the position in the stream's
   * events (SSE events, comments included, or AWS event-stream messages), or in
   * the values given to `mergeEvents`. End-of-stream findings carry the number
   * of events read.
   */
  event: number;
  /** The choice (chat) or candidate (Gemini) it concerns. */
  choice?: number;
  /** Position of the tool call among the message's tool calls. */
  toolCall?: number;
  /** What could not be used, kept so that nothing is lost. */
  data?: unknown;
}
