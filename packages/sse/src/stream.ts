import type { ParsedEvent } from "./event.js";
import { createEventStreamParser, type EventStreamParserOptions } from "./parse.js";

/**
 * A `TransformStream` from the bytes (or text) of an event stream to parsed
 * events, for bodies that arrive in pieces. Bytes are decoded as UTF-8 across
 * piece boundaries. Events are the same, byte for byte, as `parseEventStream`
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
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let parser!: ReturnType<typeof createEventStreamParser>;
    super({
      start(controller) {
        parser = createEventStreamParser({ ...options, onEvent: (event) => controller.enqueue(event) });
      },
      transform(piece) {
        parser.feed(typeof piece === "string" ? piece : decoder.decode(piece, { stream: true }));
      },
      flush() {
        const rest = decoder.decode();
        if (rest !== "") parser.feed(rest);
        parser.end();
      },
    });
  }
}

export type { EventStreamParserOptions } from "./parse.js";
export type { ParsedEvent } from "./event.js";
