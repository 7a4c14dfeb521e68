import { type ParsedEvent, parseEventStream } from "@tapedeck/sse";
import { CassetteError } from "./errors.js";
import type { Body, CassetteResponse, HeaderMap, Interaction } from "./model/cassette.js";

/**
 * The values of a header, whatever the case of its name.
 *
 * @example
 * ```ts
 * headerValues(response.headers, "content-type"); // ["text/event-stream"]
 * ```
 */
export function headerValues(headers: HeaderMap | undefined, name: string): string[] {
  if (headers === undefined) return [];
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === wanted) values.push(...(headers[key] ?? []));
  }
  return values;
}

/** A body as text (bytes are decoded as UTF-8). */
export function bodyText(body: Body | undefined): string {
  if (body === undefined) return "";
  return typeof body === "string" ? body : new TextDecoder().decode(body);
}

/**
 * Whether a recorded response is a server-sent event stream: its
 * `Content-Type` is `text/event-stream`, or, with no `Content-Type`, its body
 * starts like one.
 *
 * @example
 * ```ts
 * cassette.interactions.filter(({ response }) => isEventStream(response));
 * ```
 */
export function isEventStream(response: CassetteResponse): boolean {
  const [contentType] = headerValues(response.headers, "content-type");
  if (contentType !== undefined) return contentType.trim().toLowerCase().startsWith("text/event-stream");
  return /^(data|event|id|retry)?:/.test(bodyText(response.body));
}

/** One `data:` payload of a recorded event stream. */
export interface ChunkPayload {
  /** 0-based position of the event in the stream (see `parseEventStream`). */
  eventNumber: number;
  /** 0-based position among the payloads (the chunk number). */
  chunkNumber: number;
  /** 1-based line of the event in the response body. */
  line: number;
  /** The data text, exactly as sent. */
  data: string;
  /** The parsed JSON. */
  json: unknown;
}

/**
 * Every JSON `data:` payload of an interaction's event-stream response, in order,
 * with where it was; `[DONE]` and events without data are left out. A payload
 * that is not JSON throws a `CassetteError` (`invalid-json`) naming its line.
 *
 * @example
 * ```ts
 * for (const { chunkNumber, json } of chunkPayloads(cassette.interactions[0])) {
 *   console.log(chunkNumber, json);
 * }
 * ```
 */
export function chunkPayloads(interaction: Interaction, options: { source?: string } = {}): ChunkPayload[] {
  const events = parseEventStream(bodyText(interaction.response.body));
  return payloadsOf(events, options.source, interaction.id);
}

function payloadsOf(events: ParsedEvent[], source: string | undefined, interactionId: number): ChunkPayload[] {
  const payloads: ChunkPayload[] = [];
  for (const event of events) {
    const data = event.data;
    if (data === undefined || data.trim() === "[DONE]") continue;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch (cause) {
      throw new CassetteError(
        "invalid-json",
        `interaction ${interactionId}, event ${event.number} (body line ${event.line}): the data is not JSON (${(cause as Error).message}); expected a chunk object or [DONE]`,
        { source, line: event.line },
        { cause },
      );
    }
    payloads.push({ eventNumber: event.number, chunkNumber: payloads.length, line: event.line, data, json });
  }
  return payloads;
}
