import { readFileSync } from "node:fs";
import { cassettePath, listCassettes, listSyntheticCassettes, providerCassettePath, syntheticCassettePath } from "@tapedeck/fixtures";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { durationToMilliseconds } from "./model/duration.js";
import { layoutName } from "./model/layout.js";
import { parseCassette } from "./read/parse-cassette.js";
import { serializeCassette } from "./write/serialize-cassette.js";

const names = listCassettes();

describe("the recorded fixtures", () => {
  it("are the five recordings", () => {
    expect(names).toHaveLength(5);
  });

  it.each(names)("%s comes back byte for byte", (name) => {
    const text = readFileSync(cassettePath(name), "utf8");
    expect(serializeCassette(parseCassette(text, { source: name }))).toBe(text);
  });

  it.each(names)("%s is read in the writer's layout the README names", (name) => {
    const cassette = parseCassette(readFileSync(cassettePath(name), "utf8"));
    expect(layoutName(cassette.layout)).toBe(name.endsWith("together") ? "goccy" : "B");
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
});

describe("the synthetic fixtures", () => {
  const synthetic = listSyntheticCassettes();

  it("cover every new dialect's hosts", () => {
    expect(synthetic.length).toBeGreaterThanOrEqual(8);
  });

  it.each(synthetic)("%s comes back byte for byte", (name) => {
    const text = readFileSync(syntheticCassettePath(name), "utf8");
    expect(serializeCassette(parseCassette(text, { source: name }))).toBe(text);
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
