import { describe, expect, it } from "vitest";
import { CassetteError } from "../errors.js";
import { durationToMilliseconds, millisecondsToDuration } from "./duration.js";

describe("Go durations", () => {
  it.each([
    ["0s", 0],
    ["1ns", 0.000001],
    ["1.5µs", 0.0015],
    ["662.265667ms", 662.265667],
    ["1.0912445s", 1091.2445],
    ["1m0s", 60000],
    ["1h0m0s", 3600000],
    ["1h2m3.5s", 3723500],
    ["-1.5s", -1500],
  ])("reads %s", (text, milliseconds) => {
    expect(durationToMilliseconds(text)).toBeCloseTo(milliseconds, 9);
  });

  it.each([
    [0, "0s"],
    [0.000999, "999ns"],
    [0.0015, "1.5µs"],
    [662.265667, "662.265667ms"],
    [1091.2445, "1.0912445s"],
    [60000, "1m0s"],
    [3600000, "1h0m0s"],
    [3723500, "1h2m3.5s"],
    [-1500, "-1.5s"],
  ])("writes %d ms as Go does: %s", (milliseconds, text) => {
    expect(millisecondsToDuration(milliseconds)).toBe(text);
  });

  it("rejects text that is not a duration", () => {
    expect(() => durationToMilliseconds("soon")).toThrow(CassetteError);
  });
});
