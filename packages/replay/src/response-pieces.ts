import { parseAwsEventStream } from "@tapedeck/aws-event-stream";
import { bodyText, type Interaction } from "@tapedeck/cassette";
import { streamFraming } from "@tapedeck/codec";
import { type EventStreamEvent, parseEventStream } from "@tapedeck/sse";
import { defaultMaxRecordedWait, recordedPacing } from "./pacing.js";

/** One piece of a recorded body: an SSE event's bytes, an AWS frame, or a whole body. */
export interface ResponsePiece {
  /** A view of the recorded body: copy it before handing it to a reader. */
  data: Uint8Array;
  /** The SSE event, for `pacing` functions (read on first use). */
  readonly event?: EventStreamEvent;
  /** When the piece arrived at recording time (ms after the first piece), with `pacing: "recorded"`. */
  at?: number;
}

/**
 * The recorded response as pieces to send: one per event of an SSE stream, one
 * per frame of an AWS event stream, as the recorder saw them arrive with
 * `pacing: "recorded"`, else one. Pieces are views of the recorded body,
 * together exactly its bytes; they are cut once per interaction (a replay
 * answers the same one many times). Never throws: a stream that does not
 * parse is sent whole, as recorded.
 */
export function responsePieces(interaction: Interaction, timing: { pacing?: unknown; maxRecordedWait?: number } = {}): ResponsePiece[] {
  const recorded = timing.pacing === "recorded";
  const maxWait = timing.maxRecordedWait ?? defaultMaxRecordedWait;
  const cached = cache.get(interaction);
  if (cached !== undefined && cached.body === interaction.response.body && cached.recorded === recorded && cached.maxWait === maxWait) return cached.pieces;
  const pieces = cut(interaction, recorded, maxWait);
  cache.set(interaction, { body: interaction.response.body, recorded, maxWait, pieces });
  return pieces;
}

const cache = new WeakMap<Interaction, { body: Interaction["response"]["body"]; recorded: boolean; maxWait: number; pieces: ResponsePiece[] }>();

function cut(interaction: Interaction, recorded: boolean, maxWait: number): ResponsePiece[] {
  const { response } = interaction;
  const bytes = response.body instanceof Uint8Array ? response.body : new TextEncoder().encode(bodyText(response.body));
  if (bytes.length === 0) return [];
  const paced = recorded ? pacedPieces(interaction, bytes, maxWait) : undefined;
  if (paced !== undefined) return paced;
  const framing = streamFraming(response);
  if (framing === "aws-event-stream") {
    try {
      const messages = parseAwsEventStream(bytes);
      const ends = [...messages.map((message) => message.offset).slice(1), bytes.length];
      return messages.map((message, index) => ({ data: bytes.subarray(message.offset, ends[index]) }));
    } catch {
      // A broken stream is sent as it was recorded, in one piece.
      return [{ data: bytes }];
    }
  }
  if (framing !== "sse") return [{ data: bytes }];
  return sseEvents(bytes).map((data) => withLazyEvent(data));
}

/**
 * The body cut where the recorder saw its pieces arrive, each with its time
 * (no gap longer than `maxWait`); `undefined` without usable pacing.
 */
function pacedPieces(interaction: Interaction, bytes: Uint8Array, maxWait: number): ResponsePiece[] | undefined {
  const pacing = recordedPacing(interaction, bytes.length);
  if (pacing === undefined) return undefined;
  let offset = 0;
  let previous = pacing[0]?.at ?? 0;
  let played = 0;
  return pacing.map(({ bytes: length, at }) => {
    const data = bytes.subarray(offset, offset + length);
    offset += length;
    played += Math.min(at - previous, maxWait);
    previous = at;
    return { data, at: played };
  });
}

const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * An SSE body cut after each blank line (the end of an event, with CRLF, LF or
 * CR line ends), in one pass over the bytes: UTF-8 never has 0x0A or 0x0D
 * inside a character. What follows the last blank line is a piece of its own.
 */
export function sseEvents(bytes: Uint8Array): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  let lineStart = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte !== lineFeed && byte !== carriageReturn) continue;
    const end = byte === carriageReturn && bytes[index + 1] === lineFeed ? index + 2 : index + 1;
    const blank = index === lineStart;
    index = end - 1;
    lineStart = end;
    if (blank) {
      pieces.push(bytes.subarray(start, end));
      start = end;
    }
  }
  if (start < bytes.length) pieces.push(bytes.subarray(start));
  return pieces;
}

function withLazyEvent(data: Uint8Array): ResponsePiece {
  let event: EventStreamEvent | undefined;
  return {
    data,
    get event() {
      event ??= parseEventStream(new TextDecoder().decode(data))[0] ?? {};
      return event;
    },
  };
}
