import type { DialectName, Framing } from "./dialect.js";
import { dialectNames, dialects } from "./dialects/index.js";
import { framingNames, framings } from "./framing/index.js";
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
 * How a recorded response is streamed: by its content type (each framing's
 * own: `text/event-stream`, `application/vnd.amazon.eventstream`,
 * `application/x-ndjson`..., and `application/json` for a body that is a JSON
 * array of objects), else by how its body starts (an SSE field, a valid AWS
 * frame prelude). `undefined` for a response that is not a stream.
 *
 * @example
 * ```ts
 * cassette.interactions.filter((interaction) => streamFraming(interaction.response) !== undefined);
 * ```
 */
export function streamFraming(response: RecordedExchange["response"]): Framing | undefined {
  const contentType = (header(response.headers, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const body = response.body;
  for (const name of framingNames) {
    if (!framings[name].contentTypes.includes(contentType)) continue;
    // Most application/json answers are one object: only an array of objects is a stream.
    if (name === "json-array" && !/^\uFEFF?\s*\[\s*\{/.test(typeof body === "string" ? body.slice(0, 256) : "")) return undefined;
    return name;
  }
  if (body instanceof Uint8Array && looksLikeAwsEventStream(body)) return "aws-event-stream";
  if (contentType !== "") return undefined;
  const text = typeof body === "string" ? body : "";
  return /^(?:\uFEFF)?(?:data|event|id|retry)?:/.test(text) ? "sse" : undefined;
}

/**
 * Tells a recorded stream's dialect: from its first events where one is
 * decisive (each dialect says which are: `message_start` is Anthropic's,
 * `response.created` the Responses API's, `candidates` Gemini's...), else from
 * the request URL. Only dialects that travel in the stream's framing are
 * asked, in the order of `dialects`. `undefined` when the response is not a
 * stream or nothing tells.
 *
 * @example
 * ```ts
 * detectDialect(cassette.interactions[0]); // { dialect: "anthropic", framing: "sse", by: "first event" }
 * ```
 */
export function detectDialect(exchange: RecordedExchange): DetectedDialect | undefined {
  const framing = streamFraming(exchange.response);
  if (framing === undefined) return undefined;
  const candidates = dialectNames.filter((name) => dialects[name].framings.includes(framing));
  for (const payload of streamPayloads(exchange.response.body ?? "", { framing }).slice(0, 3)) {
    let value: unknown;
    try {
      value = JSON.parse(payload.data);
    } catch {
      continue;
    }
    if (!isObject(value)) continue;
    for (const name of candidates) if (dialects[name].detection.event(value, payload.type)) return { dialect: name, framing, by: "first event" };
  }
  const url = exchange.request.url;
  for (const name of candidates) if (dialects[name].detection.urls.some((pattern) => pattern.test(url))) return { dialect: name, framing, by: "url" };
  return undefined;
}

function header(headers: Record<string, readonly string[]> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key]?.[0];
  return undefined;
}

/**
 * The dialect whose merged shape a whole, non-streamed answer has (a
 * `ChatCompletion`, a `Message`, a `GenerateContentResponse`...), so that
 * `dialects[name].normalize(json)` reads it like a merged stream; `undefined`
 * for any other JSON.
 *
 * @example
 * ```ts
 * const json = JSON.parse(bodyText(interaction.response.body));
 * const dialect = responseDialect(json);
 * if (dialect !== undefined) console.log(dialects[dialect].normalize(json).text);
 * ```
 */
export function responseDialect(json: unknown): DialectName | undefined {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return undefined;
  return dialectNames.find((name) => dialects[name].detection.response(json as Record<string, unknown>));
}
