import { formatEventStream } from "@tapedeck/sse";

/**
 * Writes chunks as an event-stream body: one `data:` event per chunk, then
 * `data: [DONE]`.
 *
 * @example
 * ```ts
 * encodeEventStream(splitCompletion(completion, { dialect: "chutes" }));
 * ```
 */
export function encodeEventStream(chunks: Iterable<unknown>): string {
  const events = [];
  for (const chunk of chunks) events.push({ data: JSON.stringify(chunk) });
  events.push({ data: "[DONE]" });
  return formatEventStream(events);
}
