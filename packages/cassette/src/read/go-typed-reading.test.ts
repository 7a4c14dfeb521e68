import { describe, expect, it } from "vitest";
import { CassetteError } from "../errors.js";
import { serializeCassette } from "../write/serialize-cassette.js";
import { checkCassette } from "../check/check-cassette.js";
import { parseCassette } from "./parse-cassette.js";

/*
 * Values as go-yaml v3 reads them into go-vcr's structs (decode.go, resolve.go),
 * each case once as Go writes it (the fast reader) and once with a comment in
 * front, which sends the same document through the general YAML reader.
 */

const cassette = (request: string[], response: string[] = ["    code: 200"], top: string[] = []) =>
  ["---", "version: 2", "interactions:", "- id: 0", "  request:", ...request, "  response:", ...response, ...top, ""].join("\n");

const readers = [
  ["Go's subset", (text: string) => text],
  ["the general reader", (text: string) => `# hand-written\n${text}`],
] as const;

function caught(run: () => unknown): CassetteError {
  try {
    run();
  } catch (error) {
    if (error instanceof CassetteError) return error;
    throw error;
  }
  throw new Error("expected a CassetteError");
}

describe.each(readers)("Go-typed reading through %s", (_reader, prepare) => {
  const lineShift = prepare("") === "" ? 0 : 1;

  it("reads plain numbers and booleans in string fields as their text", () => {
    const text = prepare(cassette(["    headers:", "      X-Count:", "      - 200", "      - true", "      - 1e400", "    url: u", "    method: GET"]));
    expect(parseCassette(text).interactions[0]!.request.headers).toEqual({ "X-Count": ["200", "true", "1e400"] });
  });

  it("keeps content_length exact past 2^53, and writes it back the same", () => {
    const text = prepare(cassette(["    content_length: 9223372036854775807", "    url: u", "    method: GET"]));
    const parsed = parseCassette(text);
    expect(parsed.interactions[0]!.request.contentLength).toBe(9223372036854775807n);
    expect(serializeCassette(parsed)).toContain("content_length: 9223372036854775807\n");
  });

  // yaml.v3 reads these into go-vcr's `Code int` (checked with tests/go-interop's program): so does tapedeck, keeping them.
  it.each([["0", 0], ["-1", -1], ["1000", 1000], ["9223372036854775807", 9223372036854775807n]] as const)("reads the status code %s as Go does, keeps it, and writes it back", (text, value) => {
    const parsed = parseCassette(prepare(cassette(["    url: u", "    method: GET"], [`    code: ${text}`])), { source: "c.yaml" });
    expect(parsed.interactions[0]!.response.code).toBe(value);
    expect(serializeCassette(parsed)).toContain(`code: ${text}\n`);
  });

  it("reads the most negative duration Go has, -2562047h47m16.854775808s, and refuses one nanosecond less", () => {
    const parsed = parseCassette(prepare(cassette(["    url: u", "    method: GET"], ["    code: 200", "    duration: -2562047h47m16.854775808s"])));
    expect(parsed.interactions[0]!.response.duration).toBe("-2562047h47m16.854775808s");
    const error = caught(() => parseCassette(prepare(cassette(["    url: u", "    method: GET"], ["    code: 200", "    duration: -2562047h47m16.854775809s"]))));
    expect([error.code, error.line]).toEqual(["invalid-value", 10 + lineShift]);
  });

  it("refuses a duration Go cannot parse where it stands", () => {
    const error = caught(() => parseCassette(prepare(cassette(["    url: u", "    method: GET"], ["    code: 200", "    duration: forever"]))));
    expect([error.code, error.line, error.column]).toEqual(["invalid-value", 10 + lineShift, 15]);
  });

  it("keeps integer-like unknown top-level keys in their order", () => {
    const text = prepare(cassette(["    url: u", "    method: GET"], ["    code: 200"], ["zeta: 1", "\"10\": 2", "\"2\": 3"]));
    const parsed = parseCassette(text);
    expect([...parsed.unknownFields!.keys()]).toEqual(["zeta", "10", "2"]);
    expect(serializeCassette(parsed)).toMatch(/zeta: 1\n"10": 2\n"2": 3\n$/);
  });

  it("treats true and \"true\" as one key of a header map, as Go does", () => {
    const text = prepare(cassette(["    headers:", "      true:", "      - a", "      \"true\":", "      - b", "    url: u", "    method: GET"]));
    expect(caught(() => parseCassette(text)).code).toBe("duplicate-key");
  });

  it("reads U+2028 in a literal block as Go writes it: the break, then the next line's indentation", () => {
    const text = prepare(cassette(["    body: |-", "      first\u2028      second", "    url: u", "    method: GET"]));
    expect(parseCassette(text).interactions[0]!.request.body).toBe("first\u2028second");
  });
});

describe("hand-written cassettes as go-yaml reads them", () => {
  it("applies merge keys", () => {
    const text = [
      "---",
      "version: 2",
      "base: &base",
      "  method: POST",
      "  url: https://example.test/v1",
      "interactions:",
      "- id: 0",
      "  request:",
      "    <<: *base",
      "    body: hello",
      "  response:",
      "    code: 200",
      "",
    ].join("\n");
    const request = parseCassette(text).interactions[0]!.request;
    expect([request.method, request.url, request.body]).toEqual(["POST", "https://example.test/v1", "hello"]);
  });

  it("reads the value under a tag go-yaml does not know, as Go does, and says the tag was ignored", () => {
    const parsed = parseCassette(cassette(["    url: !custom u", "    method: GET"]), { source: "t.yaml" });
    expect(parsed.interactions[0]!.request.url).toBe("u");
    expect(checkCassette(parsed).map(({ code, position }) => [code, position?.source, position?.line, position?.column])).toEqual([["ignored-tag", "t.yaml", 6, 10]]);
  });

  it("stops aliases whose expansion is too large, counted once per use", () => {
    const big = "x".repeat(1 << 20);
    const uses = Array.from({ length: 20 }, (_, index) => `  h${index}: [*big]`);
    const text = ["---", `big: &big "${big}"`, "version: 2", "headers:", ...uses, "interactions: []", ""].join("\n");
    expect(caught(() => parseCassette(text)).code).toBe("alias-limit");
    const few = ["---", `big: &big "${big}"`, "version: 2", "headers:", ...uses.slice(0, 4), "interactions: []", ""].join("\n");
    expect(parseCassette(few).unknownFields!.size).toBe(2);
  });

  it("reads a one-line flow cassette and writes it in the default layout", () => {
    const text = "{version: 2, interactions: [{id: 0, request: {url: u, method: GET}, response: {code: 200, body: ok}}]}\n";
    const parsed = parseCassette(text);
    const written = serializeCassette(parsed);
    expect(written.split("\n").every((line) => line.length < 40)).toBe(true);
    expect(parseCassette(written).interactions[0]!.response.body).toBe("ok");
  });

  it("reads 50k interactions", { timeout: 120_000 }, () => {
    const one = "- id: 0\n  request:\n    url: u\n    method: GET\n  response:\n    code: 200\n";
    const text = `---\nversion: 2\ninteractions:\n${one.repeat(50_000)}`;
    expect(parseCassette(text).interactions).toHaveLength(50_000);
  });
});
