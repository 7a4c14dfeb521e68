import { type NormalizedMessage, normalizedToolCall, normalizedUsage } from "../../normalized.js";
import type { GenerateContentResponse } from "./types.js";

/** A candidate (by index) read as a {@link NormalizedMessage}: text parts joined, thought parts as reasoning, function calls. */
export function normalizeResponse(response: GenerateContentResponse, index: number): NormalizedMessage {
  const candidate = (Array.isArray(response?.candidates) ? response.candidates : []).find((item) => (item.index ?? 0) === index);
  const parts = candidate?.content?.parts ?? [];
  const usage = response?.usageMetadata ?? {};
  return {
    dialect: "gemini",
    role: candidate?.content?.role ?? "model",
    text: parts.map((part) => (typeof part.text === "string" && part.thought !== true ? part.text : "")).join(""),
    reasoning: parts.map((part) => (typeof part.text === "string" && part.thought === true ? part.text : "")).join(""),
    toolCalls: parts.filter((part) => part.functionCall !== undefined).map((part) => normalizedToolCall(part.functionCall!.id, part.functionCall!.name, part.functionCall!.args ?? {})),
    finishReason: typeof candidate?.finishReason === "string" ? candidate.finishReason : (response?.promptFeedback?.blockReason ?? null),
    usage: normalizedUsage({
      inputTokens: usage.promptTokenCount,
      outputTokens: usage.candidatesTokenCount,
      totalTokens: usage.totalTokenCount,
      reasoningTokens: usage.thoughtsTokenCount,
      cachedInputTokens: usage.cachedContentTokenCount,
    }),
    model: response?.modelVersion,
  };
}
