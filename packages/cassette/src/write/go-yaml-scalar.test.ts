import { describe, expect, it } from "vitest";
import { cassetteLayouts } from "../model/layout.js";
import { parseCassette } from "../read/parse-cassette.js";
import { sampleCassette } from "../test/sample.js";
import { createGoYamlScalarWriter, goYamlStyle } from "./go-yaml-scalar.js";
import { serializeCassette } from "./serialize-cassette.js";

// Expected renderings are derived by hand from docs/cassette-format.md ("Strings, as go-yaml writes them").
const writer = createGoYamlScalarWriter(4);
const render = (value: string) => writer.render(value, false, 12);
const pad = " ".repeat(12);

describe("go-yaml scalar styles", () => {
  it.each([
    "hello world",
    "200 OK",
    "405.6ms",
    "a#b",
    "a, b [c] {d} ?e",
    "https://openrouter.ai/api/v1/chat/completions",
    "café × 2",
    "OpenAI/Go 2.3.0",
    "1.5s",
  ])("writes %j plain", (value) => {
    expect(render(value)).toBe(value);
  });

  it.each([
    ["", '""'],
    ["~", '"~"'],
    ["null", '"null"'],
    ["NULL", '"NULL"'],
    ["true", '"true"'],
    ["False", '"False"'],
    ["yes", '"yes"'],
    ["N", '"N"'],
    ["off", '"off"'],
    ["<<", '"<<"'],
    [".inf", '".inf"'],
    ["-.Inf", '"-.Inf"'],
    [".NaN", '".NaN"'],
    [".5", '".5"'],
    ["09", '"09"'],
    ["1e3", '"1e3"'],
    ["1_000", '"1_000"'],
    ["0x1F", '"0x1F"'],
    ["0o17", '"0o17"'],
    ["0b101", '"0b101"'],
    ["017", '"017"'],
    ["-1", '"-1"'],
    ["+12.5", '"+12.5"'],
    ["1:30", '"1:30"'],
    ["12:30:45", '"12:30:45"'],
    ["2025-09-22", '"2025-09-22"'],
    ["2025-9-2T10:04:05Z", '"2025-9-2T10:04:05Z"'],
    ["2025-09-22 10:00:00", '"2025-09-22 10:00:00"'],
  ])("double-quotes %j, which go-yaml would not read back as a string", (value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it.each(["2025-02-30", "1e400", "0x", "12-30", "1:60", "0xFFFFFFFFFFFFFFFFFF"])(
    "writes %j plain: go-yaml reads it back as a string",
    (value) => {
      expect(render(value)).toBe(value);
    },
  );

  it.each([
    [" leading", "' leading'"],
    ["trailing ", "'trailing '"],
    ["#comment", "'#comment'"],
    ["{json}", "'{json}'"],
    ['{"a":"it\'s"}', `'{"a":"it''s"}'`],
    ["- item", "'- item'"],
    ["-", "'-'"],
    ["? q", "'? q'"],
    [": x", "': x'"],
    ["key: value", "'key: value'"],
    ["ends:", "'ends:'"],
    ["a #b", "'a #b'"],
    ["---x", "'---x'"],
    ["...x", "'...x'"],
    ["@at", "'@at'"],
    ["`tick", "'`tick'"],
    ["%p", "'%p'"],
    ["!tag", "'!tag'"],
    ["&anchor", "'&anchor'"],
    ["*alias", "'*alias'"],
    ["|pipe", "'|pipe'"],
    [">fold", "'>fold'"],
  ])("single-quotes %j", (value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it("single-quotes a string with a line separator and indents what follows it", () => {
    expect(render("a\u2028b")).toBe(`'a\u2028${pad}b'`);
  });

  it.each([
    ["tab\there", '"tab\\there"'],
    ["party 🎉", '"party \\U0001F389"'],
    ["a\r\nb", '"a\\r\\nb"'],
    ["bell\u0007", '"bell\\a"'],
    ["nul\u0000", '"nul\\0"'],
    ["esc\u001b", '"esc\\e"'],
    ["del\u007f", '"del\\x7F"'],
    ["c1\u0090", '"c1\\x90"'],
    ["x\u0085y", '"x\\Ny"'],
    ["\ufffe", '"\\uFFFE"'],
    ["a \nb", '"a \\nb"'],
    ["a\n b", "|-\n" + `${pad}a\n${pad} b`],
    ["\n", '"\\n"'],
    [" \n ", '" \\n "'],
    ['quote " and \\ with \t', '"quote \\" and \\\\ with \\t"'],
    ["ends with space \nx", '"ends with space \\nx"'],
    ["line\nends ", '"line\\nends "'],
    ["\ufeffbom", '"\\uFEFF\\x62\\x6F\\x6D"'],
  ])("writes %j as %s", (value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it.each([
    ["a\nb", `|-\n${pad}a\n${pad}b`],
    ["a\nb\n", `|\n${pad}a\n${pad}b\n`],
    ["a\nb\n\n", `|+\n${pad}a\n${pad}b\n\n`],
    ["a\n\n\nb\n", `|\n${pad}a\n\n\n${pad}b\n`],
    [" lead\nx\n", `|4\n${pad} lead\n${pad}x\n`],
    ["\nfirst\n", `|4\n\n${pad}first\n`],
    ["tab\tinside\nok\n", `|\n${pad}tab\tinside\n${pad}ok\n`],
    ["2 × 3 = 6\n", `|\n${pad}2 × 3 = 6\n`],
  ])("writes %j as a literal block", (value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it("uses the base indent as the indentation indicator", () => {
    expect(createGoYamlScalarWriter(2).render(" x\ny", false, 6)).toBe("|2-\n       x\n      y");
  });

  it("double-quotes a multi-line mapping key", () => {
    expect(goYamlStyle("a\nb", true)).toBe("double");
    expect(goYamlStyle("", true)).toBe("double");
  });

  it("writes a body that is not UTF-8 as !!binary, cut into 70-character lines when long", () => {
    const cassette = sampleCassette();
    cassette.interactions[0]!.request.body = new Uint8Array([0xff, 0xfe]);
    cassette.interactions[0]!.response.body = new Uint8Array(60).fill(0xff);
    const text = serializeCassette(cassette, { layout: cassetteLayouts.B });
    expect(text).toContain("        body: !!binary //4=\n");
    const encoded = "/".repeat(80);
    expect(text).toContain(`        body: !!binary |\n${pad}${encoded.slice(0, 70)}\n${pad}${encoded.slice(70)}\n        headers:`);
    const again = parseCassette(text);
    expect(again.interactions[0]!.request.body).toEqual(new Uint8Array([0xff, 0xfe]));
    expect(again.interactions[0]!.response.body).toEqual(new Uint8Array(60).fill(0xff));
    expect(serializeCassette(again)).toBe(text);
  });
});
