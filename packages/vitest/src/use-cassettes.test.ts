import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Real vitest runs of a test file that uses useCassettes, in a folder inside this package (so that it finds @tapedeck/vitest).
const scratch = fileURLToPath(new URL("../.test-output/", import.meta.url));
const vitestBin = join(createRequire(import.meta.url).resolve("vitest/package.json"), "..", "vitest.mjs");

const sampleTest = `import { useCassettes } from "@tapedeck/vitest";
import { expect, test } from "vitest";

useCassettes({ ignoreHosts: true });

test("asks the upstream", async () => {
  const response = await fetch(\`\${process.env.UPSTREAM_URL}/v1/echo\`, { method: "POST", body: process.env.QUESTION });
  expect(await response.json()).toEqual({ echo: process.env.QUESTION });
});
`;

function runVitest(root: string, environment: Record<string, string>): Promise<{ code: number; output: string }> {
  const env = { ...process.env, CI: "", TAPEDECK_MODE: "", ...environment };
  return new Promise((resolve) => {
    execFile(process.execPath, [vitestBin, "run", "--root", root], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), output: `${stdout}${stderr}` });
    });
  });
}

let root: string;
let upstreamUrl: string;
let requests = 0;
const server = createServer(async (request, response) => {
  let body = "";
  for await (const piece of request) body += piece;
  requests += 1;
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ echo: body }));
});

beforeAll(async () => {
  root = join(scratch, `vitest-${process.pid}`);
  await mkdir(root, { recursive: true });
  await writeFile(join(root, "sample.test.ts"), sampleTest);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await rm(root, { recursive: true, force: true });
});

describe("useCassettes in a real vitest run", () => {
  it("fails in replay without the cassette, naming it; records it on a first run; then replays it offline; a changed request fails", { timeout: 120_000 }, async () => {
    const cassette = join(root, "__cassettes__", "sample.test.ts", "asks the upstream.yaml");
    const question = JSON.stringify({ q: "capital of France" });

    const missing = await runVitest(root, { TAPEDECK_MODE: "replay", UPSTREAM_URL: upstreamUrl, QUESTION: question });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(`no cassette at ${cassette}`);
    expect(requests).toBe(0);

    const first = await runVitest(root, { UPSTREAM_URL: upstreamUrl, QUESTION: question });
    expect(first.code, first.output).toBe(0);
    expect(existsSync(cassette)).toBe(true);
    expect(requests).toBe(1);

    // On CI (replay by default), against an address where nothing listens.
    const offline = await runVitest(root, { CI: "true", UPSTREAM_URL: "http://127.0.0.1:9", QUESTION: question });
    expect(offline.code, offline.output).toBe(0);
    expect(requests).toBe(1);

    const changed = await runVitest(root, { CI: "true", UPSTREAM_URL: upstreamUrl, QUESTION: JSON.stringify({ q: "capital of Italy" }) });
    expect(changed.code).toBe(1);
    expect(changed.output).toContain(`${cassette}: No recorded interaction matches POST`);
    expect(changed.output).toContain('q: recorded "capital of France", sent "capital of Italy"');
    expect(requests).toBe(1);
  });
});
