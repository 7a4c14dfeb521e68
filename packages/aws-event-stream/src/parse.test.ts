import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32.js";
import { AwsEventStreamError } from "./errors.js";
import { headerValue, type ParsedAwsEventStreamMessage } from "./message.js";
import { createAwsEventStreamParser, parseAwsEventStream } from "./parse.js";
import { serializeAwsEventStream } from "./serialize.js";

const text = new TextEncoder();

/**
 * A frame built by hand from the layout in docs/framings.md ("aws-event-stream"), with
 * node:zlib's CRC-32: the three string headers Bedrock sends, and a payload.
 */
function handBuiltFrame(payload: string): Uint8Array {
  const header = (name: string, value: string) => [name.length, ...text.encode(name), 7, value.length >> 8, value.length & 0xff, ...text.encode(value)];
  const headers = [...header(":event-type", "chunk"), ...header(":content-type", "application/json"), ...header(":message-type", "event")];
  const body = text.encode(payload);
  const total = 12 + headers.length + body.length + 4;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, zlibCrc32(bytes.subarray(0, 8)));
  bytes.set(headers, 12);
  bytes.set(body, 12 + headers.length);
  view.setUint32(total - 4, zlibCrc32(bytes.subarray(0, total - 4)));
  return bytes;
}

const payload = '{"bytes":"eyJ0eXBlIjoibWVzc2FnZV9zdG9wIn0=","p":"abcdefghij"}';

function caught(run: () => unknown): AwsEventStreamError {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsEventStreamError) return error;
    throw error;
  }
  throw new Error("expected an AwsEventStreamError");
}

describe("crc32", () => {
  it("is zlib's CRC-32 (check value of 123456789, and random bytes against node:zlib)", () => {
    expect(crc32(text.encode("123456789"))).toBe(0xcbf43926);
    const bytes = new Uint8Array(1000).map((_, index) => (index * 7919) % 256);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(bytes, 500, 1000, crc32(bytes, 0, 500))).toBe(zlibCrc32(bytes));
  });
});

