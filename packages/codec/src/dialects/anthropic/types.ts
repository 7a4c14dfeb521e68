/**
 * Anthropic Messages API shapes, as the direct API, Vertex AI
 * (`:streamRawPredict`) and Bedrock (`invoke-with-response-stream`) stream
 * them. Typed loosely on purpose: every key the provider sends is kept.
 */

/** Token counts; the stream's final values come in `message_delta` and are cumulative. */
export interface AnthropicUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  [key: string]: unknown;
}

/** One block of a message's content (`text`, `thinking`, `tool_use`, `server_tool_use`, `web_search_tool_result`, `redacted_thinking`...). */
export interface AnthropicContentBlock {
  type: string;
  text?: string;
  citations?: unknown[];
  thinking?: string;
  signature?: string;
  id?: string;
  name?: string;
  input?: unknown;
  [key: string]: unknown;
}

/**
 * A whole message, the shape of a non-streaming response.
 *
 * @example
 * ```ts
 * const { merged } = anthropic.merge(body);
 * merged.content.filter((block) => block.type === "tool_use"); // [{ type: "tool_use", id: "toolu_…", name: "add", input: { a: 2, b: 3 } }]
 * ```
 */
export interface AnthropicMessage {
  id: string;
  type: "message";
  role: string;
  model: string;
  content: AnthropicContentBlock[];
  stop_reason: string | null;
  stop_sequence: string | null;
  usage: AnthropicUsage;
  [key: string]: unknown;
}

/** A delta of `content_block_delta`. */
export interface AnthropicDelta {
  type: "text_delta" | "input_json_delta" | "thinking_delta" | "signature_delta" | "citations_delta" | (string & {});
  text?: string;
  partial_json?: string;
  thinking?: string;
  signature?: string;
  citation?: unknown;
  [key: string]: unknown;
}

/** One event of a Messages stream. */
export type AnthropicStreamEvent =
  | { type: "message_start"; message: AnthropicMessage; [key: string]: unknown }
  | { type: "content_block_start"; index: number; content_block: AnthropicContentBlock; [key: string]: unknown }
  | { type: "content_block_delta"; index: number; delta: AnthropicDelta; [key: string]: unknown }
  | { type: "content_block_stop"; index: number; [key: string]: unknown }
  | { type: "message_delta"; delta: { stop_reason?: string | null; stop_sequence?: string | null; [key: string]: unknown }; usage?: AnthropicUsage; [key: string]: unknown }
  | { type: "message_stop"; [key: string]: unknown }
  | { type: "ping"; [key: string]: unknown }
  | { type: "error"; error: { type: string; message: string; [key: string]: unknown }; [key: string]: unknown };
