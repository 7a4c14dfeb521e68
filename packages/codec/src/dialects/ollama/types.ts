/**
 * Ollama's native API (`POST /api/chat` and `POST /api/generate`), streamed as
 * newline-delimited JSON: the shapes of its chunks and of the whole answers
 * they merge into. Typed loosely on purpose.
 */

/** A tool call Ollama sends whole, its arguments an object. */
export interface OllamaToolCall {
  id?: string;
  function: { name: string; arguments: Record<string, unknown>; index?: number; [key: string]: unknown };
  [key: string]: unknown;
}

/** The message of a `/api/chat` answer. */
export interface OllamaMessage {
  role: string;
  content: string;
  thinking?: string;
  tool_calls?: OllamaToolCall[];
  images?: string[] | null;
  [key: string]: unknown;
}

/**
 * A whole Ollama answer, as a non-streaming call returns it: `/api/chat` has a
 * `message`, `/api/generate` a `response` (and the `context` to pass back);
 * both end with `done: true`, the `done_reason` and the timings and counts.
 *
 * @example
 * ```ts
 * const { merged } = ollama.merge(body);
 * merged.message?.content; // the whole answer of a chat
 * ```
 */
export interface OllamaResponse {
  model: string;
  created_at: string;
  message?: OllamaMessage;
  response?: string;
  thinking?: string;
  done: boolean;
  done_reason?: string;
  context?: number[];
  total_duration?: number;
  load_duration?: number;
  prompt_eval_count?: number;
  prompt_eval_duration?: number;
  eval_count?: number;
  eval_duration?: number;
  [key: string]: unknown;
}
