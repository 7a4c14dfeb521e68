import { fileURLToPath } from "node:url";
import { main } from "@tapedeck/cli";
import { cassettesDirectory } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";

const generated = fileURLToPath(new URL("./generated/", import.meta.url));

describe("the committed generated files", () => {
  it("are what `tapedeck codegen --check` expects from the fixtures (else run pnpm codegen)", { timeout: 60_000 }, async () => {
    let stdout = "";
    const code = await main(["codegen", "--check", cassettesDirectory, "--out", generated], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      cwd: process.cwd(),
    });
    expect(stdout).toBe("");
    expect(code).toBe(0);
  });
});
