import { type NormalizedMessage, normalizedToolCall, normalizedUsage } from "../../normalized.js";
import type { AnthropicMessage } from "./types.js";

/** A Message read as a {@link NormalizedMessage}: text blocks joined, thinking as reasoning, `tool_use` blocks as tool calls. */
export function normalizeMessage(message: AnthropicMessage): NormalizedMessage {
  const content = Array.isArray(message?.content) ? message.content : [];
  const usage = message?.usage ?? {};
  return {
    dialect: "anthropic",
    role: typeof message?.role === "string" ? message.role : "assistant",
    text: content.map((block) => (block.type === "text" && typeof block.text === "string" ? block.text : "")).join(""),
    reasoning: content.map((block) => (block.type === "thinking" && typeof block.thinking === "string" ? block.thinking : "")).join(""),
    toolCalls: content.filter((block) => block.type === "tool_use").map((block) => normalizedToolCall(block.id, block.name, block.input ?? {})),
    finishReason: typeof message?.stop_reason === "string" ? message.stop_reason : null,
    usage: normalizedUsage({ inputTokens: usage.input_tokens, outputTokens: usage.output_tokens, cachedInputTokens: usage.cache_read_input_tokens }),
    model: typeof message?.model === "string" && message.model !== "" ? message.model : undefined,
  };
}
