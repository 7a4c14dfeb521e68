import { MergeCore, type MergeResult } from "./chunk-merger.js";

/**
 * Merges a whole stream of chunks into one completion. Takes an array, any
 * iterable, or an async iterable (then returns a promise). A chunk given as a
 * string is its JSON text (a `data:` payload): it is parsed as it is merged, and
 * text that is not JSON becomes an `invalid-json` diagnostic.
 *
 * @example
 * ```ts
 * const { completion, diagnostics } = mergeChunks(chunks);
 * mergeChunks(dataLines); // ['{"id":"a","choices":[...]}', ...]
 * const result = await mergeChunks(streamOfChunks); // AsyncIterable
 * ```
 */
export function mergeChunks(chunks: Iterable<unknown>): MergeResult;
export function mergeChunks(chunks: AsyncIterable<unknown>): Promise<MergeResult>;
export function mergeChunks(chunks: Iterable<unknown> | AsyncIterable<unknown>): MergeResult | Promise<MergeResult> {
  const core = new MergeCore();
  if (Symbol.asyncIterator in chunks) {
    return (async () => {
      for await (const chunk of chunks) {
        if (typeof chunk === "string") core.pushText(chunk);
        else core.push(chunk);
      }
      return core.finish();
    })();
  }
  for (const chunk of chunks) {
    if (typeof chunk === "string") core.pushText(chunk);
    else core.push(chunk);
  }
  return core.finish();
}
