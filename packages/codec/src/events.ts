import type { ProviderError, Usage } from "./types.js";

interface EventBase {
  /** 0-based number of the chunk that caused the event. */
  chunk: number;
}

interface ChoiceEventBase extends EventBase {
  /** `choices[].index`. */
  choice: number;
}

/** Text was added to a choice's `content`. */
export interface TextDeltaEvent extends ChoiceEventBase {
  type: "text-delta";
  delta: string;
}

/** Text was added to a choice's reasoning (`reasoning` or `reasoning_content`). */
export interface ReasoningDeltaEvent extends ChoiceEventBase {
  type: "reasoning-delta";
  field: "reasoning" | "reasoning_content";
  delta: string;
}

/** Text was added to a choice's `refusal`. */
export interface RefusalDeltaEvent extends ChoiceEventBase {
  type: "refusal-delta";
  delta: string;
}

/** A tool call began. `toolCall` is its position in `message.tool_calls`. */
export interface ToolCallStartEvent extends ChoiceEventBase {
  type: "tool-call-start";
  toolCall: number;
  id: string | undefined;
  name: string | undefined;
}

/** Arguments text was added to a tool call; `id` or `name` are set when they just became known. */
export interface ToolCallDeltaEvent extends ChoiceEventBase {
  type: "tool-call-delta";
  toolCall: number;
  argumentsDelta: string;
  id?: string;
  name?: string;
}

/** A tool call is complete. */
export interface ToolCallEndEvent extends ChoiceEventBase {
  type: "tool-call-end";
  toolCall: number;
  id: string | undefined;
  name: string | undefined;
  arguments: string;
}

/** A choice got its finish reason. */
export interface FinishEvent extends ChoiceEventBase {
  type: "finish";
  finishReason: string;
}

/** Usage arrived (or was replaced by a later report). */
export interface UsageEvent extends EventBase {
  type: "usage";
  usage: Usage;
}

/** The provider sent an error object in the stream. */
export interface ErrorEvent extends EventBase {
  type: "error";
  error: ProviderError;
}

/**
 * What merging a chunk changed, in order: enough to render a UI from events alone.
 *
 * @example
 * ```ts
 * for (const event of merger.push(chunk)) {
 *   if (event.type === "text-delta") process.stdout.write(event.delta);
 * }
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
