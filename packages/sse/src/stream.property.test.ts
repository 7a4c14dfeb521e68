import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeEventStream } from "./serialize.js";
import { parseEventStream } from "./parse.js";
import { EventStreamParserStream } from "./stream.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz` sets 100,000), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 300;

async function collect(pieces: Uint8Array[]) {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  const events = [];
  for await (const event of source.pipeThrough(new EventStreamParserStream())) events.push(event);
  return events;
}

describe("EventStreamParserStream on generated streams", () => {
  it("re-encodes any stream, cut anywhere, byte for byte", async () => {
    const line = fc.oneof(
      fc.constantFrom("data: ", "data:", ": ", ":", "event: ", "id: ", "retry: ", "x: ", ""),
      fc.string({ unit: fc.constantFrom("a", " ", ":", "é", "🎉", "{", "\"") , maxLength: 8 }),
    );
    const ending = fc.constantFrom("\n", "\r\n", "\r");
    const stream = fc
      .array(fc.tuple(line, fc.string({ maxLength: 6 }), ending), { maxLength: 12 })
      .map((lines) => lines.map(([head, body, end]) => head + body.replace(/[\r\n]/g, "") + end).join(""));
    await fc.assert(
      fc.asyncProperty(stream, fc.array(fc.nat(), { maxLength: 5 }), async (text, cuts) => {
        const bytes = new TextEncoder().encode(text);
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const pieces: Uint8Array[] = [];
        let start = 0;
        for (const point of points) {
          pieces.push(bytes.slice(start, point));
          start = point;
        }
        pieces.push(bytes.slice(start));
        const events = await collect(pieces);
        expect(events).toEqual(parseEventStream(text));
        expect(serializeEventStream(events)).toBe(text);
      }),
      { numRuns: runs },
    );
  });
});