describe("parseAwsEventStream", () => {
  it("reads a hand-built frame: three string headers of 75 bytes, the payload, both CRCs; and writes it back byte for byte", () => {
    const frame = handBuiltFrame(payload);
    const [message, ...rest] = parseAwsEventStream(frame);
    expect(rest).toEqual([]);
    expect(message!.headers).toEqual([
      { name: ":event-type", type: "string", value: "chunk" },
      { name: ":content-type", type: "string", value: "application/json" },
      { name: ":message-type", type: "string", value: "event" },
    ]);
    expect(message!.headerBytes).toHaveLength(75);
    expect(new TextDecoder().decode(message!.payload)).toBe(payload);
    expect(headerValue(message!, ":event-type")).toBe("chunk");
    expect({ number: message!.number, offset: message!.offset }).toEqual({ number: 0, offset: 0 });
    expect(serializeAwsEventStream([message!])).toEqual(frame);
  });

  it("reads frames back to back, with their offsets and numbers", () => {
    const first = handBuiltFrame(payload);
    const second = handBuiltFrame('{"bytes":"e30=","p":"ab"}');
    const stream = new Uint8Array([...first, ...second]);
    const messages = parseAwsEventStream(stream);
    expect(messages.map((message) => [message.number, message.offset])).toEqual([
      [0, 0],
      [1, first.length],
    ]);
    expect(serializeAwsEventStream(messages)).toEqual(stream);
  });

  it("stops at one flipped payload byte with a message-CRC error at the CRC's offset", () => {
    const frame = handBuiltFrame(payload);
    frame[frame.length - 10]! ^= 0x01;
    const error = caught(() => parseAwsEventStream(frame));
    expect({ code: error.code, offset: error.offset, messageNumber: error.messageNumber }).toEqual({
      code: "message-crc-mismatch",
      offset: frame.length - 4,
      messageNumber: 0,
    });
  });

  it("stops at a flipped total_length byte with a prelude-CRC error, before waiting for the rest", () => {
    const frame = handBuiltFrame(payload);
    frame[2]! ^= 0x01;
    const seen: ParsedAwsEventStreamMessage[] = [];
    const parser = createAwsEventStreamParser({ onMessage: (message) => seen.push(message) });
    // Only the prelude is fed: the error comes at once.
    const error = caught(() => parser.feed(frame.subarray(0, 12)));
    expect({ code: error.code, offset: error.offset }).toEqual({ code: "prelude-crc-mismatch", offset: 8 });
    expect(seen).toEqual([]);
  });

  it("locates an error in the second frame by its offset in the stream", () => {
    const first = handBuiltFrame(payload);
    const second = handBuiltFrame(payload);
    second[second.length - 1]! ^= 0xff;
    const error = caught(() => parseAwsEventStream(new Uint8Array([...first, ...second])));
    expect({ code: error.code, offset: error.offset, messageNumber: error.messageNumber }).toEqual({
      code: "message-crc-mismatch",
      offset: first.length + second.length - 4,
      messageNumber: 1,
    });
    expect(error.message).toMatch(/^message 1, byte \d+: the message CRC is 0x/);
  });

  it("reports a stream cut inside a message as truncated", () => {
    const frame = handBuiltFrame(payload);
    expect(caught(() => parseAwsEventStream(frame.subarray(0, 5)))).toMatchObject({ code: "truncated", offset: 5 });
    expect(caught(() => parseAwsEventStream(frame.subarray(0, 40)))).toMatchObject({ code: "truncated", offset: 40 });
  });

  it("enforces the header and payload limits from the prelude alone", () => {
    const frame = handBuiltFrame(payload);
    expect(caught(() => parseAwsEventStream(frame, { maxHeadersLength: 74 }))).toMatchObject({ code: "headers-too-long", offset: 4 });
    expect(caught(() => parseAwsEventStream(frame, { maxPayloadLength: 10 }))).toMatchObject({ code: "payload-too-long", offset: 0 });
  });

  it("rejects lengths that cannot hold a frame, and a header of an unknown type", () => {
    const tiny = new Uint8Array(12);
    const view = new DataView(tiny.buffer);
    view.setUint32(0, 12);
    view.setUint32(8, zlibCrc32(tiny.subarray(0, 8)));
    expect(caught(() => parseAwsEventStream(tiny))).toMatchObject({ code: "invalid-length" });
    const frame = handBuiltFrame(payload);
    frame[12 + 1 + ":event-type".length] = 12;
    new DataView(frame.buffer).setUint32(frame.length - 4, zlibCrc32(frame.subarray(0, frame.length - 4)));
    expect(caught(() => parseAwsEventStream(frame))).toMatchObject({ code: "invalid-header", offset: 12 + 1 + ":event-type".length });
  });

  it("gives the same messages when the bytes are cut at every offset (inside the prelude, inside a header)", () => {
    const stream = new Uint8Array([...handBuiltFrame(payload), ...handBuiltFrame('{"bytes":"8J+OiQ==","p":"a"}')]);
    const whole = parseAwsEventStream(stream);
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const messages: ParsedAwsEventStreamMessage[] = [];
      const parser = createAwsEventStreamParser({ onMessage: (message) => messages.push(message) });
      parser.feed(stream.slice(0, cut));
      parser.feed(stream.slice(cut));
      parser.end();
      expect(messages.map(({ headers, payload, number, offset }) => ({ headers, payload: [...payload], number, offset }))).toEqual(
        whole.map(({ headers, payload, number, offset }) => ({ headers, payload: [...payload], number, offset })),
      );
    }
  });

  it("owns what it gives: a caller reusing its buffer does not change an earlier message", () => {
    const first = handBuiltFrame('{"n":1}');
    const second = handBuiltFrame('{"n":2}');
    const messages: ParsedAwsEventStreamMessage[] = [];
    const parser = createAwsEventStreamParser({ onMessage: (message) => messages.push(message) });
    const buffer = new Uint8Array(first.length);
    buffer.set(first);
    parser.feed(buffer);
    // The same buffer, refilled with the next frame, as a socket reader does.
    buffer.set(second);
    parser.feed(buffer);
    parser.end();
    expect(messages.map((message) => new TextDecoder().decode(message.payload))).toEqual(['{"n":1}', '{"n":2}']);
    expect(headerValue(messages[0]!, ":event-type")).toBe("chunk");
  });

  it("keeps a message cut across fed pieces whole when the caller refills its buffer before the message ends", () => {
    const frame = handBuiltFrame(payload);
    const parser = createAwsEventStreamParser({ onMessage: (message) => got.push(message) });
    const got: ParsedAwsEventStreamMessage[] = [];
    const buffer = new Uint8Array(frame.length);
    buffer.set(frame);
    parser.feed(buffer.subarray(0, 40));
    buffer.fill(0, 0, 40);
    parser.feed(buffer.subarray(40));
    parser.end();
    expect(serializeAwsEventStream(got)).toEqual(frame);
  });
});
