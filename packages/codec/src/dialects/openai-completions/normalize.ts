import { type NormalizedMessage, normalizedUsage } from "../../normalized.js";
import type { Completion } from "./types.js";

/** A completion's choice (by index) read as a {@link NormalizedMessage}: its text; no tool calls. */
export function normalizeCompletion(completion: Completion, index: number): NormalizedMessage {
  const choice = (Array.isArray(completion?.choices) ? completion.choices : []).find((item) => item.index === index);
  const usage = completion?.usage ?? {};
  return {
    dialect: "openai-completions",
    role: "assistant",
    text: typeof choice?.text === "string" ? choice.text : "",
    reasoning: "",
    toolCalls: [],
    finishReason: choice?.finish_reason ?? null,
    usage: normalizedUsage({ inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens, totalTokens: usage.total_tokens }),
    model: completion?.model,
  };
}
