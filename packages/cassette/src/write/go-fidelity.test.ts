import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { type Cassette, CassetteError, cassetteLayouts, type CassetteLayoutName } from "../index.js";
import { parseCassette } from "../read/parse-cassette.js";
import { serializeCassette } from "./serialize-cassette.js";

/*
 * Go fidelity, one numbered class of issue 13 each. The expected bytes of
 * layouts C and D are yaml.v3's own output (Marshal; Encoder with indent 2),
 * produced by tests/go-interop/go for the cassette below; the other layouts
 * are checked by reading back, with tapedeck and with an independent reader.
 */

const longKey = "K".repeat(130);
const cassette = (layout: CassetteLayoutName): Cassette => ({
  version: 2,
  layout: cassetteLayouts[layout],
  interactions: [
    {
      id: 0,
      request: {
        proto: "HTTP/1.1",
        protoMajor: 1,
        protoMinor: 1,
        contentLength: 0,
        host: "",
        body: "x\u2028y",
        headers: { [longKey]: ["a", "b"], "X-\nLine": ["c"], Merge: ["<<"] },
        url: "https://api.example.test/v1",
        method: "POST",
      },
      response: { proto: "HTTP/1.1", protoMajor: 1, protoMinor: 1, contentLength: -1, body: "ok", headers: { "Content-Type": ["text/plain"] }, status: "200 OK", code: 200, duration: "0s" },
    },
  ],
});

const byGo: Partial<Record<CassetteLayoutName, string>> = {
  C: `---\nversion: 2\ninteractions:\n    - id: 0\n      request:\n        proto: HTTP/1.1\n        proto_major: 1\n        proto_minor: 1\n        content_length: 0\n        host: ""\n        body: 'x\u2028            y'\n        headers:\n            ? ${longKey}\n            :   - a\n                - b\n            Merge:\n                - <<\n            ? |-\n                X-\n                Line\n            :   - c\n        url: https://api.example.test/v1\n        method: POST\n      response:\n        proto: HTTP/1.1\n        proto_major: 1\n        proto_minor: 1\n        content_length: -1\n        body: ok\n        headers:\n            Content-Type:\n                - text/plain\n        status: 200 OK\n        code: 200\n        duration: 0s\n`,
  D: `---\nversion: 2\ninteractions:\n  - id: 0\n    request:\n      proto: HTTP/1.1\n      proto_major: 1\n      proto_minor: 1\n      content_length: 0\n      host: ""\n      body: 'x\u2028        y'\n      headers:\n        ? ${longKey}\n        : - a\n          - b\n        Merge:\n          - <<\n        ? |-\n          X-\n          Line\n        : - c\n      url: https://api.example.test/v1\n      method: POST\n    response:\n      proto: HTTP/1.1\n      proto_major: 1\n      proto_minor: 1\n      content_length: -1\n      body: ok\n      headers:\n        Content-Type:\n          - text/plain\n      status: 200 OK\n      code: 200\n      duration: 0s\n`,
};

describe("complex keys (class 2), LS in quoted text (class 5) and a `<<` value, as yaml.v3 writes and reads them", () => {
  it.each(["C", "D"] as const)("reads Go's layout %s to the values and writes Go's bytes", (layout) => {
    const parsed = parseCassette(byGo[layout]!);
    expect(parsed.layout).toEqual(cassetteLayouts[layout]);
    expect(parsed.interactions).toEqual(cassette(layout).interactions);
    expect(serializeCassette(cassette(layout))).toBe(byGo[layout]);
  });

  it.each(["A", "B", "C", "D", "goccy"] as const)("writes layout %s so that tapedeck and another reader read the values back", (layout) => {
    const text = serializeCassette(cassette(layout));
    expect(parseCassette(text).interactions).toEqual(cassette(layout).interactions);
    const independent = parse(text) as { interactions: Array<{ request: { headers: Record<string, string[]> } }> };
    // The other reader keeps the break's indentation in quoted text (YAML 1.2), so only the headers are compared there.
    expect(independent.interactions[0]!.request.headers).toEqual(cassette(layout).interactions[0]!.request.headers);
  });
});

describe("goccy: values goccy writes plain that other readers misread (classes 4 and 6)", () => {
  it.each(["?", "? a", ".inf", "-.Inf", ".nan", ".NaN"])("quotes %j, and it reads back", (value) => {
    const text = serializeCassette({ ...cassette("goccy"), interactions: [{ ...cassette("goccy").interactions[0]!, response: { code: 200, status: value, body: "" } }] });
    expect(text).toContain(`status: ${JSON.stringify(value)}\n`);
    expect(parseCassette(text).interactions[0]!.response.status).toBe(value);
    expect((parse(text) as { interactions: Array<{ response: { status: string } }> }).interactions[0]!.response.status).toBe(value);
  });

  it("writes a long key and a key with a line break on their line, as goccy does", () => {
    const text = serializeCassette(cassette("goccy"));
    expect(text).toContain(`\n      ${longKey}:\n`);
    expect(text).toContain('\n      "X-\\nLine":\n');
  });
});

