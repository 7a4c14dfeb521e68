import { crc32 } from "@tapedeck/aws-event-stream";
import type { Framing } from "../dialect.js";
import type { StreamPayload } from "./framing.js";
import { framings } from "./index.js";

export type { StreamPayload } from "./framing.js";

/**
 * Every event payload of a stream body, in order: the one place that turns a
 * body, in any framing, into its events' JSON texts (the codec, codegen,
 * `tapedeck inspect`, the demo and the viewer all read streams through it).
 * SSE events without data and chat's `[DONE]` are left out; Bedrock's
 * `{"bytes": base64}` payloads give the event inside; a JSON array gives its
 * elements, NDJSON its lines; without `framing`, the framing is the one the
 * body starts like (AWS frames, `[`, `{`), else SSE. Never throws: a body that breaks off gives the
 * events before the break.
 *
 * @example
 * ```ts
 * for (const { event, data } of streamPayloads(body)) console.log(event, JSON.parse(data).type);
 * streamPayloads(bedrockBytes, { framing: "aws-event-stream" });
 * streamPayloads(geminiArray, { framing: "json-array" });
 * ```
 */
export function streamPayloads(body: string | Uint8Array, options: { framing?: Framing } = {}): StreamPayload[] {
  return framings[options.framing ?? framingOfBody(body, ["aws-event-stream", "json-array", "ndjson"], "sse")].payloads(body);
}

/**
 * The framing a whole body starts like, of `among`: AWS event-stream frames (a prelude whose CRC
 * matches), a JSON array (`[`), NDJSON (`{`); else `otherwise`. No SSE stream starts with `[` or `{`
 * (a line must start with a field name or `:`), so the guess never takes one for another.
 */
export function framingOfBody(body: string | Uint8Array, among: readonly Framing[], otherwise: Framing): Framing {
  if (body instanceof Uint8Array && among.includes("aws-event-stream") && looksLikeAwsEventStream(body)) return "aws-event-stream";
  const start = typeof body === "string" ? body.slice(0, 64) : new TextDecoder().decode(body.subarray(0, 64));
  const first = /^\uFEFF?\s*([[{])/.exec(start)?.[1];
  if (first === "[" && among.includes("json-array")) return "json-array";
  if (first === "{" && among.includes("ndjson")) return "ndjson";
  return otherwise;
}

/** Whether bytes start with an AWS event-stream prelude (lengths that fit, a prelude CRC that matches). */
export function looksLikeAwsEventStream(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = view.getUint32(0);
  const headers = view.getUint32(4);
  return total >= 16 && headers <= total - 16 && crc32(bytes, 0, 8) === view.getUint32(8);
}
