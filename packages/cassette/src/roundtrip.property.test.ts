import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import type { Cassette } from "./model/cassette.js";
import { cassetteLayouts } from "./model/layout.js";
import { parseCassette } from "./read/parse-cassette.js";
import { serializeCassette } from "./write/serialize-cassette.js";
import { interaction, layoutNames, withIds } from "./test/cassette-arbitrary.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz` sets 100,000), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 200;

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
