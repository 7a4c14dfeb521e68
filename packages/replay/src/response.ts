import { parseAwsEventStream } from "@tapedeck/aws-event-stream";
import { bodyText, durationToMilliseconds, type Interaction } from "@tapedeck/cassette";
import { streamFraming } from "@tapedeck/codec";
import { type EventStreamEvent, parseEventStream, serializeEventStream } from "@tapedeck/sse";

/** When the recorded response is played: everything 0 (as fast as possible) by default. */
export interface ReplayTiming {
  /** Wait before the headers: `"recorded"` uses go-vcr's `duration` (time to first byte), or a number of ms. */
  latency?: "recorded" | number;
  /** Wait before each event after the first: ms, or a function of the event's position and the event. */
  eventDelay?: number | ((index: number, event: EventStreamEvent) => number);
  /** Divides every wait: 2 plays twice as fast. */
  speed?: number;
}

/** Headers that described the recorded transport, not this replay. */
const transportHeaders = new Set(["content-length", "transfer-encoding", "content-encoding", "connection", "keep-alive"]);

/** The recorded response as pieces to send: one per event of an SSE stream, one per frame of an AWS event stream, else one. */
export function responsePieces(interaction: Interaction): Array<{ bytes: Uint8Array; event?: EventStreamEvent }> {
  const { response } = interaction;
  const encoder = new TextEncoder();
  const framing = streamFraming(response);
  if (framing === "aws-event-stream") {
    const bytes = response.body instanceof Uint8Array ? response.body : encoder.encode(bodyText(response.body));
    try {
      const messages = parseAwsEventStream(bytes);
      const ends = [...messages.map((message) => message.offset).slice(1), bytes.length];
      return messages.map((message, index) => ({ bytes: bytes.subarray(message.offset, ends[index]) }));
    } catch {
      // A broken stream is sent as it was recorded, in one piece.
      return [{ bytes }];
    }
  }
  if (response.body instanceof Uint8Array) return response.body.length === 0 ? [] : [{ bytes: response.body }];
  const text = bodyText(response.body);
  if (framing !== "sse") return text === "" ? [] : [{ bytes: encoder.encode(text) }];
  return parseEventStream(text).map((event) => ({ bytes: encoder.encode(serializeEventStream([event])), event }));
}

/** The recorded status and headers, without the stale transport headers. */
export function responseHead(interaction: Interaction): { status: number; statusText: string; headers: Array<[string, string]> } {
  const { response } = interaction;
  const status = response.code;
  const statusText = (response.status ?? "").replace(/^\d+\s*/, "");
  const headers: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(response.headers ?? {})) {
    if (transportHeaders.has(name.toLowerCase())) continue;
    for (const value of values) headers.push([name, value]);
  }
  return { status, statusText, headers };
}

/** Milliseconds to wait before the headers. */
export function latencyOf(interaction: Interaction, timing: ReplayTiming): number {
  const speed = timing.speed ?? 1;
  if (timing.latency === "recorded") {
    const duration = interaction.response.duration;
    return duration === undefined ? 0 : durationToMilliseconds(duration) / speed;
  }
  return (timing.latency ?? 0) / speed;
}

/** Milliseconds to wait before piece `index` (0 for the first). */
export function eventDelayOf(index: number, event: EventStreamEvent | undefined, timing: ReplayTiming): number {
  if (index === 0 || timing.eventDelay === undefined) return 0;
  const speed = timing.speed ?? 1;
  const delay = typeof timing.eventDelay === "function" ? timing.eventDelay(index, event ?? {}) : timing.eventDelay;
  return delay / speed;
}

export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * A fetch `Response` that streams the recorded body event by event, with the
 * recorded status and headers.
 */
export function buildResponse(interaction: Interaction, timing: ReplayTiming, signal?: AbortSignal): Response {
  const pieces = responsePieces(interaction);
  const head = responseHead(interaction);
  let index = 0;
  const body =
    pieces.length === 0 || head.status === 204 || head.status === 304
      ? null
      : new ReadableStream<Uint8Array>({
          async pull(controller) {
            const piece = pieces[index];
            if (piece === undefined) {
              controller.close();
              return;
            }
            await sleep(eventDelayOf(index, piece.event, timing), signal);
            index += 1;
            controller.enqueue(piece.bytes);
          },
        });
  return new Response(body, { status: head.status, statusText: head.statusText, headers: head.headers });
}
