import { readFileSync } from "node:fs";
import { bodyText, type Cassette, parseCassette } from "@tapedeck/cassette";
import { type Provider, providerCassettePath } from "@tapedeck/fixtures";

export function loadFixture(provider: Provider): Cassette {
  return parseCassette(readFileSync(providerCassettePath(provider), "utf8"));
}

/** The recorded request of an interaction as `fetch` arguments, its JSON body re-serialized with keys reversed. */
export function recordedRequest(cassette: Cassette, index: number): [string, RequestInit] {
  const { request } = cassette.interactions[index]!;
  const reorder = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reorder)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reorder(item)]))
        : value;
  const body = JSON.stringify(reorder(JSON.parse(bodyText(request.body))));
  return [request.url, { method: request.method, headers: { "content-type": "application/json", accept: "application/json" }, body }];
}
