import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { cassetteLayouts, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { describe, expect, it } from "vitest";
import { VcrError } from "../errors.js";
import { startCassette, withCassette } from "../session/cassette-session.js";
import { useScratchAndUpstream } from "../test-upstream.js";

// Taken before any cassette installed interception, as a client built at import time keeps it.
const keptFetch = globalThis.fetch;

const scratch = useScratchAndUpstream("tapedeck-vcr-interception-");

/** A Bedrock Converse answer, as the API sends it. */
const converseAnswer = { output: { message: { role: "assistant", content: [{ text: "Paris." }] } }, stopReason: "end_turn", usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 }, metrics: { latencyMs: 10 } };

/** An HTTP/1.1 stand-in for Bedrock, and what it received. */
async function bedrockStandIn(): Promise<{ url: string; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = [];
  const server = createServer(async (request, response) => {
    for await (const _piece of request);
    paths.push(request.url ?? "");
    response.writeHead(200, { "content-type": "application/json", date: new Date().toUTCString() });
    response.end(JSON.stringify(converseAnswer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function converse(endpoint: string, credentials?: { accessKeyId: string; secretAccessKey: string }) {
  // The SDK's default request handler is HTTP/2 (node:http2), which fetch and node:http interceptors do not see.
  const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint, ...(credentials ? { credentials } : {}) });
  return client.send(new ConverseCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: [{ text: "Capital of France?" }] }] }));
}

describe("HTTP/2 and the AWS SDK", () => {
  it("records the SDK's default HTTP/2 requests and replays them offline, credentials looked up without the network", { timeout: 30_000 }, async () => {
    const standIn = await bedrockStandIn();
    const path = join(scratch.directory, "bedrock.yaml");
    const recording = await startCassette({ path, mode: "record", match: { ignoreHosts: true } });
    const live = await converse(standIn.url, { accessKeyId: "AKIAEXAMPLEEXAMPLE12", secretAccessKey: "example" });
    await recording.stop();
    expect(live.output?.message?.content).toEqual([{ text: "Paris." }]);
    expect(standIn.paths).toEqual(["/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse"]);
    expect(parseCassette(await readFile(path, "utf8")).interactions[0]!.request.headers!.Authorization).toEqual(["REDACTED"]);

    // No keys in the environment: the SDK's credential chain ends at the instance metadata service, answered here.
    const saved = { ...process.env };
    for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"]) delete process.env[name];
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(scratch.directory, "no-credentials");
    process.env.AWS_CONFIG_FILE = join(scratch.directory, "no-config");
    try {
      const replaying = await startCassette({ path, mode: "replay", match: { ignoreHosts: true } });
      const replayed = await converse("http://127.0.0.1:9");
      await replaying.stop();
      expect(replayed.output?.message?.content).toEqual([{ text: "Paris." }]);
    } finally {
      process.env = saved;
    }
    expect(standIn.paths).toHaveLength(1);
    await standIn.close();
  });
});