describe("go-yaml's scalar rules at their edges (class 4), as yaml.v3 wrote them in tests/go-interop", () => {
  const body = (value: string) => serializeCassette({ ...cassette("C"), interactions: [{ ...cassette("C").interactions[0]!, response: { code: 200, body: value } }] });

  it.each([
    // strconv.ParseFloat fails past float64's range: a string, so plain.
    [".51e400", "body: .51e400\n"],
    // strconv.ParseFloat takes underscores between digits: a float, so quoted.
    [".51_000", 'body: ".51_000"\n'],
    // A string starting with a BOM has every character escaped, NBSP by its name.
    ["\ufeffbom\u00a0nbsp", 'body: "\\uFEFF\\x62\\x6F\\x6D\\_\\x6E\\x62\\x73\\x70"\n'],
  ])("writes %j as Go does, and reads it back", (value, line) => {
    const text = body(value);
    expect(text).toContain(`\n        ${line}`);
    expect(parseCassette(text).interactions[0]!.response.body).toBe(value);
  });
});

describe("strings that are not UTF-8 outside the body (class 1), as yaml.v3 writes them", () => {
  const byGoMarshal =
    '---\nversion: 2\ninteractions:\n    - id: 0\n      request:\n        proto: HTTP/1.1\n        proto_major: 1\n        proto_minor: 1\n        content_length: 0\n        host: ""\n        headers:\n            X-A:\n                - ok\n                - !!binary /v8=\n        url: !!binary aHR0cHM6Ly94LnRlc3Qv/w==\n        method: GET\n      response:\n        proto: HTTP/1.1\n        proto_major: 1\n        proto_minor: 1\n        content_length: -1\n        body: ok\n        headers: {}\n        status: !!binary MjAwIMM=\n        code: 200\n        duration: 0s\n';

  it("reads them as text with U+FFFD, keeps their bytes, and writes Go's bytes back", () => {
    const parsed = parseCassette(byGoMarshal);
    const { request, response } = parsed.interactions[0]!;
    expect([request.url, request.headers!["X-A"], response.status]).toEqual(["https://x.test/\ufffd", ["ok", "\ufffd\ufffd"], "200 \ufffd"]);
    expect(request.binaryValues).toEqual(new Map([['["headers","X-A",1]', new Uint8Array([0xfe, 0xff])], ['["url"]', new Uint8Array([...new TextEncoder().encode("https://x.test/"), 0xff])]]));
    expect(serializeCassette(parsed)).toBe(byGoMarshal);
  });

  it("writes a value changed since as text", () => {
    const parsed = parseCassette(byGoMarshal);
    parsed.interactions[0]!.request.url = "https://x.test/fixed";
    const text = serializeCassette(parsed);
    expect(text).toContain("        url: https://x.test/fixed\n");
    expect(text).toContain("                - !!binary /v8=\n");
  });
});

/*
 * Issue 21: Go is the law for what a cassette means. Each case below was read by
 * yaml.v3 into go-vcr's structs (tests/go-interop's program) to find what Go
 * does; tests/go-interop's reading-parity suite checks the same at scale.
 */
