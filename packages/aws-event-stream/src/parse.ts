import { crc32 } from "./crc32.js";
import { AwsEventStreamError } from "./errors.js";
import { decodeHeaders } from "./headers.js";
import type { AwsEventStreamHeader, ParsedAwsEventStreamMessage } from "./message.js";

/** Limits of {@link createAwsEventStreamParser} and {@link parseAwsEventStream}. */
export interface AwsEventStreamParserOptions {
  /** Longest header block accepted, in bytes; longer is `headers-too-long`. Default 131,072 (the specification's 128 KiB). */
  maxHeadersLength?: number;
  /** Longest payload accepted, in bytes; longer is `payload-too-long`. Default 25,165,824 (the specification's 24 MiB). */
  maxPayloadLength?: number;
}

/** An incremental reader of an AWS event stream. */
export interface AwsEventStreamParser {
  /** Reads the next bytes; they may cut a message anywhere, inside the prelude or a header included. */
  feed(bytes: Uint8Array): void;
  /** Ends the stream: bytes left over that make no whole message are a `truncated` error. */
  end(): void;
}

const preludeLength = 12;
export const defaultMaxHeadersLength = 128 * 1024;
export const defaultMaxPayloadLength = 24 * 1024 * 1024;

/**
 * Creates an incremental, byte-exact reader of `application/vnd.amazon.eventstream`
 * bodies. Each message is handed to `onMessage` once its last byte arrives,
 * after both CRCs are checked; the prelude (lengths and prelude CRC) is checked
 * as soon as its 12 bytes arrive, before anything else is read. Linear in the
 * input, however it is cut.
 *
 * @example
 * ```ts
 * const parser = createAwsEventStreamParser({ onMessage: (message) => console.log(headerValue(message, ":event-type")) });
 * for await (const bytes of response.body!) parser.feed(bytes);
 * parser.end();
 * ```
 */
