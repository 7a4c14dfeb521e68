import type { DialectName, Framing } from "./dialect.js";
import { looksLikeAwsEventStream, streamPayloads } from "./framing/payloads.js";
import { isObject } from "./shared/data.js";

/**
 * What detection needs of a recorded exchange; a go-vcr `Interaction` from
 * `@tapedeck/cassette` fits as it is.
 */
export interface RecordedExchange {
  request: { url: string };
  response: { headers?: Record<string, readonly string[]>; body?: string | Uint8Array };
}

/** Which dialect and framing a stream is in, and what gave it away. */
export interface DetectedDialect {
  dialect: DialectName;
  framing: Framing;
  /** `first event`, `url` or `content type`: what decided. */
  by: "first event" | "url" | "content type";
}

/**
 * How a recorded response is streamed: `sse` (a `text/event-stream` content
 * type, or a body that starts like one), `aws-event-stream`
 * (`application/vnd.amazon.eventstream`, or bytes that start with a valid
 * frame prelude), or `undefined` for a response that is not a stream.
 *
 * @example
 * ```ts
 * cassette.interactions.filter((interaction) => streamFraming(interaction.response) !== undefined);
 * ```
 */
export function streamFraming(response: RecordedExchange["response"]): Framing | undefined {
  const contentType = header(response.headers, "content-type")?.toLowerCase() ?? "";
  if (contentType.startsWith("application/vnd.amazon.eventstream")) return "aws-event-stream";
  if (contentType.startsWith("text/event-stream")) return "sse";
  const body = response.body;
  if (body instanceof Uint8Array && looksLikeAwsEventStream(body)) return "aws-event-stream";
  if (contentType !== "") return undefined;
  const text = typeof body === "string" ? body : "";
  return /^(?:\uFEFF)?(?:data|event|id|retry)?:/.test(text) ? "sse" : undefined;
}

const urlRules: Array<[RegExp, DialectName]> = [
  [/\/converse-stream(?:$|[?#])/, "bedrock-converse"],
  [/\/invoke-with-response-stream(?:$|[?#])/, "anthropic"],
  [/:streamRawPredict(?:$|[?#])/, "anthropic"],
  [/\/v1\/messages(?:$|[?#])/, "anthropic"],
  [/:streamGenerateContent(?:$|[?#])/, "gemini"],
  [/\/responses(?:$|[?#])/, "openai-responses"],
  [/\/chat\/completions(?:$|[?#])/, "openai-chat"],
];

/**
 * Tells a recorded stream's dialect: from its first event where that is
 * decisive (`message_start` is Anthropic's, `response.created` the Responses
 * API's, `candidates` Gemini's, `chat.completion.chunk` OpenAI chat's), else
 * from the URL (`/v1/messages`, `:streamGenerateContent`, `/converse-stream`...).
 * `undefined` when the response is not a stream or nothing tells.
 *
 * @example
 * ```ts
 * detectDialect(cassette.interactions[0]); // { dialect: "anthropic", framing: "sse", by: "first event" }
 * ```
 */
export function detectDialect(exchange: RecordedExchange): DetectedDialect | undefined {
  const framing = streamFraming(exchange.response);
  if (framing === undefined) return undefined;
  const byEvent = layoutNameFirstEvent(exchange.response.body ?? "", framing);
  if (byEvent !== undefined) return { dialect: byEvent, framing, by: "first event" };
  const url = exchange.request.url;
  for (const [pattern, dialect] of urlRules) if (pattern.test(url)) return { dialect, framing, by: "url" };
  return undefined;
}

function layoutNameFirstEvent(body: string | Uint8Array, framing: Framing): DialectName | undefined {
  for (const payload of streamPayloads(body, { framing }).slice(0, 3)) {
    let value: unknown;
    try {
      value = JSON.parse(payload.data);
    } catch {
      continue;
    }
    if (!isObject(value)) continue;
    if (framing === "aws-event-stream" && payload.type !== undefined && payload.type !== "chunk" && /^(messageStart|contentBlock(Start|Delta|Stop)|messageStop|metadata)$/.test(payload.type)) {
      return "bedrock-converse";
    }
    const type = value.type;
    if (typeof type === "string") {
      if (/^(message_start|content_block_(start|delta|stop)|message_(delta|stop)|ping)$/.test(type)) return "anthropic";
      if (type.startsWith("response.")) return "openai-responses";
    }
    if (Array.isArray(value.candidates) || isObject(value.usageMetadata) || isObject(value.promptFeedback)) return "gemini";
    if (value.object === "chat.completion.chunk" || Array.isArray(value.choices)) return "openai-chat";
  }
  return undefined;
}

function header(headers: Record<string, readonly string[]> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key]?.[0];
  return undefined;
}