describe("reading what Go reads, refusing what Go refuses", () => {
  // yaml.v3's Marshal of the cassette (layout C), with the code and duration given.
  const text = (lines: { code?: string; duration?: string; headers?: string[] } = {}) =>
    [
      "---",
      "version: 2",
      "interactions:",
      "    - id: 0",
      "      request:",
      '        proto: ""',
      "        proto_major: 0",
      "        proto_minor: 0",
      "        content_length: 0",
      '        host: ""',
      "        headers:",
      ...(lines.headers ?? ["            X-A:", "                - v"]),
      "        url: https://api.example.test/v1",
      "        method: GET",
      "      response:",
      '        proto: ""',
      "        proto_major: 0",
      "        proto_minor: 0",
      "        content_length: 0",
      '        body: ""',
      "        headers: {}",
      "        status: 200 OK",
      `        code: ${lines.code ?? "200"}`,
      `        duration: ${lines.duration ?? "1s"}`,
      "",
    ].join("\n");

  it.each([["0", 0], ["-1", -1], ["1000", 1000]] as const)("reads status code %s, which Go reads, and writes it back as Go does", (code, value) => {
    const parsed = parseCassette(text({ code }));
    expect(parsed.interactions[0]!.response.code).toBe(value);
    expect(serializeCassette(parsed)).toBe(text({ code }));
  });

  it("reads the smallest duration Go has, and writes it back", () => {
    const parsed = parseCassette(text({ duration: "-2562047h47m16.854775808s" }));
    expect(parsed.interactions[0]!.response.duration).toBe("-2562047h47m16.854775808s");
    expect(serializeCassette(parsed)).toBe(text({ duration: "-2562047h47m16.854775808s" }));
  });

  it.each([
    ["CR", "\r"],
    ["CR LF", "\r\n"],
    ["NEL", "\u0085"],
  ])("reads a file whose lines end with %s, as Go does", (_name, end) => {
    const parsed = parseCassette(text().replaceAll("\n", end));
    expect(parsed.interactions[0]!.request.headers).toEqual({ "X-A": ["v"] });
    expect(serializeCassette(parsed)).toBe(text());
  });

  // Values yaml.v3 read from these lines (tests/go-interop's `load`): spaces past a literal block's indentation are text, on its last line too.
  it.each([
    ["clip", "        status: |\n            a\n             \n", "a\n \n"],
    ["strip", "        status: |-\n            a\n              \n            \n", "a\n  "],
  ])("reads a literal block (%s) whose last line is spaces past its indentation as Go does", (_chomp, lines, value) => {
    expect(parseCassette(text().replace("        status: 200 OK\n", lines)).interactions[0]!.response.status).toBe(value);
  });

  it("reads a byte-order mark before a key as part of the key, as Go does", () => {
    const parsed = parseCassette(text({ headers: ["            \ufeffX-A:", "                - v"] }));
    expect(Object.keys(parsed.interactions[0]!.request.headers!)).toEqual(["\ufeffX-A"]);
  });

  it.each([
    ["two byte-order marks", `\ufeff\ufeff${text()}`, 1, 2],
    ["a line of a tab", text().replace("        method: GET\n", "        method: GET\n\t\n"), 16, 1],
    ["a line separator inside a plain value", text().replace("url: https://api.example.test/v1", "url: https://api.example.test/v1\u2028x"), 14, 41],
    ["a key of 1,025 characters", text({ headers: [`            ${"K".repeat(1025)}:`, "                - v"] }), 12, 13],
    // yaml.v3: "control characters are not allowed", wherever they stand (tests/go-interop's `load` of these files).
    ...["\u0001", "\u0081", "\ufffe", "\u007f"].map((character): [string, string, number, number] => [
      `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} in a literal block`,
      text().replace('        body: ""', `        body: |\n            a${character}b`),
      22,
      14,
    ]),
    ["DEL in a plain value, in go-yaml's layout", text().replace("status: 200 OK", "status: 200\u007fOK"), 23, 20],
  ] satisfies Array<[string, string, number, number]>)("refuses %s, as Go does, where it stands", (_name, input, line, column) => {
    let caught: unknown;
    try {
      parseCassette(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CassetteError);
    expect([(caught as CassetteError).code, (caught as CassetteError).line, (caught as CassetteError).column]).toEqual(["invalid-yaml", line, column]);
  });

  it("refuses two byte-order marks in a file's bytes, as Go does (one is skipped, as Go does)", () => {
    const bytes = (marks: string) => new TextEncoder().encode(`${marks}${text()}`);
    expect(parseCassette(bytes("\ufeff")).interactions).toHaveLength(1);
    expect(() => parseCassette(bytes("\ufeff\ufeff"))).toThrow(/second byte-order mark/);
  });

  it("reads a key of 1,024 characters, the longest Go reads", () => {
    expect(Object.keys(parseCassette(text({ headers: [`            ${"K".repeat(1024)}:`, "                - v"] })).interactions[0]!.request.headers!)[0]).toHaveLength(1024);
  });

  it("gives a typed error, not a crash, for nesting deeper than it reads", () => {
    const deep = `${text()}extra:\n${Array.from({ length: 3000 }, (_, depth) => `${"  ".repeat(depth + 1)}k:`).join("\n")}\n`;
    let caught: unknown;
    try {
      parseCassette(deep);
    } catch (error) {
      caught = error;
    }
    expect((caught as CassetteError).code).toBe("too-deep");
  });

  it.each(["A", "B", "C", "D", "goccy"] as const)("writes a header value that starts with a line break so that it reads back (layout %s)", (layout) => {
    const values = ["\nabc", "\n\n x", " lead"];
    const written = serializeCassette({ ...parseCassette(text()), layout: cassetteLayouts[layout] });
    const cassetteWith = parseCassette(written);
    cassetteWith.interactions[0]!.request.headers = { X: values };
    expect(parseCassette(serializeCassette(cassetteWith)).interactions[0]!.request.headers).toEqual({ X: values });
  });

  it("writes such a value in a sequence with the indentation digit counted from its dash, which Go reads (layout C)", () => {
    const parsed = parseCassette(text());
    parsed.interactions[0]!.request.headers = { X: ["\nabc"] };
    expect(serializeCassette(parsed)).toContain("            X:\n                - |2-\n\n                  abc\n");
  });
});