export function createAwsEventStreamParser(
  options: AwsEventStreamParserOptions & { onMessage: (message: ParsedAwsEventStreamMessage) => void },
): AwsEventStreamParser {
  const { onMessage } = options;
  const maxHeadersLength = options.maxHeadersLength ?? defaultMaxHeadersLength;
  const maxPayloadLength = options.maxPayloadLength ?? defaultMaxPayloadLength;
  // The bytes fed and not yet read, as copies (a caller may reuse its buffer); `head` is the first piece in use.
  const pieces: Uint8Array[] = [];
  let head = 0;
  let buffered = 0;
  /** Stream offset of the first buffered byte. */
  let offset = 0;
  let messageNumber = 0;
  /** The current message's total length, once its prelude was read and checked. */
  let totalLength = -1;
  let headersLength = 0;
  /** The last header block and what it read as: Bedrock sends the same block in every message. */
  let lastHeaderBytes: Uint8Array | undefined;
  let lastHeaders: AwsEventStreamHeader[] = [];

  /** The first `length` buffered bytes, without removing them (a view when one piece holds them). */
  function peek(length: number): Uint8Array {
    const first = pieces[head]!;
    if (first.length >= length) return first.subarray(0, length);
    const bytes = new Uint8Array(length);
    let filled = 0;
    for (let index = head; index < pieces.length; index += 1) {
      const part = pieces[index]!.subarray(0, length - filled);
      bytes.set(part, filled);
      filled += part.length;
      if (filled === length) break;
    }
    return bytes;
  }

  function drop(length: number): void {
    buffered -= length;
    offset += length;
    while (length > 0) {
      const first = pieces[head]!;
      if (first.length <= length) {
        head += 1;
        length -= first.length;
      } else {
        pieces[head] = first.subarray(length);
        length = 0;
      }
    }
    // Pieces read are let go in one splice once they are half the list: linear however small the pieces fed.
    if (head > 64 && head * 2 > pieces.length) {
      pieces.splice(0, head);
      head = 0;
    }
  }

  function fail(code: ConstructorParameters<typeof AwsEventStreamError>[0], detail: string, at = offset): never {
    throw new AwsEventStreamError(code, detail, { offset: at, messageNumber });
  }

  function readPrelude(): void {
    const prelude = peek(preludeLength);
    const view = new DataView(prelude.buffer, prelude.byteOffset, preludeLength);
    const total = view.getUint32(0);
    const headers = view.getUint32(4);
    const expected = view.getUint32(8);
    const actual = crc32(prelude, 0, 8);
    if (actual !== expected) {
      fail("prelude-crc-mismatch", `the prelude CRC is 0x${hex(expected)}, but bytes 0-7 give 0x${hex(actual)}; the lengths cannot be trusted`, offset + 8);
    }
    if (total < 16 || headers > total - 16) fail("invalid-length", `total length ${total} cannot hold a 16-byte frame with ${headers} bytes of headers`);
    if (headers > maxHeadersLength) fail("headers-too-long", `${headers} bytes of headers, more than maxHeadersLength (${maxHeadersLength})`, offset + 4);
    const payload = total - 16 - headers;
    if (payload > maxPayloadLength) fail("payload-too-long", `a payload of ${payload} bytes, more than maxPayloadLength (${maxPayloadLength})`);
    totalLength = total;
    headersLength = headers;
  }

  function readMessage(): void {
    const bytes = peek(totalLength);
    const view = new DataView(bytes.buffer, bytes.byteOffset, totalLength);
    const expected = view.getUint32(totalLength - 4);
    const actual = crc32(bytes, 0, totalLength - 4);
    if (actual !== expected) {
      fail("message-crc-mismatch", `the message CRC is 0x${hex(expected)}, but the message gives 0x${hex(actual)}`, offset + totalLength - 4);
    }
    const headerBytes = bytes.subarray(preludeLength, preludeLength + headersLength);
    if (lastHeaderBytes === undefined || !sameBytes(headerBytes, lastHeaderBytes)) {
      lastHeaders = decodeHeaders(headerBytes, { offset: offset + preludeLength, messageNumber });
      for (const header of lastHeaders) Object.freeze(header);
      lastHeaderBytes = headerBytes;
    }
    const message: ParsedAwsEventStreamMessage = {
      headers: lastHeaders.slice(),
      payload: bytes.subarray(preludeLength + headersLength, totalLength - 4),
      number: messageNumber,
      offset,
      headerBytes,
    };
    drop(totalLength);
    totalLength = -1;
    messageNumber += 1;
    onMessage(message);
  }

  return {
    feed(bytes) {
      if (bytes.length === 0) return;
      // A copy: messages are views of it, and must not change when the caller reuses its buffer.
      pieces.push(bytes.slice());
      buffered += bytes.length;
      for (;;) {
        if (totalLength === -1) {
          if (buffered < preludeLength) return;
          readPrelude();
        }
        if (buffered < totalLength) return;
        readMessage();
      }
    },
    end() {
      if (buffered > 0) {
        const expected = totalLength === -1 ? "a 12-byte prelude" : `a message of ${totalLength} bytes`;
        fail("truncated", `the stream ended ${buffered} bytes into ${expected}`, offset + buffered);
      }
    },
  };
}

/**
 * Reads a whole AWS event stream into messages, checking both CRCs of each.
 * `serializeAwsEventStream` of the result gives the same bytes back.
 *
 * @example
 * ```ts
 * const messages = parseAwsEventStream(body); // body: Uint8Array
 * messages.map((message) => headerValue(message, ":event-type")); // ["chunk", "chunk", ...]
 * ```
 */
export function parseAwsEventStream(bytes: Uint8Array, options: AwsEventStreamParserOptions = {}): ParsedAwsEventStreamMessage[] {
  const messages: ParsedAwsEventStreamMessage[] = [];
  const parser = createAwsEventStreamParser({ ...options, onMessage: (message) => messages.push(message) });
  parser.feed(bytes);
  parser.end();
  return messages;
}

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index += 1) if (left[index] !== right[index]) return false;
  return true;
}

function hex(value: number): string {
  return value.toString(16).padStart(8, "0");
}
