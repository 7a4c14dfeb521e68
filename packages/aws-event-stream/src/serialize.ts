import { crc32 } from "./crc32.js";
import { encodeHeaders } from "./headers.js";
import type { AwsEventStreamMessage } from "./message.js";

/**
 * Writes one message: prelude (total and header lengths, prelude CRC),
 * headers in their order, payload, message CRC.
 *
 * @example
 * ```ts
 * serializeAwsEventStreamMessage({ headers: [{ name: ":event-type", type: "string", value: "chunk" }], payload });
 * ```
 */
export function serializeAwsEventStreamMessage(message: AwsEventStreamMessage, messageNumber = 0): Uint8Array {
  const headers = encodeHeaders(message.headers, messageNumber);
  const total = 16 + headers.length + message.payload.length;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, crc32(bytes, 0, 8));
  bytes.set(headers, 12);
  bytes.set(message.payload, 12 + headers.length);
  view.setUint32(total - 4, crc32(bytes, 0, total - 4));
  return bytes;
}

/**
 * Writes messages as one AWS event stream (messages back to back, nothing
 * between them). Parsed messages come back byte for byte.
 *
 * @example
 * ```ts
 * serializeAwsEventStream(parseAwsEventStream(body)); // the same bytes as body
 * ```
 */
export function serializeAwsEventStream(messages: Iterable<AwsEventStreamMessage>): Uint8Array {
  const parts: Uint8Array[] = [];
  let length = 0;
  let number = 0;
  for (const message of messages) {
    const bytes = serializeAwsEventStreamMessage(message, number);
    parts.push(bytes);
    length += bytes.length;
    number += 1;
  }
  const stream = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    stream.set(part, offset);
    offset += part.length;
  }
  return stream;
}
