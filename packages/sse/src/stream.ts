import { EventStreamError } from "./errors.js";
import type { ParsedEvent } from "./event.js";
import { createEventStreamParser, type EventStreamParserOptions } from "./parse.js";

/**
 * A `TransformStream` from the bytes (or text) of an event stream to parsed
 * events, for bodies that arrive in pieces. Bytes are decoded as UTF-8 across
 * piece boundaries, strictly: bytes that are not UTF-8 are an
 * `EventStreamError` (`invalid-utf8`) with the line they are on. Events are the same, byte for byte, as `parseEventStream`
 * of the whole text, wherever the pieces were cut.
 *
 * @example
 * ```ts
 * import { EventStreamParserStream } from "@tapedeck/sse/stream";
 * const response = await fetch(url);
 * for await (const event of response.body!.pipeThrough(new EventStreamParserStream())) {
 *   console.log(event.data);
 * }
 * ```
 */
export class EventStreamParserStream extends TransformStream<string | Uint8Array, ParsedEvent> {
  constructor(options: EventStreamParserOptions = {}) {
    // The BOM is left for the parser, which drops it where the SSE specification says, whether bytes or text were fed.
    // Strict: bytes that are not UTF-8 are an error naming where, never U+FFFD in an event unsaid.
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
    let parser!: ReturnType<typeof createEventStreamParser>;
    let bytesRead = 0;
    let lines = 1;
    const decode = (piece: Uint8Array | undefined): string => {
      let text: string;
      try {
        text = piece === undefined ? decoder.decode() : decoder.decode(piece, { stream: true });
      } catch {
        if (piece === undefined) throw new EventStreamError("invalid-utf8", `the stream ends inside a UTF-8 character (byte ${bytesRead})`, lines);
        const bad = validPrefixLength(piece);
        throw new EventStreamError("invalid-utf8", `byte ${bytesRead + bad} of the stream is not UTF-8`, lines + countLineFeeds(new TextDecoder().decode(piece.subarray(0, bad))));
      }
      if (piece !== undefined) bytesRead += piece.length;
      lines += countLineFeeds(text);
      return text;
    };
    super({
      start(controller) {
        parser = createEventStreamParser({ ...options, onEvent: (event) => controller.enqueue(event) });
      },
      transform(piece) {
        parser.feed(typeof piece === "string" ? piece : decode(piece));
      },
      flush() {
        const rest = decode(undefined);
        if (rest !== "") parser.feed(rest);
        parser.end();
      },
    });
  }
}

export type { EventStreamParserOptions } from "./parse.js";
export type { ParsedEvent } from "./event.js";

function countLineFeeds(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count += 1;
  return count;
}

/** How many of the bytes start valid UTF-8 (a character cut at the end counts as valid): found by halving, only when decoding failed. */
function validPrefixLength(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}
