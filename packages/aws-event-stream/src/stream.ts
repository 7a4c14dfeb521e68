import type { ParsedAwsEventStreamMessage } from "./message.js";
import { type AwsEventStreamParserOptions, createAwsEventStreamParser } from "./parse.js";

/**
 * A `TransformStream` from the bytes of an AWS event stream to its messages,
 * for bodies that arrive in pieces cut anywhere.
 *
 * @example
 * ```ts
 * import { AwsEventStreamParserStream } from "@tapedeck/aws-event-stream/stream";
 * for await (const message of response.body!.pipeThrough(new AwsEventStreamParserStream())) {
 *   console.log(message.number, new TextDecoder().decode(message.payload));
 * }
 * ```
 */
export class AwsEventStreamParserStream extends TransformStream<Uint8Array, ParsedAwsEventStreamMessage> {
  constructor(options: AwsEventStreamParserOptions = {}) {
    let parser!: ReturnType<typeof createAwsEventStreamParser>;
    super({
      start(controller) {
        parser = createAwsEventStreamParser({ ...options, onMessage: (message) => controller.enqueue(message) });
      },
      transform(bytes) {
        parser.feed(bytes);
      },
      flush() {
        parser.end();
      },
    });
  }
}

export type { ParsedAwsEventStreamMessage } from "./message.js";
