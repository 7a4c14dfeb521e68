/**
 * OpenAI Responses API shapes (api.openai.com and Azure's
 * `/openai/v1/responses`). Typed loosely on purpose: every key is kept.
 */

/** An output item: `message`, `function_call`, `reasoning`, `web_search_call`, `custom_tool_call`... */
export interface ResponseOutputItem {
  id?: string;
  type: string;
  status?: string;
  role?: string;
  content?: Array<{ type: string; text?: string; annotations?: unknown[]; logprobs?: unknown[]; refusal?: string; [key: string]: unknown }>;
  /** `function_call`: the arguments JSON text, byte for byte as streamed. */
  arguments?: string;
  call_id?: string;
  name?: string;
  summary?: Array<{ type: string; text: string; [key: string]: unknown }>;
  encrypted_content?: string;
  [key: string]: unknown;
}

/** Token counts; the Responses stream sends them only in `response.completed`. */
export interface ResponseUsage {
  input_tokens?: number;
  input_tokens_details?: { cached_tokens?: number; [key: string]: unknown };
  output_tokens?: number;
  output_tokens_details?: { reasoning_tokens?: number; [key: string]: unknown };
  total_tokens?: number;
  [key: string]: unknown;
}

/**
 * A whole response, the shape a non-streaming call returns (and
 * `response.completed` carries).
 *
 * @example
 * ```ts
 * const { merged } = openaiResponses.merge(body);
 * merged.output.filter((item) => item.type === "function_call"); // [{ type: "function_call", call_id: "call_…", name: "add", arguments: '{"a":2,"b":3}', ... }]
 * ```
 */
export interface Response {
  id: string;
  object: "response";
  status: string;
  model: string;
  output: ResponseOutputItem[];
  usage: ResponseUsage | null;
  [key: string]: unknown;
}

/** One event of a Responses stream: its `type`, a `sequence_number`, and the fields of that type. */
export interface ResponseStreamEvent {
  type: string;
  sequence_number?: number;
  [key: string]: unknown;
}
