import type { DialectName } from "@tapedeck/codec";

/**
 * How a dialect's samples are grouped and named: the provider's own names
 * (`ContentBlockDeltaEvent`, `ResponseOutputTextDeltaEvent`,
 * `GenerateContentResponse`), so the generated types read like its docs.
 */
export interface DialectNaming {
  /** What the generated module describes, for its header. */
  title: string;
  /** The request body type (`MessageCreateParams`...). */
  request: string;
  /**
   * How events of different types are tied together: a union discriminated on
   * `type` in the payload; a map from the `:event-type` header to the payload
   * type; or nothing, where one type covers every event.
   */
  grouping: { kind: "discriminated-union"; name: string } | { kind: "event-map"; name: string } | { kind: "single" };
  /** The event type of one payload, as the provider names it. */
  eventType: (json: Record<string, unknown>, header: string | undefined) => string | undefined;
  /** The generated type name of one event type. */
  member: (eventType: string) => string;
}

/** `content_block_delta`, `response.output_text.delta`, `messageStart` → `ContentBlockDelta`, `ResponseOutputTextDelta`, `MessageStart`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

const jsonType = (json: Record<string, unknown>) => (typeof json.type === "string" && json.type !== "" ? json.type : undefined);
/** Chat and Gemini streams have one chunk shape; an `{"error": ...}` payload in their place is its own type. */
const chunkOrError = (json: Record<string, unknown>) => ("error" in json && !("choices" in json) && !("candidates" in json) ? "error" : "chunk");

export const dialectNaming: Record<DialectName, DialectNaming> = {
  "openai-chat": {
    title: "OpenAI chat completion chunks",
    request: "ChatCompletionCreateParams",
    grouping: { kind: "single" },
    eventType: chunkOrError,
    member: (type) => (type === "chunk" ? "ChatCompletionChunk" : "ChatCompletionStreamError"),
  },
  "openai-responses": {
    title: "OpenAI Responses stream events",
    request: "ResponseCreateParams",
    grouping: { kind: "discriminated-union", name: "ResponseStreamEvent" },
    eventType: jsonType,
    member: (type) => `${type.startsWith("response.") ? "" : "Response"}${pascalCase(type)}Event`,
  },
  anthropic: {
    title: "Anthropic Messages stream events",
    request: "MessageCreateParams",
    grouping: { kind: "discriminated-union", name: "MessageStreamEvent" },
    eventType: jsonType,
    member: (type) => `${pascalCase(type)}Event`,
  },
  gemini: {
    title: "Gemini streamed GenerateContentResponse chunks",
    request: "GenerateContentRequest",
    grouping: { kind: "single" },
    eventType: chunkOrError,
    member: (type) => (type === "chunk" ? "GenerateContentResponse" : "GenerateContentStreamError"),
  },
  "bedrock-converse": {
    title: "Amazon Bedrock ConverseStream events",
    request: "ConverseStreamRequest",
    grouping: { kind: "event-map", name: "ConverseStreamEventMap" },
    eventType: (_json, header) => header,
    member: (type) => (type === "metadata" ? "ConverseStreamMetadataEvent" : `${pascalCase(type)}Event`),
  },
};
