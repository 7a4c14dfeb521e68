import { describe, expect, it } from "vitest";
import { EventStreamError } from "./errors.js";
import { serializeEventStream } from "./serialize.js";
import { eventLines } from "./lines.js";
import { createEventStreamParser, parseEventStream } from "./parse.js";

const openRouterStream =
  ": OPENROUTER PROCESSING\r\n\r\n" +
  'data: {"id":"a","choices":[]}\r\n\r\n' +
  "event: message\r\nid: 7\r\nretry: 1500\r\ndata: first line\r\ndata:second line\r\n\r\n" +
  "data\r\n\r\n" +
  "\r\n" +
  "x-unknown: kept\r\n\r\n" +
  "data: [DONE]\r\n\r\n";

describe("parseEventStream", () => {
  it("reads data, event, id, retry and comments as the specification says", () => {
    const events = parseEventStream(openRouterStream);
    expect(events.map((event) => event.data)).toEqual([
      undefined,
      '{"id":"a","choices":[]}',
      "first line\nsecond line",
      "",
      undefined,
      undefined,
      "[DONE]",
    ]);
    expect(events[0]?.comments).toEqual(["OPENROUTER PROCESSING"]);
    expect(events[2]).toMatchObject({ event: "message", id: "7", retry: 1500, line: 5, number: 2 });
    expect(eventLines(events[4]!.raw)).toEqual({ lines: [], end: "\r\n" });
    expect(eventLines(events[5]!.raw).lines).toEqual([{ name: "x-unknown", value: "kept", space: true, end: "\r\n" }]);
    expect(events.map((event) => event.raw).join("")).toBe(openRouterStream);
  });

  it("ignores a retry that is not a whole number", () => {
    expect(parseEventStream("retry: soon\ndata: x\n\n")[0]?.retry).toBeUndefined();
  });

  it("numbers events and their first lines", () => {
    const events = parseEventStream("data: a\n\n\ndata: b\ndata: c\n\ndata: d\n\n");
    expect(events.map((event) => [event.number, event.line, event.data])).toEqual([
      [0, 1, "a"],
      [1, 3, undefined],
      [2, 4, "b\nc"],
      [3, 7, "d"],
    ]);
  });

  it("keeps a last event that no blank line ended, and says so", () => {
    const events = parseEventStream('data: {"a":1}\n\ndata: {"cut');
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ data: '{"cut', raw: 'data: {"cut' });
    expect(eventLines(events[1]!.raw)).toEqual({ lines: [{ name: "data", value: '{"cut', space: true, end: "" }], end: "" });
  });

  it.each([
    ["LF", "data: a\n\ndata: [DONE]\n\n"],
    ["CRLF", "data: a\r\n\r\ndata: [DONE]\r\n\r\n"],
    ["CR", "data: a\r\rdata: [DONE]\r\r"],
    ["mixed line ends", "data: a\r\n\ndata: b\r\rdata: c\n\r\n"],
    ["comments", ": ping\n:\n:no space\n\ndata: a\n\n"],
    ["no space after the colon", "data:a\nevent:x\n\n"],
    ["two spaces after the colon", "data:  a\n\n"],
    ["multi-line data", "data: one\ndata: two\ndata:\ndata: four\n\n"],
    ["a field without a colon", "data\n\nevent\n\n"],
    ["no final [DONE]", 'data: {"a":1}\n\n'],
    ["no trailing blank line", "data: a\n\ndata: [DONE]\n"],
    ["no trailing line break at all", "data: a\n\ndata: [DONE]"],
    ["a trailing lone CR", "data: a\r"],
    ["extra blank lines", "\n\ndata: a\n\n\n\ndata: b\n\n"],
    ["unknown fields", "foo: bar\ndata: a\n\n"],
    ["empty input", ""],
    ["non-ASCII and emoji", "data: 2 × 3 = 6 🎉\n\n"],
  ])("writes %s back byte for byte", (_name, text) => {
    expect(serializeEventStream(parseEventStream(text))).toBe(text);
  });

  it("throws a located, typed error for a line longer than the limit", () => {
    const text = `data: ok\n\ndata: ${"x".repeat(100)}\n\n`;
    expect(() => parseEventStream(text, { maxLineLength: 50 })).toThrow(EventStreamError);
    try {
      parseEventStream(text, { maxLineLength: 50 });
    } catch (error) {
      expect(error).toMatchObject({ code: "line-too-long", line: 3 });
    }
  });

  it("stops buffering an unfinished line once it passes the limit", () => {
    const parser = createEventStreamParser({ maxLineLength: 10, onEvent: () => {} });
    parser.feed("data: 1234");
    expect(() => parser.feed("567890")).toThrow(/maxLineLength/);
  });
});

describe("a byte-order mark at the start", () => {
  const text = '\uFEFFdata: {"a":1}\r\n\r\ndata: [DONE]\r\n\r\n';

  it("is ignored as the SSE specification says, whole or fed in pieces, and kept in raw", () => {
    const whole = parseEventStream(text);
    expect(whole.map((event) => event.data)).toEqual(['{"a":1}', "[DONE]"]);
    expect(whole[0]!.raw.startsWith("\uFEFF")).toBe(true);
    expect(serializeEventStream(whole)).toBe(text);
    for (let cut = 0; cut <= text.length; cut += 1) {
      const events: unknown[] = [];
      const parser = createEventStreamParser({ onEvent: (event) => events.push(event) });
      parser.feed(text.slice(0, cut));
      parser.feed(text.slice(cut));
      parser.end();
      expect(events).toEqual(whole);
    }
  });

  it("is data anywhere else", () => {
    expect(parseEventStream("data: a\n\n\uFEFFdata: b\n\n")[1]?.data).toBeUndefined();
  });
});

describe("createEventStreamParser", () => {
  it("gives the same events wherever the text is cut", () => {
    const whole = parseEventStream(openRouterStream);
    for (let cut = 0; cut <= openRouterStream.length; cut += 1) {
      const events: unknown[] = [];
      const parser = createEventStreamParser({ onEvent: (event) => events.push(event) });
      parser.feed(openRouterStream.slice(0, cut));
      parser.feed(openRouterStream.slice(cut));
      parser.end();
      expect(events).toEqual(whole);
    }
  });

  it("gives the same events when fed one character at a time", () => {
    const events: unknown[] = [];
    const parser = createEventStreamParser({ onEvent: (event) => events.push(event) });
    for (const character of openRouterStream) parser.feed(character);
    parser.end();
    expect(events).toEqual(parseEventStream(openRouterStream));
  });

  it("keeps a byte-order mark on a line of its own as an event of its own, whole or cut anywhere, and every byte once", () => {
    // Found by tests/fuzz: the first event's text ran on to the next blank line, so the second event's text was in it twice.
    const text = "\ufeff\nevent: a\ndata: x\n\ndata: y\n\n";
    const expected = ["\ufeff\n", "event: a\ndata: x\n\n", "data: y\n\n"];
    expect(parseEventStream(text).map((event) => event.raw)).toEqual(expected);
    for (let cut = 0; cut <= text.length; cut += 1) {
      const raws: Array<string | undefined> = [];
      const parser = createEventStreamParser({ onEvent: (event) => raws.push(event.raw) });
      parser.feed(text.slice(0, cut));
      parser.feed(text.slice(cut));
      parser.end();
      expect(raws, `cut at ${cut}`).toEqual(expected);
    }
    expect(serializeEventStream(parseEventStream(text))).toBe(text);
  });
});
