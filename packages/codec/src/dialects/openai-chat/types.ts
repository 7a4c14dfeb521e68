/**
 * The shapes of OpenAI's chat-completion streams. Chunks are typed loosely on purpose:
 * providers send `null` where others omit a key, and extra keys everywhere. Every
 * key the standard does not name is kept (`[key: string]: unknown`).
 */

/** A tool-call fragment in a streamed delta. */
export interface ToolCallDelta {
  index?: number | null;
  id?: string | null;
  type?: string | null;
  function?: {
    name?: string | null;
    /** A fragment of the arguments JSON text; some hosts send a whole object instead. */
    arguments?: string | Record<string, unknown> | null;
    [key: string]: unknown;
  } | null;
  [key: string]: unknown;
}

/** What a chunk adds to the assistant message. */
export interface ChunkDelta {
  role?: string | null;
  /** Text, or a list of content parts (Mistral: `{type: "text", text}`, `{type: "thinking", thinking: [...]}`). */
  content?: string | ContentPart[] | null;
  refusal?: string | null;
  /** Reasoning text (OpenRouter, gpt-oss hosts). */
  reasoning?: string | null;
  /** Reasoning text (DeepSeek, vLLM). */
  reasoning_content?: string | null;
  /** OpenRouter's reasoning fragments: entries of a few words, merged by `index`. */
  reasoning_details?: ReasoningDetail[] | null;
  tool_calls?: ToolCallDelta[] | null;
  [key: string]: unknown;
}

/**
 * An OpenRouter reasoning entry (`reasoning.text`, `reasoning.summary`,
 * `reasoning.encrypted`). Streamed as fragments that repeat their `index`;
 * merged into one entry per index.
 */
export interface ReasoningDetail {
  type?: string;
  text?: string | null;
  summary?: string | null;
  data?: string | null;
  signature?: string | null;
  format?: string | null;
  index?: number;
  [key: string]: unknown;
}

/** Token log probabilities of a chunk or a whole choice. */
export interface Logprobs {
  content?: unknown[] | null;
  refusal?: unknown[] | null;
  [key: string]: unknown;
}

/** One choice of a streamed chunk. */
export interface ChunkChoice {
  index?: number;
  delta?: ChunkDelta | null;
  finish_reason?: string | null;
  logprobs?: Logprobs | null;
  [key: string]: unknown;
}

/** Token counts, with whatever else the provider reports (`cost`, `*_details`...). */
export interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  [key: string]: unknown;
}

/** An error object sent inside a stream (OpenRouter sends these mid-stream with status 200). */
export interface ProviderError {
  message?: string;
  code?: string | number | null;
  [key: string]: unknown;
}

/**
 * A `chat.completion.chunk` as any OpenAI-compatible provider sends it.
 *
 * @example
 * ```ts
 * const chunk: ChatCompletionChunk = JSON.parse(event.data);
 * ```
 */
export interface ChatCompletionChunk {
  id?: string | null;
  object?: string;
  created?: number;
  model?: string;
  choices?: ChunkChoice[] | null;
  usage?: Usage | null;
  system_fingerprint?: string | null;
  error?: ProviderError | null;
  [key: string]: unknown;
}

/** A whole tool call, as in a non-streaming response. */
export interface ToolCall {
  id: string;
  type: string;
  function: {
    name: string;
    /** The arguments JSON text, byte for byte as the fragments were sent. */
    arguments: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** A content part, as Mistral sends content: text, thinking (a list of text parts), or any other kind kept as sent. */
export interface ContentPart {
  type: string;
  text?: string;
  thinking?: ContentPart[];
  [key: string]: unknown;
}

/** The whole assistant message of a choice. */
export interface AssistantMessage {
  role: string;
  /** The text, or the list of content parts when the provider sent one (Mistral). */
  content: string | ContentPart[] | null;
  refusal: string | null;
  tool_calls?: ToolCall[];
  reasoning?: string;
  reasoning_content?: string;
  /** OpenRouter's reasoning entries, one per `index`, fragments joined. */
  reasoning_details?: ReasoningDetail[];
  [key: string]: unknown;
}

/** A whole choice, as in a non-streaming response. */
export interface CompletionChoice {
  index: number;
  message: AssistantMessage;
  finish_reason: string | null;
  logprobs: Logprobs | null;
  [key: string]: unknown;
}

/**
 * A whole completion in the shape of OpenAI's non-streaming response, plus every
 * field the provider sent that the standard does not name.
 *
 * @example
 * ```ts
 * const { completion } = mergeChunks(chunks);
 * completion.choices[0].message.tool_calls?.[0].function.arguments; // '{"a": 2, "b": 3}'
 * ```
 */
export interface ChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: CompletionChoice[];
  usage?: Usage;
  [key: string]: unknown;
}
