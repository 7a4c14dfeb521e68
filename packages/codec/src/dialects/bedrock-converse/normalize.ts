import { type NormalizedMessage, normalizedToolCall, normalizedUsage } from "../../normalized.js";
import type { ConverseResponse } from "./types.js";

/** A Converse response read as a {@link NormalizedMessage}. */
export function normalizeConverse(response: ConverseResponse): NormalizedMessage {
  const content = response?.output?.message?.content ?? [];
  const usage = response?.usage ?? {};
  return {
    dialect: "bedrock-converse",
    role: response?.output?.message?.role ?? "assistant",
    // Cited text is text too: a citationsContent block's generated content.
    text: content.map((block) => (typeof block.text === "string" ? block.text : (block.citationsContent?.content ?? []).map((item) => item.text ?? "").join(""))).join(""),
    reasoning: content.map((block) => block.reasoningContent?.reasoningText?.text ?? "").join(""),
    toolCalls: content.filter((block) => block.toolUse !== undefined).map((block) => normalizedToolCall(block.toolUse!.toolUseId, block.toolUse!.name, block.toolUse!.input ?? {})),
    finishReason: typeof response?.stopReason === "string" ? response.stopReason : null,
    usage: normalizedUsage({ inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, totalTokens: usage.totalTokens, cachedInputTokens: usage.cacheReadInputTokens }),
    model: undefined,
  };
}
