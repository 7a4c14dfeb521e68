/**
 * OpenAI's legacy completions API (`POST /v1/completions`), also served by
 * vLLM, llama.cpp, TGI and other OpenAI-compatible servers: the shapes of its
 * streamed chunks and of the whole completion they merge into.
 */

/** Per-token log probabilities of a completion choice (parallel arrays). */
export interface CompletionLogprobs {
  tokens?: string[];
  token_logprobs?: Array<number | null>;
  top_logprobs?: Array<Record<string, number> | null>;
  text_offset?: number[];
  [key: string]: unknown;
}

/** One choice of a completion. */
export interface CompletionChoice {
  text: string;
  index: number;
  logprobs: CompletionLogprobs | null;
  finish_reason: string | null;
  [key: string]: unknown;
}

/** Token counts of a completion. */
export interface CompletionUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  [key: string]: unknown;
}

/**
 * A whole completion (`object: "text_completion"`), as a non-streaming call
 * returns it; each streamed chunk has the same shape, with a fragment of text.
 *
 * @example
 * ```ts
 * const { merged } = openaiCompletions.merge(body);
 * merged.choices[0].text; // "Once upon a time..."
 * ```
 */
export interface Completion {
  id: string;
  object: "text_completion";
  created: number;
  model: string;
  choices: CompletionChoice[];
  usage?: CompletionUsage;
  [key: string]: unknown;
}
