/**
 * What merging one event changed, in the same words for every dialect, so that
 * a consumer written once (a UI, a logger) works for all of them.
 */

interface EventBase {
  /** 0-based number of the stream event that caused it (as in `Diagnostic.event`). */
  event: number;
  /** The choice (chat, `n > 1`) or candidate (Gemini) it belongs to; 0 for the others. */
  choice: number;
}

/** Text was added to the answer. */
export interface TextDeltaEvent extends EventBase {
  type: "text-delta";
  delta: string;
}

/** Text was added to the model's reasoning (thinking, reasoning summaries, `reasoning_content`...). */
export interface ReasoningDeltaEvent extends EventBase {
  type: "reasoning-delta";
  delta: string;
}

/** Text was added to a refusal. */
export interface RefusalDeltaEvent extends EventBase {
  type: "refusal-delta";
  delta: string;
}

/** A tool call began. `toolCall` is its position among the message's tool calls. */
export interface ToolCallStartEvent extends EventBase {
  type: "tool-call-start";
  toolCall: number;
  id: string | undefined;
  name: string | undefined;
}

/** Arguments text was added to a tool call; `id` or `name` are set when they just became known. */
export interface ToolCallDeltaEvent extends EventBase {
  type: "tool-call-delta";
  toolCall: number;
  argumentsDelta: string;
  id?: string;
  name?: string;
}

/** A tool call is complete; `arguments` is its whole arguments text. */
export interface ToolCallEndEvent extends EventBase {
  type: "tool-call-end";
  toolCall: number;
  id: string | undefined;
  name: string | undefined;
  arguments: string;
}

/** The answer got its finish reason, in the provider's own words (`stop`, `end_turn`, `STOP`, `completed`...). */
export interface FinishEvent extends EventBase {
  type: "finish";
  finishReason: string;
}

/** Usage arrived, or a later report replaced it: the provider's own object. */
export interface UsageEvent extends EventBase {
  type: "usage";
  usage: unknown;
}

/** The provider sent an error in the stream. */
export interface ErrorEvent extends EventBase {
  type: "error";
  error: unknown;
}

/**
 * The events of every dialect.
 *
 * @example
 * ```ts
 * const merger = anthropic.createMerger({ onEvent(event) {
 *   if (event.type === "text-delta") process.stdout.write(event.delta);
 * } });
 * ```
 */
export type CodecEvent =
  | TextDeltaEvent
  | ReasoningDeltaEvent
  | RefusalDeltaEvent
  | ToolCallStartEvent
  | ToolCallDeltaEvent
  | ToolCallEndEvent
  | FinishEvent
  | UsageEvent
  | ErrorEvent;
