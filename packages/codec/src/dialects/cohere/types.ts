/**
 * Cohere's v2 Chat API (`POST /v2/chat` with `stream: true`): the shapes of its
 * stream events and of the whole response they merge into. Typed loosely on purpose.
 */

/** A content item of an assistant message: text, or a reasoning model's thinking. */
export interface CohereContent {
  type: string;
  text?: string;
  thinking?: string;
  [key: string]: unknown;
}

/** A tool call, its arguments a JSON string. */
export interface CohereToolCall {
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * A whole v2 chat response, as a non-streaming call returns it.
 *
 * @example
 * ```ts
 * const { merged } = cohere.merge(body);
 * merged.message.content?.[0]?.text; // the answer
 * ```
 */
export interface CohereChatResponse {
  id: string;
  finish_reason: string | null;
  message: {
    role: string;
    content?: CohereContent[];
    tool_plan?: string;
    tool_calls?: CohereToolCall[];
    citations?: Array<Record<string, unknown>>;
    [key: string]: unknown;
  };
  usage?: { billed_units?: Record<string, number>; tokens?: Record<string, number>; [key: string]: unknown };
  [key: string]: unknown;
}
