import { readFileSync } from "node:fs";
import { join } from "node:path";
import { badInputsDirectory } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { checkCassette } from "./check/check-cassette.js";
import { CassetteError } from "./errors.js";
import { parseCassette } from "./read/parse-cassette.js";

interface BadCase {
  file?: string;
  generate?: string;
  kind: "cassette" | "check" | "stream";
  note: string;
  options?: { maxInputLength?: number };
  expect: { error: { code: string; line: number; column: number }; check: Array<{ code: string; line: number; column: number }> };
}

const all = JSON.parse(readFileSync(join(badInputsDirectory, "cases.json"), "utf8")) as BadCase[];
const cases = all.filter((item) => item.kind === "cassette");
const checks = all.filter((item) => item.kind === "check");

function input(item: BadCase): Uint8Array | string {
  if (item.file !== undefined) return readFileSync(join(badInputsDirectory, item.file));
  if (item.generate === "huge-cassette-line") return `---\nversion: 2\ninteractions: []\nnote: ${"x".repeat(100 * 1024 * 1024)}\n`;
  throw new Error(`unknown generator ${item.generate}`);
}

describe("the bad-input corpus, read as cassettes", () => {
  it("has the broken cassettes the corpus promises", () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(cases.map((item) => [item.file ?? item.generate!, item] as const))("%s: gives its documented typed error", (_name, item) => {
    let caught: unknown;
    try {
      parseCassette(input(item), { source: item.file ?? item.generate, ...item.options });
    } catch (error) {
      caught = error;
    }
    expect(caught, item.note).toBeInstanceOf(CassetteError);
    const { code, line, column } = caught as CassetteError;
    expect({ code, line, column }, item.note).toEqual(item.expect.error);
    expect((caught as CassetteError).detail.length).toBeGreaterThan(10);
  });

  it.each(checks.map((item) => [item.file!, item] as const))("%s: reads as Go does, keeping the value, and checkCassette reports it where it stands", (file, item) => {
    const cassette = parseCassette(readFileSync(join(badInputsDirectory, file)), { source: file, positions: true });
    expect(
      checkCassette(cassette).map(({ code, position }) => ({ code, line: position?.line, column: position?.column })),
      item.note,
    ).toEqual(item.expect.check);
  });
});
