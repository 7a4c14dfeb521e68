import { type NormalizedMessage, normalizedToolCall, normalizedUsage } from "../../normalized.js";
import type { CohereChatResponse } from "./types.js";

/** A v2 chat response read as a {@link NormalizedMessage}: text items joined, thinking (and the tool plan) as reasoning. */
export function normalizeCohere(response: CohereChatResponse): NormalizedMessage {
  const message = response?.message;
  const content = Array.isArray(message?.content) ? message.content : [];
  const tokens = response?.usage?.tokens ?? response?.usage?.billed_units ?? {};
  return {
    dialect: "cohere",
    role: message?.role ?? "assistant",
    text: content.map((item) => (typeof item.text === "string" ? item.text : "")).join(""),
    reasoning: [message?.tool_plan ?? "", ...content.map((item) => (typeof item.thinking === "string" ? item.thinking : ""))].join(""),
    toolCalls: (message?.tool_calls ?? []).map((call) => normalizedToolCall(call.id, call.function?.name, call.function?.arguments ?? "")),
    finishReason: response?.finish_reason ?? null,
    usage: normalizedUsage({
      inputTokens: tokens.input_tokens,
      outputTokens: tokens.output_tokens,
      totalTokens: typeof tokens.input_tokens === "number" && typeof tokens.output_tokens === "number" ? tokens.input_tokens + tokens.output_tokens : undefined,
    }),
    model: undefined,
  };
}
