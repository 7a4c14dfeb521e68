/**
 * OpenAI chat-completion chunks (`chat.completion.chunk`), as OpenAI and every
 * OpenAI-compatible host (OpenRouter and the providers behind it, Groq,
 * DeepSeek, vLLM, Ollama...) stream them: merged into a `ChatCompletion`, right
 * for every host quirk of provider-quirks.md, and split back.
 *
 * @example
 * ```ts
 * import { openaiChat } from "@tapedeck/codec/openai-chat";
 * const { merged, diagnostics } = openaiChat.merge(body);
 * merged.choices[0].message.tool_calls; // [{ id: "functions.add:0", type: "function", function: { name: "add", arguments: '{"a": 2, "b": 3}' } }, ...]
 * ```
 * @module
 */
import { defineDialect } from "../define-dialect.js";
import type { Dialect } from "../dialect.js";
import { ChatCompletionCore } from "./chunk-merger.js";
import type { ChatHost } from "./hosts.js";
import { normalizeChatCompletion } from "./normalize.js";
import { splitChunks } from "./split.js";
import type { ChatCompletion } from "./types.js";

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
  terminator: "[DONE]",
  awsPayload: "json",
  createCore: (hooks) => new ChatCompletionCore(hooks),
  splitEvents: (completion, fragment, extra) =>
    splitChunks(completion, { fragment, ...(extra.host === undefined ? {} : { host: extra.host }) }).map((chunk) => ({ data: JSON.stringify(chunk) })),
  normalize: normalizeChatCompletion,
});

export type { ChatHost } from "./hosts.js";
export { type SplitChunksOptions, splitChunks } from "./split.js";
export type * from "./types.js";
