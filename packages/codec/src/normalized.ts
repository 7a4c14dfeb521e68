import type { DialectName } from "./dialect.js";

/** A tool call, the same for every dialect. */
export interface NormalizedToolCall {
  id: string;
  name: string;
  /** The parsed arguments; `undefined` when `argumentsText` is not JSON. */
  arguments: unknown;
  /** The arguments as the provider sent them (for dialects that send an object: its JSON). */
  argumentsText: string;
}

/** Token counts under one set of names; each is absent when the provider did not say. */
export interface NormalizedUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  reasoningTokens?: number;
  cachedInputTokens?: number;
}

/**
 * Any dialect's merged answer, read the same way: for the CLI, the demo, the
 * viewer and anyone comparing providers.
 *
 * @example
 * ```ts
 * const { text, toolCalls, finishReason, usage } = gemini.normalize(merged);
 * ```
 */
export interface NormalizedMessage {
  dialect: DialectName;
  role: string;
  /** The answer's text, parts joined. */
  text: string;
  /** Reasoning text (thinking, summaries, `reasoning_content`), parts joined. */
  reasoning: string;
  toolCalls: NormalizedToolCall[];
  /** The finish reason in the provider's own words (`tool_calls`, `end_turn`, `STOP`, `completed`...), or `null`. */
  finishReason: string | null;
  usage: NormalizedUsage | undefined;
  model: string | undefined;
}

/** A tool call with its arguments parsed where they are JSON. */
export function normalizedToolCall(id: unknown, name: unknown, argumentsValue: unknown): NormalizedToolCall {
  const argumentsText = typeof argumentsValue === "string" ? argumentsValue : argumentsValue === undefined ? "" : JSON.stringify(argumentsValue);
  let parsed: unknown;
  if (typeof argumentsValue === "string") {
    try {
      parsed = JSON.parse(argumentsValue);
    } catch {
      parsed = undefined;
    }
  } else parsed = argumentsValue;
  return { id: typeof id === "string" ? id : "", name: typeof name === "string" ? name : "", arguments: parsed, argumentsText };
}

/** Copies the numeric token counts that are present. */
export function normalizedUsage(counts: Partial<Record<keyof NormalizedUsage, unknown>>): NormalizedUsage | undefined {
  const usage: NormalizedUsage = {};
  let any = false;
  for (const key of Object.keys(counts) as Array<keyof NormalizedUsage>) {
    const value = counts[key];
    if (typeof value === "number") {
      usage[key] = value;
      any = true;
    }
  }
  return any ? usage : undefined;
}
