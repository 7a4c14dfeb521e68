/**
 * OpenAI chat-completion chunks (`chat.completion.chunk`), as OpenAI and every
 * OpenAI-compatible host (OpenRouter and the providers behind it, Groq,
 * DeepSeek, vLLM, Ollama...) stream them: merged into a `ChatCompletion`, right
 * for every host quirk of docs/dialects/openai-chat.md, and split back.
 *
 * @example
 * ```ts
 * import { openaiChat } from "@tapedeck/codec/openai-chat";
 * const { merged, diagnostics } = openaiChat.merge(body);
 * merged.choices[0].message.tool_calls; // [{ id: "functions.add:0", type: "function", function: { name: "add", arguments: '{"a": 2, "b": 3}' } }, ...]
 * ```
 * @module
 */
import { defineDialect } from "../../define-dialect.js";
import { chunkOrError } from "../../shared/naming.js";
import type { Dialect } from "../../dialect.js";
import { OpenaiChatMerger } from "./merger.js";
import type { ChatHost } from "./hosts.js";
import { normalizeChatCompletion } from "./normalize.js";
import { splitChunks } from "./split.js";
import type { ChatCompletion } from "./types.js";
import { isObject } from "../../shared/data.js";

/** Options `openaiChat.split` takes besides the common ones. */
export interface ChatSplitOptions {
  /** Whose way of streaming to imitate (see {@link ChatHost}). Default `openai`. */
  host?: ChatHost;
}

/**
 * The `openai-chat` dialect: SSE `data:` chunks ended by `data: [DONE]`.
 *
 * @example
 * ```ts
 * const { merged, residual } = openaiChat.merge(body, { residual: true });
 * openaiChat.split(merged, { residual }) === body; // true
 * openaiChat.split(merged, { host: "fireworks", fragment: 3 }); // a Fireworks-shaped stream
 * ```
 */
export const openaiChat: Dialect<ChatCompletion, string, ChatSplitOptions> = defineDialect<ChatCompletion, string, ChatSplitOptions>({
  name: "openai-chat",
  framing: "sse",
  lineEnding: "\n",
  framings: ["sse"],
  terminator: "[DONE]",
  awsPayload: "json",
  merger: (hooks) => new OpenaiChatMerger(hooks),
  splitEvents: (completion, fragment, extra) =>
    splitChunks(completion, { fragment, ...(extra.host === undefined ? {} : { host: extra.host }) }).map((chunk) => ({ data: JSON.stringify(chunk) })),
  normalize: normalizeChatCompletion,
  detection: {
    urls: [/\/chat\/completions(?:$|[?#])/],
    event: (json) => json.object === "chat.completion.chunk" || (Array.isArray(json.choices) && json.object !== "text_completion"),
    response: (json) => json.object === "chat.completion" || (Array.isArray(json.choices) && json.choices.some((choice) => isObject(choice) && isObject(choice.message))),
  },
  codegen: {
    title: "OpenAI chat completion chunks",
    request: "ChatCompletionCreateParams",
    grouping: { kind: "single" },
    eventType: chunkOrError("choices"),
    member: (type) => (type === "chunk" ? "ChatCompletionChunk" : "ChatCompletionStreamError"),
  },
  officialClient: { package: "openai", accumulator: "ChatCompletionStream (client.chat.completions.stream)" },
  example: (text) => ({ id: "chatcmpl-example", object: "chat.completion", created: 1760000000, model: "gpt-example", choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, logprobs: null, finish_reason: "stop" }], usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 } }),
});

export type { ChatHost } from "./hosts.js";
export { type SplitChunksOptions, splitChunks } from "./split.js";
export type * from "./types.js";
