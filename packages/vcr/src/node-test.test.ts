import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCassette } from "@tapedeck/cassette";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { useScratchAndUpstream } from "./test-upstream.js";

// Real `node --test` runs of a file that uses withCassette, in a folder inside this package (so it finds @tapedeck/vcr by its own name).
const root = fileURLToPath(new URL(`../.test-output/node-test-${process.pid}/`, import.meta.url));
const scratch = useScratchAndUpstream("tapedeck-node-test-");
afterEach(() => rm(root, { recursive: true, force: true }));
afterAll(() => rm(root, { recursive: true, force: true }));

const suite = `import { test } from "node:test";
import assert from "node:assert/strict";
import { withCassette } from "@tapedeck/vcr";

const cassette = (name) => ({ path: new URL(\`./cassettes/\${name}.yaml\`, import.meta.url).pathname, match: { ignoreHosts: true } });
const ask = async (body) => (await (await fetch(\`\${process.env.UPSTREAM_URL}/v1/echo\`, { method: "POST", body })).json()).echo;

test("asks once", () => withCassette(cassette("asks-once"), async () => {
  assert.equal(await ask("one"), "one");
}));
test("runs beside another test", { concurrency: true }, async (t) => {
  await Promise.all(["a", "b"].map((name) => t.test(name, () => withCassette(cassette(\`beside-\${name}\`), async () => {
    for (const round of [1, 2]) assert.equal(await ask(\`\${name}\${round}\`), \`\${name}\${round}\`);
  }))));
});
`;

function runNodeTest(environment: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--test", join(root, "suite.test.mjs")], { cwd: root, env: { ...process.env, CI: "", TAPEDECK_MODE: "", ...environment }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), output: `${stdout}${stderr}` });
    });
  });
}

describe("withCassette under node:test", () => {
  it("records each test's requests into its own cassette, concurrent subtests included, and replays them offline in CI", { timeout: 120_000 }, async () => {
    await mkdir(root, { recursive: true });
    await writeFile(join(root, "suite.test.mjs"), suite);
    const recorded = await runNodeTest({ UPSTREAM_URL: scratch.upstream.url });
    expect(recorded.code, recorded.output).toBe(0);
    const bodies = async (name: string) => parseCassette(await readFile(join(root, "cassettes", `${name}.yaml`), "utf8")).interactions.map(({ request }) => request.body);
    expect(await bodies("asks-once")).toEqual(["one"]);
    expect(await bodies("beside-a")).toEqual(["a1", "a2"]);
    expect(await bodies("beside-b")).toEqual(["b1", "b2"]);
    const replayed = await runNodeTest({ CI: "true", UPSTREAM_URL: "http://127.0.0.1:9" });
    expect(replayed.code, replayed.output).toBe(0);
    expect(scratch.upstream.received).toHaveLength(5);
  });
});
