import { crc32 } from "./crc32.js";
import { AwsEventStreamError } from "./errors.js";
import { encodeHeaders } from "./headers.js";
import type { AwsEventStreamHeader, AwsEventStreamMessage } from "./message.js";
import { type AwsEventStreamParserOptions, defaultMaxHeadersLength, defaultMaxPayloadLength } from "./parse.js";

/**
 * Writes one message: prelude (total and header lengths, prelude CRC),
 * headers in their order, payload, message CRC. What the parser would refuse
 * (with the same limits in `options`) is refused here too.
 *
 * @example
 * ```ts
 * serializeAwsEventStreamMessage({ headers: [{ name: ":event-type", type: "string", value: "chunk" }], payload });
 * ```
 */
export function serializeAwsEventStreamMessage(message: AwsEventStreamMessage, messageNumber = 0, options: AwsEventStreamParserOptions = {}): Uint8Array {
  const headers = encodeHeaders(message.headers, messageNumber);
  checkLengths(headers, message.payload, messageNumber, options);
  const bytes = new Uint8Array(16 + headers.length + message.payload.length);
  writeMessage(bytes, 0, headers, message.payload);
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
export function serializeAwsEventStream(messages: Iterable<AwsEventStreamMessage>, options: AwsEventStreamParserOptions = {}): Uint8Array {
  const blocks: Array<{ headers: Uint8Array; payload: Uint8Array }> = [];
  let length = 0;
  /** The last headers encoded, copied: a caller may reuse and change the same objects from message to message. */
  let previous: AwsEventStreamHeader[] | undefined;
  let previousBlock: Uint8Array | undefined;
  for (const message of messages) {
    // Streams repeat the same headers in every message: encode them once.
    const headers = previous !== undefined && sameHeaders(previous, message.headers) ? previousBlock! : encodeHeaders(message.headers, blocks.length);
    previous = message.headers.map((header) => ({ ...header }));
    previousBlock = headers;
    checkLengths(headers, message.payload, blocks.length, options);
    blocks.push({ headers, payload: message.payload });
    length += 16 + headers.length + message.payload.length;
  }
  const stream = new Uint8Array(length);
  let offset = 0;
  for (const { headers, payload } of blocks) offset = writeMessage(stream, offset, headers, payload);
  return stream;
}

/** Refuses a message the parser, with the same limits, would refuse: what is written must read back. */
function checkLengths(headers: Uint8Array, payload: Uint8Array, messageNumber: number, options: AwsEventStreamParserOptions): void {
  const maxHeadersLength = options.maxHeadersLength ?? defaultMaxHeadersLength;
  const maxPayloadLength = options.maxPayloadLength ?? defaultMaxPayloadLength;
  if (headers.length > maxHeadersLength) {
    throw new AwsEventStreamError("headers-too-long", `${headers.length} bytes of headers, more than maxHeadersLength (${maxHeadersLength}); the parser would refuse them`, { offset: 0, messageNumber });
  }
  if (payload.length > maxPayloadLength) {
    throw new AwsEventStreamError("payload-too-long", `a payload of ${payload.length} bytes, more than maxPayloadLength (${maxPayloadLength}); the parser would refuse it`, { offset: 0, messageNumber });
  }
}

/** Writes one message at `offset`; returns the offset after it. */
function writeMessage(bytes: Uint8Array, offset: number, headers: Uint8Array, payload: Uint8Array): number {
  const total = 16 + headers.length + payload.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, total);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, crc32(bytes, offset, offset + 8));
  bytes.set(headers, offset + 12);
  bytes.set(payload, offset + 12 + headers.length);
  view.setUint32(total - 4, crc32(bytes, offset, offset + total - 4));
  return offset + total;
}

function sameHeaders(left: readonly AwsEventStreamHeader[], right: readonly AwsEventStreamHeader[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index += 1) {
    const a = left[index]!;
    const b = right[index]!;
    if (a.name !== b.name || a.type !== b.type) return false;
    if (a.value instanceof Uint8Array || b.value instanceof Uint8Array) return false;
    if (a.value !== b.value) return false;
  }
  return true;
}
