/** What was odd in a stream. */
export type DiagnosticCode =
  /** A chunk is not an object, or a part of it has the wrong type. */
  | "invalid-chunk"
  /** An event's data is not JSON. */
  | "invalid-json"
  /** A tool-call fragment that no call could be found for (no index, no id, several calls open). */
  | "unplaced-delta"
  /** A repeat of a call's id, type or name that disagrees with the first value. */
  | "conflicting-tool-call"
  /** A repeat of a call's whole arguments after they were complete, ignored (vLLM). */
  | "repeated-arguments"
  /** A call's arguments are not valid JSON at the end of the stream. */
  | "invalid-arguments"
  /** A call never got an id or a name. */
  | "incomplete-tool-call"
  /** A choice ended without a finish reason (a cut stream). */
  | "missing-finish-reason"
  /** The stream ended without `data: [DONE]`. */
  | "missing-done"
  /** The provider sent an error object. */
  | "provider-error"
  /** The stream held no choice at all. */
  | "empty-stream";

/**
 * A finding about a stream, located by chunk number (and choice and tool call).
 *
 * @example
 * ```ts
 * for (const { code, chunk, message } of result.diagnostics) console.warn(`chunk ${chunk}: ${code}: ${message}`);
 * ```
 */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  /** 0-based chunk number; for end-of-stream findings, the number of chunks read. */
  chunk: number;
  choice?: number;
  /** Position of the tool call in `message.tool_calls`. */
  toolCall?: number;
  /** What could not be used, kept so that nothing is lost. */
  data?: unknown;
}
