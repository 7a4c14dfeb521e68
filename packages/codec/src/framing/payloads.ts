import { crc32, createAwsEventStreamParser, headerValue } from "@tapedeck/aws-event-stream";
import { parseEventStream } from "@tapedeck/sse";
import type { Framing } from "../dialect.js";
import { innerEvent } from "./aws-event-stream.js";

/** One event's JSON text (or what stands in its place), with where it was. */
export interface StreamPayload {
  /** 0-based number of the event in the stream (SSE events, comments included; AWS messages). */
  event: number;
  /** The SSE `event:` name or the AWS `:event-type`. */
  type?: string;
  /** The event's data, exactly as sent (for Bedrock's `{"bytes": ...}` payloads, the event inside). */
  data: string;
  /** 1-based line of the event in an SSE body. */
  line?: number;
  /** Byte offset of the message in an AWS event stream. */
  offset?: number;
}

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Every event payload of a stream body, in order: the one place that turns an
 * SSE or AWS event-stream body into its events' JSON texts (the codec, codegen,
 * `tapedeck inspect`, the demo and the viewer all read streams through it).
 * SSE events without data and chat's `[DONE]` are left out; Bedrock's
 * `{"bytes": base64}` payloads give the event inside. Never throws: a body
 * that breaks off gives the events before the break.
 *
 * @example
 * ```ts
 * for (const { event, data } of streamPayloads(body)) console.log(event, JSON.parse(data).type);
 * streamPayloads(bedrockBytes, { framing: "aws-event-stream" });
 * ```
 */
export function streamPayloads(body: string | Uint8Array, options: { framing?: Framing } = {}): StreamPayload[] {
  const framing = options.framing ?? (typeof body === "string" ? "sse" : looksLikeAwsEventStream(body) ? "aws-event-stream" : "sse");
  if (framing === "sse") {
    const payloads: StreamPayload[] = [];
    let events: ReturnType<typeof parseEventStream>;
    try {
      events = parseEventStream(typeof body === "string" ? body : utf8.decode(body));
    } catch {
      return payloads;
    }
    for (const event of events) {
      if (event.data === undefined || event.data === "[DONE]") continue;
      const payload: StreamPayload = { event: event.number, data: event.data, line: event.line };
      if (event.event !== undefined) payload.type = event.event;
      payloads.push(payload);
    }
    return payloads;
  }
  const payloads: StreamPayload[] = [];
  const parser = createAwsEventStreamParser({
    onMessage(message) {
      const type = headerValue(message, ":event-type");
      const text = utf8.decode(message.payload);
      const inner = innerEvent(text);
      const payload: StreamPayload = { event: message.number, data: typeof inner === "string" ? inner : text, offset: message.offset };
      if (typeof type === "string") payload.type = type;
      payloads.push(payload);
    },
  });
  try {
    parser.feed(typeof body === "string" ? new TextEncoder().encode(body) : body);
    parser.end();
  } catch {
    // The messages before the break are kept.
  }
  return payloads;
}

/** Whether bytes start with an AWS event-stream prelude (lengths that fit, a prelude CRC that matches). */
export function looksLikeAwsEventStream(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = view.getUint32(0);
  const headers = view.getUint32(4);
  return total >= 16 && headers <= total - 16 && crc32(bytes, 0, 8) === view.getUint32(8);
}
