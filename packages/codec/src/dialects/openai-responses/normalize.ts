import { type NormalizedMessage, normalizedToolCall, normalizedUsage } from "../../normalized.js";
import { isObject } from "../../shared/data.js";
import type { Response } from "./types.js";

/** A Response read as a {@link NormalizedMessage}: message text, reasoning summaries, function calls (by `call_id`). */
export function normalizeResponse(response: Response): NormalizedMessage {
  const output = Array.isArray(response?.output) ? response.output : [];
  const text: string[] = [];
  const reasoning: string[] = [];
  for (const item of output) {
    if (item.type === "message") for (const part of item.content ?? []) if (part.type === "output_text" && typeof part.text === "string") text.push(part.text);
    if (item.type === "reasoning") {
      for (const part of item.summary ?? []) if (typeof part.text === "string") reasoning.push(part.text);
      for (const part of item.content ?? []) if (typeof part.text === "string") reasoning.push(part.text);
    }
  }
  const usage = isObject(response?.usage) ? response.usage : {};
  const details = isObject(response?.incomplete_details) ? response.incomplete_details : undefined;
  return {
    dialect: "openai-responses",
    role: "assistant",
    text: text.join(""),
    reasoning: reasoning.join("\n\n"),
    toolCalls: output.filter((item) => item.type === "function_call").map((item) => normalizedToolCall(item.call_id, item.name, item.arguments ?? "")),
    finishReason: typeof details?.reason === "string" ? details.reason : typeof response?.status === "string" ? response.status : null,
    usage: normalizedUsage({
      inputTokens: usage.input_tokens,
      outputTokens: usage.output_tokens,
      totalTokens: usage.total_tokens,
      reasoningTokens: isObject(usage.output_tokens_details) ? usage.output_tokens_details.reasoning_tokens : undefined,
      cachedInputTokens: isObject(usage.input_tokens_details) ? usage.input_tokens_details.cached_tokens : undefined,
    }),
    model: typeof response?.model === "string" ? response.model : undefined,
  };
}
