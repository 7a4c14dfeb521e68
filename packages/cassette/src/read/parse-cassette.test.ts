import { describe, expect, it } from "vitest";
import { CassetteError, type CassetteErrorCode } from "../errors.js";
import { checkCassette } from "../check/check-cassette.js";
import { parseCassette } from "./parse-cassette.js";

const interaction = (request: string[], response: string[] = ["    code: 200"]) => [
  "---",
  "version: 2",
  "interactions:",
  "- id: 0",
  "  request:",
  ...request,
  "  response:",
  ...response,
  "",
];

const broken: Array<[string, string, CassetteErrorCode, number, number, RegExp]> = [
  ["an empty file", "", "missing-field", 1, 1, /empty; expected a mapping/],
  ["a truncated flow sequence", "---\nversion: 2\ninteractions: [\n", "invalid-yaml", 4, 1, /./],
  ["a tab as indentation", "---\nversion: 2\ninteractions:\n\t- id: 0\n", "invalid-yaml", 4, 1, /[Tt]ab/],
  ["an unterminated quote", '---\nversion: 2\ninteractions:\n- id: "0\n', "invalid-yaml", 5, 1, /closing "quote/],
  ["a list instead of a cassette", "- a\n- b\n", "wrong-type", 1, 1, /the cassette must be a mapping, found a sequence/],
  ["version 3", "---\nversion: 3\ninteractions: []\n", "unsupported-version", 2, 10, /version is 3; tapedeck reads go-vcr cassettes of version 2/],
  ["a quoted version", '---\nversion: "2"\ninteractions: []\n', "wrong-type", 2, 10, /version must be an integer, found the string "2"/],
  ["interactions as a mapping", "---\nversion: 2\ninteractions:\n  a: 1\n", "wrong-type", 4, 3, /interactions must be a sequence, found a mapping/],
  ["a duplicate key", "---\nversion: 2\nversion: 2\ninteractions: []\n", "duplicate-key", 3, 1, /unique/],
  ["a quoted proto_major", interaction(["    proto_major: \"1\"", "    url: u", "    method: GET"]).join("\n"), "wrong-type", 6, 18, /proto_major must be an integer, found the string "1"/],
  ["headers as a list", interaction(["    headers:", "    - a", "    url: u", "    method: GET"]).join("\n"), "wrong-type", 7, 5, /headers must be a mapping from names to lists of strings, found a sequence/],
  ["a header value that is not a list", interaction(["    headers:", "      Accept: text/plain", "    url: u", "    method: GET"]).join("\n"), "wrong-type", 7, 15, /headers.Accept must be a sequence of strings/],
  ["a body that is a list", interaction(["    body: [a]", "    url: u", "    method: GET"]).join("\n"), "wrong-type", 6, 11, /body must be a string or !!binary bytes, found a sequence/],
];

// What yaml.v3 reads into go-vcr's structs (checked with tests/go-interop's program), tapedeck reads to the same values,
// and `checkCassette` says what Go's reading changed.
const readAsGo: Array<[string, string, (cassette: ReturnType<typeof parseCassette>) => unknown, unknown, string[]]> = [
  ["no interactions", "---\nversion: 2\n", (c) => c.interactions, [], ["missing-field"]],
  ["an interaction without a request", "---\nversion: 2\ninteractions:\n- id: 0\n  response:\n    code: 200\n", (c) => c.interactions[0]!.request, { url: "", method: "" }, ["missing-field"]],
  ["a request without a url", interaction(["    method: GET"]).join("\n"), (c) => c.interactions[0]!.request.url, "", ["missing-field"]],
  ["a fractional code", interaction(["    url: u", "    method: GET"], ["    code: 200.5"]).join("\n"), (c) => c.interactions[0]!.response.code, 200, ["dropped-fraction"]],
  ["a negative fractional code", interaction(["    url: u", "    method: GET"], ["    code: -1.9"]).join("\n"), (c) => c.interactions[0]!.response.code, -1, ["dropped-fraction", "status-code"]],
  ["a null url", interaction(["    url: null", "    method: GET"]).join("\n"), (c) => c.interactions[0]!.request.url, "", ["missing-field"]],
  ["a quoted yes in a bool", interaction(["    url: u", "    method: GET"], ["    uncompressed: \"yes\"", "    code: 200"]).join("\n"), (c) => c.interactions[0]!.response.uncompressed, true, []],
];

describe("parseCassette reads what Go reads", () => {
  it.each(readAsGo)("%s", (_name, text, pick, value, findings) => {
    const cassette = parseCassette(text, { source: "go.yaml" });
    expect(pick(cassette)).toEqual(value);
    expect(checkCassette(cassette).map((finding) => finding.code)).toEqual(findings);
  });

  it("refuses a quoted \"true\" in a bool, as yaml.v3 does (only YAML 1.1's words are read from strings)", () => {
    expect(() => parseCassette(interaction(["    url: u", "    method: GET"], ["    uncompressed: \"true\"", "    code: 200"]).join("\n"))).toThrow(/uncompressed must be a boolean/);
  });
});

describe("parseCassette errors", () => {
  it.each(broken)("rejects %s", (_name, text, code, line, column, message) => {
    let caught: unknown;
    try {
      parseCassette(text, { source: "broken.yaml" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CassetteError);
    const error = caught as CassetteError;
    expect({ code: error.code, line: error.line, column: error.column, source: error.source }).toEqual({
      code,
      line,
      column,
      source: "broken.yaml",
    });
    expect(error.detail).toMatch(message);
    expect(error.format()).toBe(`broken.yaml:${line}:${column}: ${code}: ${error.detail}`);
  });

  // Interactions are built as they are read; what the root says is looked at after. Errors and notes still come in document order.
  it("reports a wrong version before a broken interaction, as when the cassette was read whole", () => {
    const text = interaction(["    proto_major: x", "    url: u", "    method: GET"]).join("\n").replace("version: 2", "version: 3");
    expect(() => parseCassette(text)).toThrow(expect.objectContaining({ code: "unsupported-version", line: 2 }));
  });

  it("reports a duplicate `interactions` key, not what its interactions hold", () => {
    const text = `${interaction(["    url: u", "    method: GET"]).join("\n")}interactions:\n- id: x\n`;
    expect(() => parseCassette(text)).toThrow(expect.objectContaining({ code: "duplicate-key", line: 10 }));
  });

  it("keeps notes in document order, the root's before its interactions'", () => {
    const text = interaction(["    method: GET"], ["    code: 200.5"]).join("\n").replace("version: 2", "version: 2.5");
    expect(checkCassette(parseCassette(text)).map((finding) => [finding.code, finding.position?.line])).toEqual([
      ["dropped-fraction", 2],
      ["missing-field", 6],
      ["dropped-fraction", 8],
    ]);
  });

  it("stops an alias bomb", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 8; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const text = `---\nversion: 2\ninteractions: []\n${levels.join("\n")}\n`;
    expect(() => parseCassette(text)).toThrow(expect.objectContaining({ code: "alias-limit" }));
  });

  it("rejects input over the size limit before parsing it", () => {
    expect(() => parseCassette("x".repeat(101), { maxInputLength: 100 })).toThrow(
      expect.objectContaining({ code: "too-large" }),
    );
  });

  it("reads null fields as Go's zero values", () => {
    const cassette = parseCassette(interaction(["    body: null", "    url: u", "    method: GET"]).join("\n"));
    expect(cassette.interactions[0]!.request.body).toBeUndefined();
  });

  it("keeps a __proto__ header as plain data", () => {
    const cassette = parseCassette(interaction(["    headers:", "      __proto__:", "      - x", "    url: u", "    method: GET"]).join("\n"));
    const headers = cassette.interactions[0]!.request.headers!;
    expect(Object.keys(headers)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(headers, "__proto__")?.value).toEqual(["x"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
