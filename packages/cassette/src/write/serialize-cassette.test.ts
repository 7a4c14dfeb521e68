import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { CassetteError } from "../errors.js";
import { cassetteLayouts } from "../model/layout.js";
import { parseCassette } from "../read/parse-cassette.js";
import { sampleCassette } from "../test/sample.js";
import { serializeCassette } from "./serialize-cassette.js";

// Expected texts follow the column table of docs/cassette-format.md, written out by hand.
const expected = {
  C: [
    "---",
    "version: 2",
    "interactions:",
    "    - id: 0",
    "      request:",
    "        proto: HTTP/1.1",
    "        proto_major: 1",
    "        proto_minor: 1",
    "        content_length: 2",
    '        host: ""',
    "        body: '{}'",
    "        headers:",
    "            Accept:",
    "                - a",
    "            Content-Type:",
    "                - application/json",
    "        url: https://x/y",
    "        method: POST",
    "      response:",
    "        proto: HTTP/2.0",
    "        proto_major: 2",
    "        proto_minor: 0",
    "        content_length: -1",
    "        body: |+",
    "            data: 1",
    "",
    "            data: [DONE]",
    "",
    "        headers:",
    "            Content-Type:",
    "                - text/event-stream",
    "        status: 200 OK",
    "        code: 200",
    "        duration: 1.5s",
    "",
  ],
  B: [
    "---",
    "version: 2",
    "interactions:",
    "  - id: 0",
    "    request:",
    "        proto: HTTP/1.1",
    "        proto_major: 1",
    "        proto_minor: 1",
    "        content_length: 2",
    '        host: ""',
    "        body: '{}'",
    "        headers:",
    "            Accept:",
    "              - a",
    "            Content-Type:",
    "              - application/json",
    "        url: https://x/y",
    "        method: POST",
    "    response:",
    "        proto: HTTP/2.0",
    "        proto_major: 2",
    "        proto_minor: 0",
    "        content_length: -1",
    "        body: |+",
    "            data: 1",
    "",
    "            data: [DONE]",
    "",
    "        headers:",
    "            Content-Type:",
    "              - text/event-stream",
    "        status: 200 OK",
    "        code: 200",
    "        duration: 1.5s",
    "",
  ],
  A: [
    "---",
    "version: 2",
    "interactions:",
    "- id: 0",
    "  request:",
    "    proto: HTTP/1.1",
    "    proto_major: 1",
    "    proto_minor: 1",
    "    content_length: 2",
    '    host: ""',
    "    body: '{}'",
    "    headers:",
    "      Accept:",
    "      - a",
    "      Content-Type:",
    "      - application/json",
    "    url: https://x/y",
    "    method: POST",
    "  response:",
    "    proto: HTTP/2.0",
    "    proto_major: 2",
    "    proto_minor: 0",
    "    content_length: -1",
    "    body: |+",
    "      data: 1",
    "",
    "      data: [DONE]",
    "",
    "    headers:",
    "      Content-Type:",
    "      - text/event-stream",
    "    status: 200 OK",
    "    code: 200",
    "    duration: 1.5s",
    "",
  ],
  D: [
    "---",
    "version: 2",
    "interactions:",
    "  - id: 0",
    "    request:",
    "      proto: HTTP/1.1",
    "      proto_major: 1",
    "      proto_minor: 1",
    "      content_length: 2",
    '      host: ""',
    "      body: '{}'",
    "      headers:",
    "        Accept:",
    "          - a",
    "        Content-Type:",
    "          - application/json",
    "      url: https://x/y",
    "      method: POST",
    "    response:",
    "      proto: HTTP/2.0",
    "      proto_major: 2",
    "      proto_minor: 0",
    "      content_length: -1",
    "      body: |+",
    "        data: 1",
    "",
    "        data: [DONE]",
    "",
    "      headers:",
    "        Content-Type:",
    "          - text/event-stream",
    "      status: 200 OK",
    "      code: 200",
    "      duration: 1.5s",
    "",
  ],
  goccy: [
    "---",
    "version: 2",
    "interactions:",
    "- id: 0",
    "  request:",
    "    proto: HTTP/1.1",
    "    proto_major: 1",
    "    proto_minor: 1",
    "    content_length: 2",
    '    host: ""',
    '    body: "{}"',
    "    headers:",
    "      Accept:",
    "      - a",
    "      Content-Type:",
    "      - application/json",
    "    url: https://x/y",
    "    method: POST",
    "  response:",
    "    proto: HTTP/2.0",
    "    proto_major: 2",
    "    proto_minor: 0",
    "    content_length: -1",
    '    body: "data: 1\\n\\ndata: [DONE]\\n\\n"',
    "    headers:",
    "      Content-Type:",
    "      - text/event-stream",
    "    status: 200 OK",
    "    code: 200",
    "    duration: 1.5s",
    "",
  ],
} as const;