describe("what is never recorded", () => {
  it("answers cloud metadata look-ups offline by default, and never writes them", async () => {
    const path = join(scratch.directory, "metadata.yaml");
    const session = await startCassette({ path, mode: "record" });
    const token = await (await fetch("http://169.254.169.254/latest/api/token", { method: "PUT" })).text();
    const role = await (await fetch("http://169.254.169.254/latest/meta-data/iam/security-credentials/", { headers: { "x-aws-ec2-metadata-token": token } })).text();
    const credentials = (await (await fetch(`http://169.254.169.254/latest/meta-data/iam/security-credentials/${role}`)).json()) as { AccessKeyId: string; Expiration: string };
    const google = await fetch("http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token", { headers: { "metadata-flavor": "Google" } });
    await session.stop();
    expect(credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(Date.parse(credentials.Expiration)).toBeGreaterThan(Date.now());
    expect(google.headers.get("metadata-flavor")).toBe("Google");
    expect(((await google.json()) as { token_type: string }).token_type).toBe("Bearer");
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });

  it("sends the hosts named in passthrough, and data: URLs, to the network untouched in every mode", async () => {
    const path = join(scratch.directory, "passthrough.yaml");
    const host = new URL(scratch.upstream.url).host;
    for (const mode of ["record", "replay"] as const) {
      const session = await startCassette({ path, mode, passthrough: [host] });
      expect(((await (await fetch(`${scratch.upstream.url}/v1/echo`, { method: "POST", body: mode })).json()) as { echo: string }).echo).toBe(mode);
      expect(await (await fetch("data:text/plain,inline")).text()).toBe("inline");
      await session.stop();
    }
    expect(scratch.upstream.received.map(({ body }) => body)).toEqual(["record", "replay"]);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });
});

describe("a request that went past the interception", () => {
  it("fails the cassette's stop(), saying how it happens and what to do", async () => {
    const { networkFetch } = await import("./network.js");
    const path = join(scratch.directory, "bypass.yaml");
    const session = await startCassette({ path, mode: "record-missing" });
    // tapedeck's own network requests are not a bypass...
    await (await networkFetch(`${scratch.upstream.url}/v1/echo`, { method: "POST", body: "own" })).text();
    // ...but one sent through the fetch a client kept from before interception is.
    expect(keptFetch).not.toBe(globalThis.fetch);
    await (await keptFetch(`${scratch.upstream.url}/v1/echo`, { method: "POST", body: "bypass" })).text();
    const error = await session.stop().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(VcrError);
    expect((error as VcrError).code).toBe("network-bypass");
    expect((error as VcrError).message).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/v1\/echo reached the network past tapedeck/);
    expect((error as VcrError).message).toContain("setup file");
  });
});

describe("modes and cassette age", () => {
  it("once records a missing cassette, then only replays it: a new request is a miss", async () => {
    const path = join(scratch.directory, "once.yaml");
    await withCassette({ path, mode: "once" }, async () => {
      await fetch(`${scratch.upstream.url}/v1/echo`, { method: "POST", body: "first" });
    });
    const session = await startCassette({ path, mode: "once" });
    expect((await fetch(`${scratch.upstream.url}/v1/echo`, { method: "POST", body: "first" })).status).toBe(200);
    expect((await fetch(`${scratch.upstream.url}/v1/echo`, { method: "POST", body: "second" })).status).toBe(404);
    await expect(session.stop()).rejects.toMatchObject({ code: "no-match" });
    expect(scratch.upstream.received).toHaveLength(1);
  });

  it("re-records a cassette older than expiresIn in record-missing, and says so in replay", async () => {
    const path = join(scratch.directory, "old.yaml");
    const old = new Date(Date.now() - 40 * 86_400_000).toUTCString();
    const url = `${scratch.upstream.url}/v1/echo`;
    const interaction = { id: 0, request: { method: "POST", url, body: "q" }, response: { code: 200, status: "200 OK", headers: { Date: [old] }, body: '{"echo":"stale"}' } };
    await writeFile(path, serializeCassette({ version: 2, layout: cassetteLayouts.C, interactions: [interaction] }));
    const replaying = await startCassette({ path, mode: "replay", expiresIn: 30 });
    expect(await (await fetch(url, { method: "POST", body: "q" })).json()).toEqual({ echo: "stale" });
    expect((await replaying.stop()).notes).toEqual([`${path} is 40 days old, older than expiresIn (30): record it afresh with TAPEDECK_MODE=record`]);
    const refreshing = await startCassette({ path, mode: "record-missing", expiresIn: 30 });
    expect(await (await fetch(url, { method: "POST", body: "q" })).json()).toEqual({ echo: "q", path: "/v1/echo" });
    expect((await refreshing.stop()).notes).toEqual([`${path} was 40 days old, older than expiresIn (30): recorded afresh`]);
    expect(scratch.upstream.received).toHaveLength(1);
  });
});
