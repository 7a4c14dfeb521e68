import { createEventStreamParser, type EventStreamParserOptions, type ParsedEvent } from "@tapedeck/sse";
import type { CodecEvent } from "../events.js";
import { MergeCore, type MergeResult } from "./chunk-merger.js";

/** Options of {@link mergeEventStream}. */
export interface MergeEventStreamOptions extends EventStreamParserOptions {
  /** Called with each codec event as it happens. */
  onEvent?: (event: CodecEvent) => void;
}

/**
 * Reads a `text/event-stream` body of chat-completion chunks and merges it:
 * each `data:` line is parsed as JSON (one that is not becomes an `invalid-json`
 * diagnostic with its chunk number and line), `[DONE]` ends the stream, and a
 * stream without `[DONE]` gets a `missing-done` diagnostic. Takes the whole text,
 * or text or bytes arriving in pieces.
 *
 * @example
 * ```ts
 * const { completion } = mergeEventStream(interaction.response.body);
 * const live = await mergeEventStream(response.body!); // a ReadableStream of bytes
 * ```
 */
export function mergeEventStream(text: string, options?: MergeEventStreamOptions): MergeResult;
export function mergeEventStream(
  pieces: AsyncIterable<string | Uint8Array>,
  options?: MergeEventStreamOptions,
): Promise<MergeResult>;
export function mergeEventStream(
  input: string | AsyncIterable<string | Uint8Array>,
  options: MergeEventStreamOptions = {},
): MergeResult | Promise<MergeResult> {
  const reader = createEventStreamMerger(options);
  if (typeof input === "string") {
    reader.feed(input);
    return reader.finish();
  }
  return (async () => {
    const decoder = new TextDecoder();
    for await (const piece of input) reader.feed(typeof piece === "string" ? piece : decoder.decode(piece, { stream: true }));
    reader.feed(decoder.decode());
    return reader.finish();
  })();
}

/** An incremental reader of event-stream text into a merged completion. */
export interface EventStreamMerger {
  feed(text: string): void;
  finish(): MergeResult;
}

/**
 * The incremental form of {@link mergeEventStream}: feed text as it arrives.
 *
 * @example
 * ```ts
 * const merger = createEventStreamMerger({ onEvent: render });
 * socket.on("data", (text) => merger.feed(text));
 * socket.on("end", () => console.log(merger.finish().completion));
 * ```
 */
export function createEventStreamMerger(options: MergeEventStreamOptions = {}): EventStreamMerger {
  const core = new MergeCore(options.onEvent);
  let done = false;
  const onEvent = (event: ParsedEvent) => {
    const data = event.data;
    if (data === undefined) return;
    if (data === "[DONE]") {
      done = true;
      return;
    }
    core.pushText(data, ` (event ${event.number}, line ${event.line})`);
  };
  const parser = createEventStreamParser({ ...options, onEvent });
  return {
    feed: (text) => parser.feed(text),
    finish() {
      parser.end();
      if (!done) core.report("missing-done", "the stream ended without data: [DONE] (it may have been cut)", { chunk: core.chunksRead });
      return core.finish();
    },
  };
}
