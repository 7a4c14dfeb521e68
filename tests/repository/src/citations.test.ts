import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryFiles, root } from "./files.js";

// The documents the project started from live outside the repository: what the code follows is in docs/.
const outside = new RegExp(["stream-dialects", "provider-quirks", "go-vcr-format"].map((name) => `\\b${name}\\.md\\b`).join("|"));

describe("the repository", () => {
  it("cites only documents it holds: no source file, test, README or shipped comment names one outside it", () => {
    const files = repositoryFiles().filter((file) => /\.(ts|js|mjs|cjs|go|md|json|yaml)$/.test(file) && !file.startsWith("fixtures/cassettes/") && file !== "tests/repository/src/citations.test.ts");
    expect(files.length).toBeGreaterThan(300);
    expect(files.filter((file) => outside.test(readFileSync(join(root, file), "utf8")))).toEqual([]);
  });
});
