import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Real Jest runs (ES modules, as Jest runs them with --experimental-vm-modules) of a test file that uses useCassettes,
// in a folder inside this package, so that it finds the packages @tapedeck/jest depends on.
const root = fileURLToPath(new URL(`../.test-output/jest-${process.pid}/`, import.meta.url));
const jestBin = join(createRequire(import.meta.url).resolve("jest/package.json"), "..", "bin", "jest.js");

// The sample is named *.jest.mjs so that vitest, which runs this file, never collects it as one of its own.
const config = `export default { testEnvironment: "node", setupFiles: ["@tapedeck/jest/setup"], transform: {}, testMatch: ["**/*.jest.mjs"] };\n`;
const sample = `import { expect, test } from "@jest/globals";
import { useCassettes } from "@tapedeck/jest";
useCassettes({ match: { ignoreHosts: true } });
test("asks the upstream", async () => {
  const response = await fetch(\`\${process.env.UPSTREAM_URL}/v1/echo\`, { method: "POST", body: process.env.QUESTION });
  expect((await response.json()).echo).toBe(process.env.QUESTION);
});
test("makes no request", () => expect(1 + 1).toBe(2));
`;

function runJest(environment: Record<string, string>): Promise<{ code: number; output: string }> {
  const env = { ...process.env, CI: "", TAPEDECK_MODE: "", NO_COLOR: "1", ...environment };
  return new Promise((resolve) => {
    execFile(process.execPath, ["--experimental-vm-modules", "--no-warnings", jestBin, "--rootDir", root], { cwd: root, env, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), output: `${stdout}${stderr}` });
    });
  });
}

let upstreamUrl = "";
let requests = 0;
const server = createServer(async (request, response) => {
  let body = "";
  for await (const piece of request) body += piece;
  requests += 1;
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ echo: body }));
});

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await writeFile(join(root, "jest.config.js"), config);
  await writeFile(join(root, "package.json"), '{ "type": "module" }\n');
  await writeFile(join(root, "sample.jest.mjs"), sample);
  // As a user's project has it installed (Jest's resolver takes no self-reference).
  await mkdir(join(root, "node_modules", "@tapedeck"), { recursive: true });
  await symlink(fileURLToPath(new URL("..", import.meta.url)), join(root, "node_modules", "@tapedeck", "jest"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await rm(root, { recursive: true, force: true });
});

describe("useCassettes in a real Jest run", () => {
  it("fails in replay without the cassette, naming it; records; replays offline in CI; a prompt edit under record-missing leaves CI green", { timeout: 180_000 }, async () => {
    const cassette = join(root, "__cassettes__", "sample.jest.mjs", "asks_the_upstream.yaml");
    const missing = await runJest({ TAPEDECK_MODE: "replay", UPSTREAM_URL: upstreamUrl, QUESTION: "v1" });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(`${cassette}: no cassette to answer POST`);
    expect(missing.output).toMatch(/Tests: +1 failed, 1 passed/);
    expect(requests).toBe(0);

    const first = await runJest({ UPSTREAM_URL: upstreamUrl, QUESTION: "v1" });
    expect(first.code, first.output).toBe(0);
    expect(existsSync(cassette)).toBe(true);
    expect(requests).toBe(1);
    expect((await runJest({ CI: "true", UPSTREAM_URL: "http://127.0.0.1:9", QUESTION: "v1" })).code).toBe(0);

    const edited = await runJest({ UPSTREAM_URL: upstreamUrl, QUESTION: "v2" });
    expect(edited.code, edited.output).toBe(0);
    expect(edited.output).toContain("tapedeck: removed 1 interaction no request used from");
    expect(await readFile(cassette, "utf8")).not.toContain("body: v1");
    const ci = await runJest({ CI: "true", UPSTREAM_URL: "http://127.0.0.1:9", QUESTION: "v2" });
    expect(ci.code, ci.output).toBe(0);
    const changed = await runJest({ CI: "true", UPSTREAM_URL: "http://127.0.0.1:9", QUESTION: "v3" });
    expect(changed.code).toBe(1);
    expect(changed.output).toContain("No recorded interaction matches POST");
    expect(changed.output).toContain(`TAPEDECK_MODE=record-missing npx jest`);
    expect(requests).toBe(2);
  });
});
