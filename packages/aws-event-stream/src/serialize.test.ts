import { EventStreamCodec } from "@smithy/eventstream-codec";
import { describe, expect, it } from "vitest";
import { AwsEventStreamError } from "./errors.js";
import type { AwsEventStreamHeader } from "./message.js";
import { parseAwsEventStream } from "./parse.js";
import { serializeAwsEventStreamMessage } from "./serialize.js";

const everyType: AwsEventStreamHeader[] = [
  { name: "yes", type: "boolean", value: true },
  { name: "no", type: "boolean", value: false },
  { name: "i8", type: "byte", value: -128 },
  { name: "i16", type: "short", value: 32767 },
  { name: "i32", type: "integer", value: -2147483648 },
  { name: "i64", type: "long", value: 9223372036854775807n },
  { name: "bytes", type: "binary", value: new Uint8Array([0, 255, 7]) },
  { name: "text", type: "string", value: "2 × 3 = 6 🎉" },
  { name: "when", type: "timestamp", value: 1758698589123n },
  { name: "id", type: "uuid", value: "0123abcd-4567-89ef-0123-456789abcdef" },
];

/** AWS's own codec, as the AWS SDKs use it. */
const smithy = new EventStreamCodec(
  (bytes) => new TextDecoder().decode(bytes),
  (text) => new TextEncoder().encode(text),
);

describe("serializeAwsEventStreamMessage", () => {
  it("round-trips a header of every type 0-9 (timestamp in ms, uuid as 16 bytes)", () => {
    const bytes = serializeAwsEventStreamMessage({ headers: everyType, payload: new TextEncoder().encode("{}") });
    const [message] = parseAwsEventStream(bytes);
    expect(message!.headers).toEqual(everyType);
    expect(serializeAwsEventStreamMessage(message!)).toEqual(bytes);
  });

  it("writes what AWS's codec reads, value for value", () => {
    const bytes = serializeAwsEventStreamMessage({ headers: everyType, payload: new TextEncoder().encode('{"a":1}') });
    const decoded = smithy.decode(bytes);
    expect(new TextDecoder().decode(decoded.body)).toBe('{"a":1}');
    expect(Object.keys(decoded.headers)).toEqual(everyType.map((header) => header.name));
    // AWS's Int64 keeps the 8 bytes exactly (its toString goes through a number and rounds).
    expect(decoded.headers.i64).toMatchObject({ type: "long" });
    expect([...(decoded.headers.i64!.value as { bytes: Uint8Array }).bytes]).toEqual([0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(decoded.headers.when).toEqual({ type: "timestamp", value: new Date(1758698589123) });
    expect(decoded.headers.id).toEqual({ type: "uuid", value: "0123abcd-4567-89ef-0123-456789abcdef" });
    expect(decoded.headers.text).toEqual({ type: "string", value: "2 × 3 = 6 🎉" });
    expect(decoded.headers.no).toEqual({ type: "boolean", value: false });
  });

  it("reads what AWS's codec writes, and writes the same bytes back", () => {
    const bytes = smithy.encode({
      headers: {
        ":event-type": { type: "string", value: "chunk" },
        ":message-type": { type: "string", value: "event" },
        count: { type: "integer", value: 42 },
        flag: { type: "boolean", value: true },
      },
      body: new TextEncoder().encode('{"bytes":"e30="}'),
    });
    const [message] = parseAwsEventStream(bytes);
    expect(message!.headers).toEqual([
      { name: ":event-type", type: "string", value: "chunk" },
      { name: ":message-type", type: "string", value: "event" },
      { name: "count", type: "integer", value: 42 },
      { name: "flag", type: "boolean", value: true },
    ]);
    expect(serializeAwsEventStreamMessage(message!)).toEqual(bytes);
  });

  it("keeps two headers of the same name, in order (AWS's codec, keyed by name, keeps one)", () => {
    const headers: AwsEventStreamHeader[] = [
      { name: "x", type: "string", value: "first" },
      { name: "x", type: "string", value: "second" },
    ];
    const bytes = serializeAwsEventStreamMessage({ headers, payload: new Uint8Array() });
    expect(parseAwsEventStream(bytes)[0]!.headers).toEqual(headers);
    expect(Object.values(smithy.decode(bytes).headers)).toEqual([{ type: "string", value: "second" }]);
  });

  it.each([
    ["a byte of 128", { name: "x", type: "byte", value: 128 }],
    ["a short of 1.5", { name: "x", type: "short", value: 1.5 }],
    ["a uuid that is not one", { name: "x", type: "uuid", value: "not-a-uuid" }],
    ["an empty name", { name: "", type: "string", value: "x" }],
    ["a string of 70,000 bytes", { name: "x", type: "string", value: "y".repeat(70_000) }],
  ] as Array<[string, AwsEventStreamHeader]>)("refuses a header its type cannot hold: %s", (_name, header) => {
    expect(() => serializeAwsEventStreamMessage({ headers: [header], payload: new Uint8Array() })).toThrow(AwsEventStreamError);
  });

  it.each([
    ["a name with a lone surrogate", { name: "x\uD800", type: "string", value: "y" }, "invalid-message"],
    ["a string value with a lone surrogate", { name: "x", type: "string", value: "\uDC00y" }, "invalid-message"],
  ] as Array<[string, AwsEventStreamHeader, string]>)("refuses what UTF-8 cannot carry rather than write U+FFFD: %s", (_name, header, code) => {
    const error = (() => {
      try {
        serializeAwsEventStreamMessage({ headers: [header], payload: new Uint8Array() });
      } catch (caught) {
        return caught as AwsEventStreamError;
      }
    })();
    expect(error?.code).toBe(code);
  });

  it("refuses what its own parser refuses: a header block over 128 KiB, a payload over the limit", () => {
    const big = (name: string) => ({ name, type: "string", value: "y".repeat(60_000) }) as AwsEventStreamHeader;
    // Three headers of 60,000 bytes each: every one fits its type, the block (about 180 KB) does not fit the parser's limit.
    const headers = [big("a"), big("b"), big("c")];
    const tooManyHeaders = (() => {
      try {
        serializeAwsEventStreamMessage({ headers, payload: new Uint8Array() });
      } catch (caught) {
        return caught as AwsEventStreamError;
      }
    })();
    expect(tooManyHeaders?.code).toBe("headers-too-long");
    const payload = new Uint8Array(11);
    expect(() => serializeAwsEventStreamMessage({ headers: [], payload }, 0, { maxPayloadLength: 10 })).toThrow(/maxPayloadLength \(10\)/);
    // Within the limits, what is written reads back.
    const written = serializeAwsEventStreamMessage({ headers: [big("a"), big("b")], payload }, 0, { maxPayloadLength: 11 });
    expect(parseAwsEventStream(written, { maxPayloadLength: 11 })[0]!.payload).toEqual(payload);
  });
});