describe("serializeCassette layouts", () => {
  for (const [layout, lines] of Object.entries(expected)) {
    it(`writes layout ${layout} with Go's columns`, () => {
      const text = serializeCassette(sampleCassette(), {
        layout: cassetteLayouts[layout as keyof typeof cassetteLayouts],
      });
      expect(text).toBe(lines.join("\n"));
    });

    it(`reads layout ${layout} back to the same cassette and the same bytes`, () => {
      const text = lines.join("\n");
      const cassette = parseCassette(text);
      expect(cassette.layout).toEqual(cassetteLayouts[layout as keyof typeof cassetteLayouts]);
      expect(serializeCassette(cassette)).toBe(text);
      const { layout: _layout, ...values } = cassette;
      const { layout: _sampleLayout, ...sample } = sampleCassette();
      expect(JSON.parse(JSON.stringify(values))).toEqual(sample);
    });
  }

  it("writes a new cassette in go-vcr's default layout (layout C)", () => {
    const { layout: _layout, ...withoutFormat } = sampleCassette();
    expect(serializeCassette(withoutFormat as never)).toBe(expected.C.join("\n"));
  });

  it("writes an empty cassette as go-vcr does", () => {
    expect(serializeCassette({ version: 2, interactions: [], layout: cassetteLayouts.C })).toBe(
      "---\nversion: 2\ninteractions: []\n",
    );
  });
});

describe("every go-vcr field", () => {
  const full = () => {
    const cassette = sampleCassette();
    const interaction = cassette.interactions[0]!;
    Object.assign(interaction.request, {
      transferEncoding: ["chunked"],
      trailer: { "X-Checksum": ["abc"] },
      remoteAddr: "127.0.0.1:5000",
      requestUri: "/y?q=1",
      form: { q: ["1", "2"] },
    });
    Object.assign(interaction.response, {
      transferEncoding: ["chunked"],
      trailer: { "X-Done": ["yes"] },
      uncompressed: true,
    });
    return cassette;
  };

  it("writes optional fields in go-vcr's order when set", () => {
    const text = serializeCassette(full(), { layout: cassetteLayouts.A });
    const keys = (section: string) =>
      text
        .split(`  ${section}:\n`)[1]!
        .split("\n")
        .filter((line) => /^ {4}[a-z_]+:/.test(line))
        .map((line) => line.trim().split(":")[0])
        .slice(0, section === "request" ? 14 : 12);
    expect(keys("request")).toEqual([
      "proto", "proto_major", "proto_minor", "content_length", "transfer_encoding", "trailer", "host",
      "remote_addr", "request_uri", "body", "form", "headers", "url", "method",
    ]);
    expect(keys("response")).toEqual([
      "proto", "proto_major", "proto_minor", "transfer_encoding", "trailer", "content_length",
      "uncompressed", "body", "headers", "status", "code", "duration",
    ]);
    expect(text).toContain("    uncompressed: true\n");
    expect(text).toContain("    trailer:\n      X-Done:\n      - \"yes\"\n");
  });

  it("omits empty optional fields and writes Go's zero value for the others", () => {
    const text = serializeCassette(
      {
        version: 2,
        layout: cassetteLayouts.A,
        interactions: [{ id: 0, request: { url: "u", method: "GET", form: {}, transferEncoding: [] }, response: { code: 204 } }],
      },
    );
    expect(text).toBe(
      [
        "---", "version: 2", "interactions:", "- id: 0", "  request:",
        '    proto: ""', "    proto_major: 0", "    proto_minor: 0", "    content_length: 0", '    host: ""',
        "    url: u", "    method: GET",
        "  response:",
        '    proto: ""', "    proto_major: 0", "    proto_minor: 0", "    content_length: 0",
        '    body: ""', "    headers: {}", '    status: ""', "    code: 204", "    duration: 0s", "",
      ].join("\n"),
    );
  });

  it("round-trips every field in every layout, and an independent YAML reader agrees", () => {
    for (const layout of Object.values(cassetteLayouts)) {
      const text = serializeCassette(full(), { layout });
      const cassette = parseCassette(text);
      expect(serializeCassette(cassette)).toBe(text);
      const independent = parseYaml(text) as { interactions: Array<{ request: Record<string, unknown> }> };
      expect(independent.interactions[0]!.request).toMatchObject({
        transfer_encoding: ["chunked"],
        remote_addr: "127.0.0.1:5000",
        request_uri: "/y?q=1",
        form: { q: ["1", "2"] },
        trailer: { "X-Checksum": ["abc"] },
      });
      expect(cassette.interactions[0]!.response.uncompressed).toBe(true);
    }
  });

  it("keeps unknown keys and writes them back after the known ones", () => {
    const text = [
      "---", "version: 2", "interactions:", "- id: 0", "  request:", "    url: u", "    method: GET", "    x_note: kept",
      "  response:", "    code: 200", "  recorded_by: tapedeck", "meta:", "  owner: team", "  tags:", "  - a", "",
    ].join("\n");
    const cassette = parseCassette(text);
    expect(cassette.unknownFields).toEqual(new Map([["meta", new Map<string, unknown>([["owner", "team"], ["tags", ["a"]]])]]));
    expect(cassette.interactions[0]!.unknownFields).toEqual(new Map([["recorded_by", "tapedeck"]]));
    expect(cassette.interactions[0]!.request.unknownFields).toEqual(new Map([["x_note", "kept"]]));
    const written = serializeCassette(cassette);
    expect(written).toContain("    method: GET\n    x_note: kept\n");
    expect(written).toContain("  recorded_by: tapedeck\nmeta:\n  owner: team\n  tags:\n  - a\n");
    const again = parseCassette(written);
    expect(again.unknownFields).toEqual(cassette.unknownFields);
    expect(again.interactions[0]!.unknownFields).toEqual(new Map([["recorded_by", "tapedeck"]]));
    expect(again.interactions[0]!.request.unknownFields).toEqual(new Map([["x_note", "kept"]]));
  });

  it("rejects a model with a wrong type with a typed error naming the field", () => {
    const cassette = sampleCassette();
    (cassette.interactions[0]!.response as { code: unknown }).code = "200";
    expect(() => serializeCassette(cassette)).toThrow(CassetteError);
    expect(() => serializeCassette(cassette)).toThrow("interactions[0].response.code must be an integer, found string");
  });
});

