import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));
const copies: string[] = [];
afterAll(() => Promise.all(copies.map((copy) => rm(copy, { recursive: true, force: true }))));

/** A copy of an example's suite inside the example (so that it finds its packages), without its cassettes. */
async function copyWithoutCassettes(example: string, files: readonly string[]): Promise<string> {
  const copy = await mkdtemp(join(examples, example, ".without-cassettes-"));
  copies.push(copy);
  for (const file of files) await cp(join(examples, example, file), join(copy, file), { recursive: true, filter: (source) => !source.includes("__cassettes__") });
  return copy;
}

/** The cassette files an example has, relative to its folder. */
async function cassettesOf(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".yaml") && entry.parentPath.includes("__cassettes__")).map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

function run(command: string, args: readonly string[], cwd: string, environment: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...environment }, timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), output: `${stdout}${stderr}` });
    });
  });
}

describe("examples/vitest-llm", () => {
  const vitest = join(createRequire(join(examples, "vitest-llm", "package.json")).resolve("vitest/package.json"), "..", "vitest.mjs");

  it("passes in CI with nothing listening, and without its cassettes every test that makes a request fails, naming its file", async () => {
    const green = await run(process.execPath, [vitest, "run"], join(examples, "vitest-llm"), { CI: "true", TAPEDECK_MODE: "" });
    expect(green.code, green.output).toBe(0);

    const cassettes = await cassettesOf(join(examples, "vitest-llm", "src"));
    expect(cassettes.length).toBeGreaterThanOrEqual(15);
    const copy = await copyWithoutCassettes("vitest-llm", ["src", "vitest.config.ts"]);
    const red = await run(process.execPath, [vitest, "run", "--root", copy], copy, { CI: "true", TAPEDECK_MODE: "" });
    expect(red.code).toBe(1);
    for (const cassette of cassettes) expect(red.output, cassette).toContain(`no cassette to answer`);
    for (const cassette of cassettes) expect(red.output, cassette).toContain(join(copy, "src", cassette));
    // The one test that makes no request needs no cassette, so it passes.
    expect(red.output).toMatch(/Tests +\d+ failed \| 1 passed/);
    expect(red.output).toMatch(new RegExp(`Tests +${cassettes.length} failed \\| 1 passed`));
  });
});

describe("examples/jest-llm", () => {
  const jest = join(examples, "jest-llm", "node_modules", "jest", "bin", "jest.js");
  const node = (cwd: string) => [process.execPath, ["--experimental-vm-modules", "--no-warnings", jest, "--rootDir", cwd]] as const;

  it("passes in CI with nothing listening, and without its cassettes every test that makes a request fails, naming its file", async () => {
    const folder = join(examples, "jest-llm");
    const green = await run(...node(folder), folder, { CI: "true", TAPEDECK_MODE: "" });
    expect(green.code, green.output).toBe(0);

    const cassettes = await cassettesOf(join(folder, "src"));
    expect(cassettes.length).toBeGreaterThanOrEqual(5);
    const copy = await copyWithoutCassettes("jest-llm", ["src", "jest.config.js", "package.json"]);
    const red = await run(...node(copy), copy, { CI: "true", TAPEDECK_MODE: "" });
    expect(red.code).toBe(1);
    for (const cassette of cassettes) expect(red.output, cassette).toContain(join(copy, "src", cassette));
    expect(red.output).toMatch(new RegExp(`Tests: +${cassettes.length} failed, 1 passed`));
  });
});
