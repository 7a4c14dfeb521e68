import { fileURLToPath } from "node:url";
import { main } from "@tapedeck/cli";
import { describe, expect, it } from "vitest";

const packageDirectory = fileURLToPath(new URL("..", import.meta.url));

describe("the committed generated files", () => {
  it("are what `tapedeck codegen --check` makes of every dialect's fixtures (else run pnpm codegen)", { timeout: 60_000 }, async () => {
    let stdout = "";
    let stderr = "";
    // No arguments: the cassettes (recordings and synthetic) and the output folder come from this package's package.json.
    const code = await main(["codegen", "--check"], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: packageDirectory,
    });
    expect(stdout).toBe("");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "generated types are up to date\n" });
  });
});
