import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import type { Cassette } from "./model/cassette.js";
import { cassetteLayouts } from "./model/layout.js";
import { parseCassette } from "./read/parse-cassette.js";
import { serializeCassette } from "./write/serialize-cassette.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz` sets 100,000), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 200;

// Strings mixing what makes Go's writers pick each style: quotes, indicators,
// line breaks, tabs, non-ASCII, emoji, control characters and YAML words.
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", " ", "\n", ":", "#", "-", "'", '"', "\\", "{", "\t", "é", "×", "🎉", "\r", "\u0085", "\u00a0", "\u0007", "1", ".") }),
  fc.constantFrom("", "true", "null", "~", "yes", "0x1F", "1:30", "2025-09-22", "1e3", "<<", ".5", "-", "data: {}\n\n"),
  fc.string({ unit: "binary", maxLength: 12 }),
);

// HTTP header values cannot hold line breaks.
const headerValue = text.map((value) => value.replace(/[\r\n\u0085\u2028\u2029]/g, ""));
const headers = fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/), fc.array(headerValue, { maxLength: 2 }), {
  maxKeys: 3,
});

const interaction = fc.record({
  request: fc.record({
    proto: fc.constantFrom("HTTP/1.1", "HTTP/2.0"),
    protoMajor: fc.nat(3),
    protoMinor: fc.nat(3),
    contentLength: fc.integer({ min: -1, max: 100000 }),
    host: text,
    body: text,
    headers,
    url: text,
    method: fc.constantFrom("GET", "POST"),
  }),
  response: fc.record({
    proto: fc.constant("HTTP/2.0"),
    protoMajor: fc.constant(2),
    protoMinor: fc.constant(0),
    contentLength: fc.integer({ min: -1, max: 100000 }),
    body: text,
    headers,
    status: text,
    code: fc.integer({ min: 100, max: 599 }),
    duration: fc.constantFrom("0s", "1.5s", "662.265667ms", "1h0m0s"),
  }),
});

const layoutNames = fc.constantFrom(...(Object.keys(cassetteLayouts) as Array<keyof typeof cassetteLayouts>));

function withIds(interactions: Array<Omit<Cassette["interactions"][number], "id">>): Cassette["interactions"] {
  return interactions.map((item, id) => ({ id, ...item })) as Cassette["interactions"];
}

describe("serialize(parse(x)) === x for generated cassettes", () => {
  it("in every layout, and the values survive an independent YAML reader", () => {
    fc.assert(
      fc.property(fc.array(interaction, { minLength: 1, maxLength: 3 }), layoutNames, (interactions, name) => {
        const layout = cassetteLayouts[name];
        const cassette: Cassette = { version: 2, layout, interactions: withIds(interactions) };
        const text = serializeCassette(cassette);
        const parsed = parseCassette(text);
        if (layout.writer === "goccy" && parsed.layout.writer !== "goccy") {
          // No scalar tells goccy from go-yaml here: both write these values alike, so layout A reads as right.
          expect(parsed.layout).toEqual(cassetteLayouts.A);
          expect(serializeCassette({ ...cassette, layout: cassetteLayouts.A })).toBe(text);
        } else expect(parsed.layout).toEqual(layout);
        expect(serializeCassette(parsed)).toBe(text);
        const independent = parseYaml(text) as { interactions: Array<{ request: { body: string; url: string }; response: { body: string; status: string } }> };
        cassette.interactions.forEach((item, index) => {
          // An empty request body and empty request headers are omitted (go-vcr's omitempty).
          expect(parsed.interactions[index]!.request.body ?? "").toBe(item.request.body);
          expect(parsed.interactions[index]!.response.body).toBe(item.response.body);
          expect({ ...parsed.interactions[index]!.request.headers }).toEqual(item.request.headers);
          expect(independent.interactions[index]!.request.url).toBe(item.request.url);
          expect(independent.interactions[index]!.response.status).toBe(item.response.status);
        });
      }),
      { numRuns: runs },
    );
  });
});
