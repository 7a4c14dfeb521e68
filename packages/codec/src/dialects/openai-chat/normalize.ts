import { type NormalizedMessage, normalizedToolCall, normalizedUsage } from "../../normalized.js";
import { contentText, contentThinking } from "./content-parts.js";
import type { ChatCompletion } from "./types.js";

/** A chat completion's choice (by `choices[].index`), read as a {@link NormalizedMessage}. */
export function normalizeChatCompletion(completion: ChatCompletion, choiceIndex: number): NormalizedMessage {
  const choice = completion.choices?.find((item) => item.index === choiceIndex);
  const message = choice?.message;
  const usage = completion.usage;
  const details = usage?.completion_tokens_details as { reasoning_tokens?: unknown } | undefined;
  const promptDetails = usage?.prompt_tokens_details as { cached_tokens?: unknown } | undefined;
  return {
    dialect: "openai-chat",
    role: message?.role ?? "assistant",
    text: contentText(message?.content),
    reasoning: message?.reasoning ?? message?.reasoning_content ?? contentThinking(message?.content),
    toolCalls: (message?.tool_calls ?? []).map((call) => normalizedToolCall(call.id, call.function?.name, call.function?.arguments)),
    finishReason: choice?.finish_reason ?? null,
    usage: normalizedUsage({
      inputTokens: usage?.prompt_tokens,
      outputTokens: usage?.completion_tokens,
      totalTokens: usage?.total_tokens,
      reasoningTokens: details?.reasoning_tokens,
      cachedInputTokens: promptDetails?.cached_tokens,
    }),
    model: completion.model || undefined,
  };
}
