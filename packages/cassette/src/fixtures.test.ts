import { readFileSync } from "node:fs";
import { cassettePath, listCassettes, providerCassettePath } from "@tapedeck/fixtures";
import { formatEventStream, parseEventStream } from "@tapedeck/sse";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { bodyText, chunkPayloads, isEventStream } from "./event-stream.js";
import { durationToMilliseconds } from "./model/duration.js";
import { dialectOf } from "./model/format.js";
import { parseCassette } from "./read/parse-cassette.js";
import { stringifyCassette } from "./write/stringify-cassette.js";

const names = listCassettes();

describe("the recorded fixtures", () => {
  it("are the five recordings", () => {
    expect(names).toHaveLength(5);
  });

  it.each(names)("%s comes back byte for byte", (name) => {
    const text = readFileSync(cassettePath(name), "utf8");
    expect(stringifyCassette(parseCassette(text, { source: name }))).toBe(text);
  });

  it.each(names)("%s is read in the writer's layout the README names", (name) => {
    const cassette = parseCassette(readFileSync(cassettePath(name), "utf8"));
    expect(dialectOf(cassette.format)).toBe(name.endsWith("together") ? "goccy" : "B");
  });

  it.each(names)("%s agrees with an independent YAML reader, field by field", (name) => {
    const text = readFileSync(cassettePath(name), "utf8");
    const independent = parseYaml(text) as {
      interactions: Array<{ id: number; request: Record<string, unknown>; response: Record<string, unknown> }>;
    };
    const cassette = parseCassette(text);
    expect(cassette.interactions).toHaveLength(independent.interactions.length);
    cassette.interactions.forEach((interaction, index) => {
      const expected = independent.interactions[index]!;
      expect(interaction.id).toBe(expected.id);
      expect(interaction.request).toEqual({
        proto: expected.request.proto,
        protoMajor: expected.request.proto_major,
        protoMinor: expected.request.proto_minor,
        contentLength: expected.request.content_length,
        host: expected.request.host,
        body: expected.request.body,
        headers: expected.request.headers,
        url: expected.request.url,
        method: expected.request.method,
      });
      expect(interaction.response).toEqual({
        proto: expected.response.proto,
        protoMajor: expected.response.proto_major,
        protoMinor: expected.response.proto_minor,
        contentLength: expected.response.content_length,
        body: expected.response.body,
        headers: expected.response.headers,
        status: expected.response.status,
        code: expected.response.code,
        duration: expected.response.duration,
      });
      expect(Buffer.byteLength(interaction.request.body as string)).toBe(expected.request.content_length);
    });
  });

  it.each(names)("%s has event-stream bodies that re-encode byte for byte", (name) => {
    const cassette = parseCassette(readFileSync(cassettePath(name), "utf8"));
    for (const { response } of cassette.interactions) {
      expect(isEventStream(response)).toBe(true);
      const body = bodyText(response.body);
      expect(formatEventStream(parseEventStream(body))).toBe(body);
    }
  });
});

describe("chunkPayloads", () => {
  const novita = parseCassette(readFileSync(providerCassettePath("novita"), "utf8"));

  it("gives each JSON payload with its event number and line, without [DONE]", () => {
    const payloads = chunkPayloads(novita.interactions[0]!);
    const body = bodyText(novita.interactions[0]!.response.body);
    const dataLines = body.split("\n").filter((line) => line.startsWith("data: "));
    expect(dataLines.at(-1)).toBe("data: [DONE]");
    expect(payloads).toHaveLength(dataLines.length - 1);
    expect(payloads[0]).toMatchObject({ eventNumber: 0, chunkNumber: 0, line: 1 });
    expect(payloads[1]).toMatchObject({ eventNumber: 1, chunkNumber: 1, line: 3 });
    expect(payloads[0]!.json).toMatchObject({ id: "gen-1758698589-7cPkQEXkEFIxtlQrSoT4", provider: "Novita" });
    expect(payloads.at(-1)!.json).toMatchObject({ usage: { prompt_tokens: 154, completion_tokens: 40, total_tokens: 194 } });
  });

  it("names the line of a payload that is not JSON", () => {
    const interaction = structuredClone(novita.interactions[0]!);
    interaction.response.body = 'data: {"ok":true}\n\ndata: {not json\n\n';
    expect(() => chunkPayloads(interaction, { source: "x.yaml" })).toThrow(
      expect.objectContaining({ code: "invalid-json", line: 3, source: "x.yaml" }),
    );
  });

  it("tells an event stream from a JSON response", () => {
    expect(isEventStream({ code: 200, headers: { "content-type": ["application/json"] }, body: "{}" })).toBe(false);
    expect(isEventStream({ code: 200, headers: { "Content-Type": ["text/event-stream; charset=utf-8"] } })).toBe(true);
    expect(isEventStream({ code: 200, body: "data: {}\n\n" })).toBe(true);
  });
});

describe("durations", () => {
  it("reads the recorded durations in milliseconds", () => {
    expect(durationToMilliseconds(novitaDuration())).toBeCloseTo(1989.344792, 6);
  });

  function novitaDuration(): string {
    const cassette = parseCassette(readFileSync(providerCassettePath("novita"), "utf8"));
    return cassette.interactions[0]!.response.duration!;
  }
});
