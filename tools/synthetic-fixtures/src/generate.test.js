import { readFileSync } from "node:fs";
import { listSyntheticCassettes, syntheticCassettePath } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { syntheticCassettes } from "./generate.js";

describe("fixtures/synthetic/", () => {
  it("holds exactly what the generator writes (run `pnpm --filter @tapedeck/synthetic-fixtures generate` after changing it)", () => {
    const generated = syntheticCassettes();
    expect(listSyntheticCassettes()).toEqual(generated.map(({ name }) => name).sort());
    for (const { name, text } of generated) expect(readFileSync(syntheticCassettePath(name), "utf8"), name).toBe(text);
  });

  it("stores Bedrock's event streams as !!binary, as go-vcr does for bodies that are not UTF-8", () => {
    for (const name of ["anthropic_bedrock", "bedrock_converse"]) {
      expect(readFileSync(syntheticCassettePath(name), "utf8")).toMatch(/body: !!binary \|\n/);
    }
  });
});
