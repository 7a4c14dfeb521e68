import { describe, expect, it } from "vitest";
import { serializeEventStream } from "./serialize.js";
import { parseEventStream } from "./parse.js";

describe("serializeEventStream", () => {
  it("writes plain events in the usual form", () => {
    expect(
      serializeEventStream([
        { comments: ["OPENROUTER PROCESSING"] },
        { event: "delta", id: "1", retry: 10, data: "a\nb" },
        { data: "[DONE]" },
      ]),
    ).toBe(": OPENROUTER PROCESSING\n\nevent: delta\nid: 1\nretry: 10\ndata: a\ndata: b\n\ndata: [DONE]\n\n");
  });

  it("writes an edited event in the usual form instead of its stale lines", () => {
    const [event] = parseEventStream("data:old\r\n\r\n");
    expect(serializeEventStream([{ ...event!, data: "new" }])).toBe("data: new\n\n");
    expect(serializeEventStream([event!])).toBe("data:old\r\n\r\n");
  });

  it("reads back what it writes", () => {
    const events = [{ data: "x" }, { event: "e", data: "multi\nline" }, { comments: ["c"] }];
    const again = parseEventStream(serializeEventStream(events));
    expect(again.map(({ data, event, comments }) => ({ data, event, comments }))).toEqual([
      { data: "x", event: undefined, comments: undefined },
      { data: "multi\nline", event: "e", comments: undefined },
      { data: undefined, event: undefined, comments: ["c"] },
    ]);
  });
});
