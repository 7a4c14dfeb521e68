import { describe, expect, it } from "vitest";
import { createGoccyScalarWriter, goQuote } from "./goccy-scalar.js";

// Expected renderings are derived by hand from docs/cassette-format.md ("Strings, as goccy/go-yaml writes them").
const writer = createGoccyScalarWriter();
const render = (value: string) => writer.render(value, false, 6);

describe("goccy scalar styles", () => {
  it.each(["hello", "200 OK", "2 × 3 = 6", "https://x/y?q=1", "a-b", "1.5s"])("writes %j plain", (value) => {
    expect(render(value)).toBe(value);
  });

  it.each([
    ["", '""'],
    ["null", '"null"'],
    ["~", '"~"'],
    ["True", '"True"'],
    ["yes", '"yes"'],
    ["Off", '"Off"'],
    ["123", '"123"'],
    ["-1.5", '"-1.5"'],
    ["0x1F", '"0x1F"'],
    ["1_000", '"1_000"'],
    ["007", '"007"'],
    ["1e3", '"1e3"'],
    ["-", '"-"'],
    ["{}", '"{}"'],
    ["[1]", '"[1]"'],
    ["*x", '"*x"'],
    [" lead", '" lead"'],
    ["`x", '"`x"'],
    ["trail ", '"trail "'],
    ["ends:", '"ends:"'],
    ["2025-09-22", '"2025-09-22"'],
    ["a#b", '"a#b"'],
    ["back\\slash", '"back\\\\slash"'],
    ["k: v", '"k: v"'],
    // A non-character no YAML reader takes raw (found by the fuzz tier of the round-trip property).
    ["\uFFFE", '"\\ufffe"'],
    ["a\uFFFFb", '"a\\uffffb"'],
    ["a - b", '"a - b"'],
    ["data: {\"a\":1}\n\n", '"data: {\\"a\\":1}\\n\\n"'],
  ])("quotes %j with strconv.Quote", (value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it.each([
    ["line1\nline2\n", "|\n      line1\n      line2\n"],
    ["a\n\nb\n\n", "|+\n      a\n      \n      b\n\n"],
    ["a\nb", "|-\n      a\n      b"],
  ])("writes %j as a literal block", (value, expected) => {
    expect(render(value)).toBe(expected);
  });

  it("escapes like Go's strconv.Quote", () => {
    expect(goQuote("a\u0007\b\f\n\r\t\v\"\\")).toBe('"a\\a\\b\\f\\n\\r\\t\\v\\"\\\\"');
    expect(goQuote("\u0001\u007f")).toBe('"\\x01\\x7f"');
    expect(goQuote("nbsp\u00a0 sep\u2028")).toBe('"nbsp\\u00a0 sep\\u2028"');
    expect(goQuote("× é 🎉 中")).toBe('"× é 🎉 中"');
    expect(goQuote("\u0085")).toBe('"\\u0085"');
  });
});
