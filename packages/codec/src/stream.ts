import { MergeCore, type MergeResult } from "./decode/chunk-merger.js";
import type { CodecEvent } from "./events.js";

/**
 * A `TransformStream` from chunks to codec events (the `tool-call-end` events of
 * calls still open come out when the input ends); `result` resolves to the
 * merged completion then.
 *
 * @example
 * ```ts
 * import { ChunkMergerStream } from "@tapedeck/codec/stream";
 * const merger = new ChunkMergerStream();
 * for await (const event of chunks.pipeThrough(merger)) render(event);
 * const { completion } = await merger.result;
 * ```
 */
export class ChunkMergerStream extends TransformStream<unknown, CodecEvent> {
  /** The merged completion, once the input ends. */
  readonly result: Promise<MergeResult>;

  constructor() {
    let core!: MergeCore;
    let resolve!: (result: MergeResult) => void;
    const result = new Promise<MergeResult>((done) => {
      resolve = done;
    });
    super({
      start(controller) {
        core = new MergeCore((event) => controller.enqueue(event));
      },
      transform(chunk) {
        core.push(chunk);
      },
      flush() {
        resolve(core.finish());
      },
    });
    this.result = result;
  }
}

export type { MergeResult } from "./decode/chunk-merger.js";
export type { CodecEvent } from "./events.js";
