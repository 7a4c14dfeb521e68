import type { StreamPayload } from "@tapedeck/codec";

/** One timeline line: the event's type and what it adds. */
export interface EventLabel {
  /** `content_block_delta`, `response.output_text.delta`, `contentBlockDelta` (Bedrock's header), or `chunk`. */
  type: string;
  /** The payload without its `type`, as compact JSON. */
  detail: string;
}

/**
 * Labels an event for the timeline, for any dialect: its type (the `type`
 * field, else the SSE `event:` or AWS `:event-type` name, else `chunk`) and the
 * rest of its payload, so each delta is seen as sent.
 */
export function describeEvent(payload: StreamPayload, json: unknown): EventLabel {
  if (json === undefined) return { type: payload.type ?? "(not JSON)", detail: payload.data };
  if (json === null || typeof json !== "object" || Array.isArray(json)) return { type: payload.type ?? "(not an object)", detail: JSON.stringify(json) };
  const { type, ...rest } = json as Record<string, unknown>;
  if (typeof type === "string") return { type, detail: JSON.stringify(rest) };
  return { type: payload.type ?? "chunk", detail: JSON.stringify(json) };
}
