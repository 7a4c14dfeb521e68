import type { Dialect, MergeResult } from "./dialect.js";
import type { CodecEvent } from "./events.js";

/**
 * A `TransformStream` from a stream's events (parsed JSON or JSON text, as
 * `mergeEvents` takes them) to codec events, for any dialect; `result`
 * resolves to the merge once the input ends, and rejects if the input fails.
 *
 * @example
 * ```ts
 * import { MergerStream } from "@tapedeck/codec/stream";
 * import { anthropic } from "@tapedeck/codec/anthropic";
 * const merger = new MergerStream(anthropic);
 * for await (const event of events.pipeThrough(merger)) render(event);
 * const { merged } = await merger.result;
 * ```
 */
export class MergerStream<Merged> extends TransformStream<unknown, CodecEvent> {
  /** The merge, once the input ends. */
  readonly result: Promise<MergeResult<Merged>>;

  constructor(dialect: Dialect<Merged, string | Uint8Array, object>) {
    let resolve!: (result: MergeResult<Merged>) => void;
    let reject!: (reason: unknown) => void;
    const result = new Promise<MergeResult<Merged>>((done, fail) => {
      resolve = done;
      reject = fail;
    });
    // An unobserved failure is still reported through the stream itself.
    result.catch(() => {});
    let merger!: ReturnType<typeof dialect.createMerger>;
    // `cancel` is in the Streams standard (and Node 20) but not yet in TypeScript's DOM types.
    const transformer: Transformer<unknown, CodecEvent> & { cancel(reason: unknown): void } = {
      start(controller) {
        merger = dialect.createMerger({ onEvent: (event) => controller.enqueue(event) });
      },
      transform(event) {
        merger.push(event);
      },
      flush() {
        resolve(merger.finish());
      },
      // The source failed (the writable side was aborted) or the reader cancelled: the result rejects with the reason.
      cancel(reason) {
        reject(reason);
      },
    };
    super(transformer);
    this.result = result;
  }
}

export type { MergeResult } from "./dialect.js";
export type { CodecEvent } from "./events.js";
