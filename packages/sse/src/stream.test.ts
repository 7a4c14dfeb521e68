import { describe, expect, it } from "vitest";
import { EventStreamError } from "./errors.js";
import { serializeEventStream } from "./serialize.js";
import { parseEventStream } from "./parse.js";
import { EventStreamParserStream } from "./stream.js";

async function collect(pieces: Array<string | Uint8Array>) {
  const source = new ReadableStream<string | Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  const events = [];
  for await (const event of source.pipeThrough(new EventStreamParserStream())) events.push(event);
  return events;
}

const sample =
  ': OPENROUTER PROCESSING\r\n\r\ndata: {"content":"2 × 3 = 6 🎉"}\r\ndata: more\r\n\r\nevent: x\nid: 1\n\ndata: [DONE]';

describe("EventStreamParserStream", () => {
  it("re-encodes byte for byte when the bytes are split at every boundary", async () => {
    const bytes = new TextEncoder().encode(sample);
    const whole = parseEventStream(sample);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const events = await collect([bytes.slice(0, cut), bytes.slice(cut)]);
      expect(events).toEqual(whole);
      expect(serializeEventStream(events)).toBe(sample);
    }
  });

  it("accepts text pieces too", async () => {
    const events = await collect([sample.slice(0, 10), sample.slice(10)]);
    expect(serializeEventStream(events)).toBe(sample);
  });

  it("refuses bytes that are not UTF-8 with a typed error on their line, rather than U+FFFD in an event", async () => {
    const before = new TextEncoder().encode('data: {"content":"ok"}\n\ndata: {"content":"caf');
    const after = new TextEncoder().encode('"}\n\n');
    const bytes = new Uint8Array([...before, 0xe9, ...after]);
    const error = await collect([bytes.subarray(0, 10), bytes.subarray(10)]).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(EventStreamError);
    expect(error).toMatchObject({ code: "invalid-utf8", line: 3 });
  });
});
