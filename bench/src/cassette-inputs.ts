import { readFileSync } from "node:fs";
import { type Cassette, cassetteLayouts, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { cassettePath, listCassettes } from "@tapedeck/fixtures";
import { textDeltas } from "./inputs.js";

export function fixtureTexts(): string[] {
  return listCassettes().map((name) => readFileSync(cassettePath(name), "utf8"));
}

/** A cassette of about `megabytes` MB in go-yaml's layout B: many interactions, each with a big SSE body. */
export function bigCassetteText(megabytes: number): string {
  const template = parseCassette(fixtureTexts()[2]!).interactions[0]!;
  const body = textDeltas(4_000).sse; // about 0.8 MB of events
  const count = Math.ceil((megabytes * 1024 * 1024) / body.length);
  const cassette: Cassette = {
    version: 2,
    layout: cassetteLayouts.B,
    interactions: Array.from({ length: count }, (_, id) => ({
      id,
      request: { ...template.request },
      response: { ...template.response, body },
    })),
  };
  return serializeCassette(cassette);
}
