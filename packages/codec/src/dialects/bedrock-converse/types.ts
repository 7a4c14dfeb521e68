/**
 * Amazon Bedrock's Converse API shapes (ConverseStream's events and the
 * Converse response they merge into). Typed loosely on purpose.
 */

/** A content block of a Converse message. */
export interface ConverseContentBlock {
  text?: string;
  toolUse?: { toolUseId: string; name: string; input: unknown; [key: string]: unknown };
  reasoningContent?: { reasoningText?: { text: string; signature?: string }; redactedContent?: string; [key: string]: unknown };
  /** Text with its sources: the generated content, and the citations (title, source, location...). */
  citationsContent?: { content?: Array<{ text?: string; [key: string]: unknown }>; citations?: Array<Record<string, unknown>>; [key: string]: unknown };
  /** A server tool's result (Nova's code interpreter, grounding): text and JSON items. */
  toolResult?: { toolUseId: string; content: Array<{ text?: string; json?: unknown; [key: string]: unknown }>; status?: string; type?: string; [key: string]: unknown };
  image?: { format?: string; source?: unknown; [key: string]: unknown };
  [key: string]: unknown;
}

/** Token counts of a Converse call. */
export interface ConverseUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
  [key: string]: unknown;
}

/**
 * A whole Converse response, the shape a non-streaming `Converse` call returns.
 *
 * @example
 * ```ts
 * const { merged } = bedrockConverse.merge(bytes);
 * merged.output.message.content; // [{ text: "…" }, { toolUse: { toolUseId: "tooluse_…", name: "add", input: { a: 2 } } }]
 * ```
 */
export interface ConverseResponse {
  output: { message: { role: string; content: ConverseContentBlock[]; [key: string]: unknown }; [key: string]: unknown };
  stopReason: string | null;
  usage?: ConverseUsage;
  metrics?: { latencyMs?: number; [key: string]: unknown };
  [key: string]: unknown;
}

/** One ConverseStream event, as the AWS SDK types it: a one-key object named after the event type. */
export type ConverseStreamEvent =
  | { messageStart: { role: string; [key: string]: unknown } }
  | { contentBlockStart: { contentBlockIndex: number; start?: { toolUse?: { toolUseId: string; name: string } }; [key: string]: unknown } }
  | { contentBlockDelta: { contentBlockIndex: number; delta: Record<string, unknown>; [key: string]: unknown } }
  | { contentBlockStop: { contentBlockIndex: number; [key: string]: unknown } }
  | { messageStop: { stopReason: string; additionalModelResponseFields?: unknown; [key: string]: unknown } }
  | { metadata: { usage?: ConverseUsage; metrics?: { latencyMs?: number }; [key: string]: unknown } };