describe("header order", () => {
  const names = ["a", "XZ", "X_b", "X-10", "X-2", "B"];
  const headerBlock = (layout: (typeof cassetteLayouts)[keyof typeof cassetteLayouts]) => {
    const cassette = sampleCassette();
    cassette.interactions[0]!.response.headers = Object.fromEntries(names.map((name) => [name, ["v"]]));
    const text = serializeCassette(cassette, { layout });
    return text
      .split("response:")[1]!
      .split("\n")
      .filter((line) => /^ *[A-Za-z_0-9-]+:$/.test(line) && line.trim() !== "headers:")
      .map((line) => line.trim().slice(0, -1));
  };

  it("follows go-yaml's keyList order (numbers compare as numbers)", () => {
    expect(headerBlock(cassetteLayouts.B)).toEqual(["B", "X-2", "X-10", "X_b", "XZ", "a"]);
  });

  it("follows byte order for goccy", () => {
    expect(headerBlock(cassetteLayouts.goccy)).toEqual(["B", "X-10", "X-2", "XZ", "X_b", "a"]);
  });
});

describe("serializeCassette of a large cassette", () => {
  it("writes megabytes (made a string a megabyte at a time) as it writes each interaction on its own", () => {
    // 8 bodies of 360 KB: each cassette of one interaction is written in one piece, the whole one in several.
    const body = "data: x\n\n".repeat(40_000);
    const sample = sampleCassette();
    const interactions = Array.from({ length: 8 }, (_, id) => ({ ...sample.interactions[0]!, id, response: { ...sample.interactions[0]!.response, body: `${id}${body}` } }));
    const whole = serializeCassette({ ...sample, interactions });
    const head = "---\nversion: 2\ninteractions:\n";
    const alone = interactions.map((interaction) => serializeCassette({ ...sample, interactions: [interaction] }));
    for (const text of alone) expect(text.startsWith(head)).toBe(true);
    expect(whole.length).toBeGreaterThan(2_000_000);
    expect(whole).toBe(head + alone.map((text) => text.slice(head.length)).join(""));
  });
});

describe("serializeCassette past what a string holds", () => {
  it("gives a typed too-large error, not a RangeError, for text longer than a JavaScript string", { timeout: 60_000 }, () => {
    // Two bodies of 256 MiB: together past V8's longest string (about 512 MiB).
    const body = "x".repeat(2 ** 28);
    const interactions = [0, 1].map((id) => ({ id, request: { method: "POST", url: "https://api.example.com/v1" }, response: { code: 200, body } }));
    let caught: unknown;
    try {
      serializeCassette({ version: 2, layout: cassetteLayouts.C, interactions });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CassetteError);
    expect((caught as CassetteError).code).toBe("too-large");
  });
});
