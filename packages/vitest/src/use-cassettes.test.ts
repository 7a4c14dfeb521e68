import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseCassette } from "@tapedeck/cassette";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { echoUpstream, removeScratch, scratchProject } from "./test-support/scratch-project.js";

// Real vitest runs of test files that use useCassettes, each in a scratch project of its own.
let upstream: Awaited<ReturnType<typeof echoUpstream>>;
beforeAll(async () => {
  upstream = await echoUpstream();
});
afterAll(async () => {
  await upstream.close();
  await removeScratch();
});

const askTest = `import { useCassettes } from "@tapedeck/vitest";
import { expect, test } from "vitest";

useCassettes({ match: { ignoreHosts: true } });

test("asks the upstream", async () => {
  const response = await fetch(\`\${process.env.UPSTREAM_URL}/v1/echo\`, { method: "POST", body: process.env.QUESTION });
  expect(await response.json()).toEqual({ echo: process.env.QUESTION, path: "/v1/echo" });
});
`;

/** On CI, against an address where nothing listens: what a replay in CI sees. */
const offline = { CI: "true", UPSTREAM_URL: "http://127.0.0.1:9" };

describe("useCassettes in a real vitest run", () => {
  it("fails in replay without the cassette, naming it; records it on a first run; then replays it offline; a changed request fails", { timeout: 120_000 }, async () => {
    const project = await scratchProject("basic");
    await project.write({ "sample.test.ts": askTest });
    const cassette = join(project.root, "__cassettes__", "sample.test.ts", "asks_the_upstream.yaml");
    const question = JSON.stringify({ q: "capital of France" });
    const before = upstream.requests();

    const missing = await project.run({ TAPEDECK_MODE: "replay", UPSTREAM_URL: upstream.url, QUESTION: question });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(`${cassette}: no cassette to answer POST`);
    expect(upstream.requests()).toBe(before);

    const first = await project.run({ UPSTREAM_URL: upstream.url, QUESTION: question });
    expect(first.code, first.output).toBe(0);
    expect(existsSync(cassette)).toBe(true);
    expect(upstream.requests()).toBe(before + 1);

    const replayed = await project.run({ ...offline, QUESTION: question });
    expect(replayed.code, replayed.output).toBe(0);

    const changed = await project.run({ ...offline, QUESTION: JSON.stringify({ q: "capital of Italy" }) });
    expect(changed.code).toBe(1);
    expect(changed.output).toContain(`${cassette}: No recorded interaction matches POST`);
    expect(changed.output).toContain('q: recorded "capital of France", sent "capital of Italy"');
    expect(upstream.requests()).toBe(before + 1);
  });
});

