import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AwsEventStreamHeader, ParsedAwsEventStreamMessage } from "./message.js";
import { parseAwsEventStream } from "./parse.js";
import { serializeAwsEventStream } from "./serialize.js";
import { AwsEventStreamParserStream } from "./stream.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz` sets 100,000), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 300;

const header: fc.Arbitrary<AwsEventStreamHeader> = fc.oneof(
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), type: fc.constant("boolean" as const), value: fc.boolean() }),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), type: fc.constant("byte" as const), value: fc.integer({ min: -128, max: 127 }) }),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), type: fc.constant("short" as const), value: fc.integer({ min: -32768, max: 32767 }) }),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), type: fc.constant("integer" as const), value: fc.integer() }),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), type: fc.constant("long" as const), value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) }),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), type: fc.constant("timestamp" as const), value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) }),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), type: fc.constant("binary" as const), value: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), type: fc.constant("string" as const), value: fc.string({ unit: "grapheme", maxLength: 30 }) }),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), type: fc.constant("uuid" as const), value: fc.uuid() }),
);

const message = fc.record({ headers: fc.array(header, { maxLength: 6 }), payload: fc.uint8Array({ maxLength: 300 }) });

async function collect(pieces: Uint8Array[]): Promise<ParsedAwsEventStreamMessage[]> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  const messages: ParsedAwsEventStreamMessage[] = [];
  for await (const item of source.pipeThrough(new AwsEventStreamParserStream())) messages.push(item);
  return messages;
}

describe("AWS event streams of generated messages", () => {
  it("read back to the same messages and bytes, wherever the bytes are cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 6 }), async (messages, cuts) => {
        const bytes = serializeAwsEventStream(messages);
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const pieces: Uint8Array[] = [];
        let start = 0;
        for (const point of points) {
          pieces.push(bytes.slice(start, point));
          start = point;
        }
        pieces.push(bytes.slice(start));
        const read = await collect(pieces);
        const normalized = (list: ParsedAwsEventStreamMessage[]) => list.map(({ headers, payload }) => ({ headers: headers.map((item) => ({ ...item, value: item.value instanceof Uint8Array ? [...item.value] : item.value })), payload: [...payload] }));
        expect(normalized(read)).toEqual(normalized(parseAwsEventStream(bytes)));
        expect(normalized(read)).toEqual(normalized(messages.map((item, number) => ({ ...item, number, offset: 0, headerBytes: new Uint8Array() }))));
        expect(serializeAwsEventStream(read)).toEqual(bytes);
      }),
      { numRuns: runs },
    );
  });
});
