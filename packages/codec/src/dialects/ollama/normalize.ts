import { type NormalizedMessage, normalizedToolCall, normalizedUsage } from "../../normalized.js";
import type { OllamaResponse } from "./types.js";

/** An Ollama answer read as a {@link NormalizedMessage}: a chat's message or generate's response. */
export function normalizeOllama(answer: OllamaResponse): NormalizedMessage {
  const message = answer?.message;
  return {
    dialect: "ollama",
    role: message?.role ?? "assistant",
    text: message !== undefined ? (message.content ?? "") : (answer?.response ?? ""),
    reasoning: (message !== undefined ? message.thinking : answer?.thinking) ?? "",
    toolCalls: (message?.tool_calls ?? []).map((call) => normalizedToolCall(call.id ?? "", call.function?.name, call.function?.arguments ?? {})),
    finishReason: answer?.done ? (answer.done_reason ?? "stop") : null,
    usage: normalizedUsage({
      inputTokens: answer?.prompt_eval_count,
      outputTokens: answer?.eval_count,
      totalTokens: typeof answer?.prompt_eval_count === "number" && typeof answer?.eval_count === "number" ? answer.prompt_eval_count + answer.eval_count : undefined,
    }),
    model: answer?.model,
  };
}