describe("what is green here is green in CI", () => {
  it("a prompt edit under record-missing removes the interaction no longer sent, says so, and CI replays green", { timeout: 120_000 }, async () => {
    const project = await scratchProject("prompt-edit");
    await project.write({ "sample.test.ts": askTest });
    const cassette = join(project.root, "__cassettes__", "sample.test.ts", "asks_the_upstream.yaml");
    expect((await project.run({ UPSTREAM_URL: upstream.url, QUESTION: '{"q":"v1"}' })).code).toBe(0);
    const edited = await project.run({ UPSTREAM_URL: upstream.url, QUESTION: '{"q":"v2"}' });
    expect(edited.code, edited.output).toBe(0);
    expect(edited.output).toMatch(/tapedeck: removed 1 interaction no request used from .*asks_the_upstream\.yaml: POST http:\/\/127\.0\.0\.1:\d+\/v1\/echo/);
    expect(parseCassette(await readFile(cassette, "utf8")).interactions.map(({ id, request }) => [id, request.body])).toEqual([[0, '{"q":"v2"}']]);
    const ci = await project.run({ ...offline, QUESTION: '{"q":"v2"}' });
    expect(ci.code, ci.output).toBe(0);
  });

  it("a test that makes no request needs no cassette, in any mode", { timeout: 120_000 }, async () => {
    const project = await scratchProject("no-request");
    await project.write({
      "quiet.test.ts": `import { useCassettes } from "@tapedeck/vitest";
import { expect, test } from "vitest";
useCassettes();
test("adds numbers", () => expect(1 + 1).toBe(2));
`,
    });
    for (const environment of [{}, offline]) {
      const result = await project.run(environment);
      expect(result.code, result.output).toBe(0);
    }
    expect(existsSync(join(project.root, "__cassettes__"))).toBe(false);
  });

  it("a client that kept fetch from before interception fails the test here, naming the fix; with the setup file it records and replays", { timeout: 120_000 }, async () => {
    const project = await scratchProject("import-time-client");
    await project.write({
      // A client made at import time keeps the fetch of that moment, as openai-node does.
      "client.ts": `const keptFetch = globalThis.fetch;
export const client = { ask: (url: string, body: string) => keptFetch(url, { method: "POST", body }) };
`,
      "early.test.ts": `import { useCassettes } from "@tapedeck/vitest";
import { expect, test } from "vitest";
import { client } from "./client.js";
useCassettes({ match: { ignoreHosts: true } });
test("asks through an early client", async () => {
  const response = await client.ask(\`\${process.env.UPSTREAM_URL}/v1/echo\`, "hello");
  expect((await response.json()).echo).toBe("hello");
});
`,
    });
    const late = await project.run({ UPSTREAM_URL: upstream.url });
    expect(late.code).toBe(1);
    expect(late.output).toContain("reached the network past tapedeck while this cassette was in use");
    expect(late.output).toContain("@tapedeck/vitest/setup");
    expect(late.output).toContain("tapedeck: interception started when useCassettes ran, after this file's imports");

    await project.write({ "vitest.config.ts": `import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: { setupFiles: ["@tapedeck/vitest/setup"] } });\n` });
    const recorded = await project.run({ UPSTREAM_URL: upstream.url });
    expect(recorded.code, recorded.output).toBe(0);
    expect(recorded.output).not.toContain("interception started when useCassettes ran");
    const ci = await project.run(offline);
    expect(ci.code, ci.output).toBe(0);
  });

  it("redact applies to live requests before matching: a rewritten prompt matches in CI, a dropped request passes through in every mode", { timeout: 120_000 }, async () => {
    const project = await scratchProject("redact");
    await project.write({
      "redact.test.ts": `import { useCassettes } from "@tapedeck/vitest";
import { expect, test } from "vitest";
useCassettes({
  match: { ignoreHosts: true },
  redact(interaction) {
    if (interaction.request.url.endsWith("/health")) return null;
    if (typeof interaction.request.body === "string") interaction.request.body = interaction.request.body.replace(/at \\d+/, "at <time>");
    return interaction;
  },
});
test("asks with a timestamp in the prompt", async () => {
  const response = await fetch(\`\${process.env.UPSTREAM_URL}/v1/echo\`, { method: "POST", body: \`asked at \${Date.now()}\` });
  expect((await response.json()).path).toBe("/v1/echo");
  const health = await fetch(\`\${process.env.HEALTH_URL}/health\`, { method: "POST" });
  expect(health.status).toBe(200);
});
`,
    });
    expect((await project.run({ UPSTREAM_URL: upstream.url, HEALTH_URL: upstream.url })).code).toBe(0);
    const written = await readFile(join(project.root, "__cassettes__", "redact.test.ts", "asks_with_a_timestamp_in_the_prompt.yaml"), "utf8");
    expect(parseCassette(written).interactions.map(({ request }) => request.body)).toEqual(["asked at <time>"]);
    const before = upstream.requests();
    const ci = await project.run({ ...offline, HEALTH_URL: upstream.url });
    expect(ci.code, ci.output).toBe(0);
    expect(upstream.requests()).toBe(before + 1);
  });

  it("a miss against an upstream on another port says to match with ignoreHosts and how to record, once per test, without interceptor frames", { timeout: 120_000 }, async () => {
    const project = await scratchProject("random-port");
    await project.write({
      "port.test.ts": `import { useCassettes } from "@tapedeck/vitest";
import { expect, test } from "vitest";
useCassettes();
const send = (body: string) => fetch(\`\${process.env.UPSTREAM_URL}/v1/echo\`, { method: "POST", body });
test("checks the status", async () => {
  expect((await send("{}")).status).toBe(200);
});
test("throws the error body, as SDKs do", async () => {
  const response = await send("[]");
  if (!response.ok) throw new Error(\`\${response.status} \${(await response.json()).error.message}\`);
});
`,
    });
    expect((await project.run({ UPSTREAM_URL: upstream.url })).code).toBe(0);
    const other = await echoUpstream();
    const missed = await project.run({ CI: "true", UPSTREAM_URL: other.url });
    await other.close();
    expect(missed.code).toBe(1);
    expect(missed.output).toContain("Only the scheme, host or port differ (an upstream on a random port?): match with `match: { ignoreHosts: true }`.");
    expect(missed.output).toContain('To record it, run TAPEDECK_MODE=record-missing npx vitest run');
    // One report per test: tapedeck's own when the test hid it, none more when the client's error shows it.
    expect(missed.output.split("No recorded interaction matches POST").length - 1).toBe(2);
    expect(missed.output).not.toContain("@mswjs/interceptors");
  });
});

describe("concurrency and nesting", () => {
  it("gives each test.concurrent its own cassette, and lets a test start another cassette inside its own", { timeout: 120_000 }, async () => {
    const project = await scratchProject("concurrent");
    await project.write({
      "together.test.ts": `import { startCassette } from "@tapedeck/vcr";
import { useCassettes } from "@tapedeck/vitest";
import { expect, test } from "vitest";
useCassettes({ match: { ignoreHosts: true } });
const ask = async (body: string) => (await (await fetch(\`\${process.env.UPSTREAM_URL}/v1/echo\`, { method: "POST", body })).json()).echo;
test.concurrent.each(["one", "two", "three"])("concurrent %s", async (name) => {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
    expect(await ask(\`\${name} \${round}\`)).toBe(\`\${name} \${round}\`);
  }
});
test("nested", async () => {
  expect(await ask("outer")).toBe("outer");
  const inner = await startCassette({ path: \`\${import.meta.dirname}/__cassettes__/inner.yaml\`, match: { ignoreHosts: true } });
  expect(await ask("inner")).toBe("inner");
  await inner.stop();
});
`,
    });
    const recorded = await project.run({ UPSTREAM_URL: upstream.url });
    expect(recorded.code, recorded.output).toBe(0);
    const folder = join(project.root, "__cassettes__", "together.test.ts");
    expect((await readdir(folder)).sort()).toEqual(["concurrent_one.yaml", "concurrent_three.yaml", "concurrent_two.yaml", "nested.yaml"]);
    for (const name of ["one", "two", "three"]) {
      const bodies = parseCassette(await readFile(join(folder, `concurrent_${name}.yaml`), "utf8")).interactions.map(({ request }) => request.body);
      expect(bodies).toEqual([0, 1, 2].map((round) => `${name} ${round}`));
    }
    expect(parseCassette(await readFile(join(folder, "nested.yaml"), "utf8")).interactions.map(({ request }) => request.body)).toEqual(["outer"]);
    expect(parseCassette(await readFile(join(project.root, "__cassettes__", "inner.yaml"), "utf8")).interactions.map(({ request }) => request.body)).toEqual(["inner"]);
    const ci = await project.run(offline);
    expect(ci.code, ci.output).toBe(0);
  });
});
