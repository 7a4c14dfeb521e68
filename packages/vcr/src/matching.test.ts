import { readFile, } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CassetteOptions } from "./options.js";
import { startCassette } from "./session/cassette-session.js";
import { VcrError } from "./errors.js";
import { useScratchAndUpstream } from "./test-upstream.js";

const scratch = useScratchAndUpstream("tapedeck-vcr-match-");

interface Sent {
  url?: string;
  body?: string;
  headers?: Record<string, string>;
}

/** Records one request, then replays another with the options: whether it matched. */
async function matches(recorded: Sent, replayed: Sent, options: Partial<CassetteOptions> = {}): Promise<boolean> {
  const path = join(scratch.directory, `case-${Math.random().toString(36).slice(2)}.yaml`);
  const send = ({ url = "/v1/echo", body = '{"model":"m"}', headers = {} }: Sent) =>
    fetch(url.startsWith("http") ? url : `${scratch.upstream.url}${url}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const recording = await startCassette({ path, mode: "record" });
  await (await send(recorded)).text();
  await recording.stop();
  const replaying = await startCassette({ path, mode: "replay", ...options });
  const status = (await send(replayed)).status;
  const error = await replaying.stop().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(status === 404).toBe(error instanceof VcrError && error.code === "no-match");
  return error === undefined;
}

describe("matching", () => {
  it("compares JSON bodies as JSON: key order and spacing never cause a miss", async () => {
    expect(await matches({ body: '{"model":"m","messages":[{"role":"user","content":"hi"}]}' }, { body: '{ "messages": [ { "content": "hi", "role": "user" } ], "model": "m" }' })).toBe(true);
    expect(await matches({ body: '{"model":"m","temperature":1}' }, { body: '{"model":"m","temperature":0.5}' })).toBe(false);
  });

  it("compares query parameters in any order, and ignores the ones named", async () => {
    expect(await matches({ url: "/v1/echo?a=1&b=2" }, { url: "/v1/echo?b=2&a=1" })).toBe(true);
    expect(await matches({ url: "/v1/echo?trace=1" }, { url: "/v1/echo?trace=2" })).toBe(false);
    expect(await matches({ url: "/v1/echo?trace=1" }, { url: "/v1/echo?trace=2" }, { match: { ignoreQueryParameters: ["trace"] } })).toBe(true);
  });

  it("ignores the host and port when asked (a local upstream on a random port)", async () => {
    expect(await matches({}, { url: "http://127.0.0.2:9/v1/echo" })).toBe(false);
    expect(await matches({}, { url: "http://127.0.0.2:9/v1/echo" }, { match: { ignoreHosts: true } })).toBe(true);
  });

  it("compares headers that say what is asked, and ignores the ones named", async () => {
    expect(await matches({ headers: { "x-experiment": "a" } }, { headers: { "x-experiment": "b" } })).toBe(false);
    expect(await matches({ headers: { "x-experiment": "a" } }, { headers: { "x-experiment": "b" } }, { match: { ignoreHeaders: ["x-experiment"] } })).toBe(true);
    expect(await matches({ headers: { "user-agent": "one/1" } }, { headers: { "user-agent": "two/2" } })).toBe(true);
  });

  it("ignores the body paths named", async () => {
    const recorded = { body: '{"model":"m","metadata":{"user":"a","run":1}}' };
    const replayed = { body: '{"model":"m","metadata":{"user":"b","run":1}}' };
    expect(await matches(recorded, replayed)).toBe(false);
    expect(await matches(recorded, replayed, { match: { ignoreBodyPaths: ["metadata.user"] } })).toBe(true);
  });

  it("lets a custom matcher decide", async () => {
    const samePath: NonNullable<CassetteOptions["match"]>["matcher"] = (request, interaction) =>
      new URL(request.url).pathname === new URL(interaction.request.url).pathname ? [] : [{ path: "url", recorded: interaction.request.url, sent: request.url }];
    expect(await matches({ body: '{"n":1}' }, { body: '{"n":2}' }, { match: { matcher: samePath } })).toBe(true);
    expect(await matches({ url: "/v1/a" }, { url: "/v1/b" }, { match: { matcher: samePath } })).toBe(false);
  });
});

describe("redaction", () => {
  const secrets = {
    bearer: "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789",
    anthropic: "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789",
    google: "AIzaSyA-abcdefghijklmnopqrstuvwxyz012345",
    custom: "sk-live-9876543210abcdefghijklmnopqrstuvwx",
  };

  async function recordWithSecrets(path: string, options: Partial<CassetteOptions> = {}) {
    return fetch(`${scratch.upstream.url}/v1/stream?key=${secrets.google}&alt=sse`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${secrets.bearer}`,
        "x-api-key": secrets.anthropic,
        "x-goog-api-key": secrets.google,
        "proxy-authorization": `Basic ${btoa("user:password")}`,
        cookie: "session=s3cr3t-cookie",
        "x-custom-token-header": secrets.custom,
        "content-type": "application/json",
      },
      body: JSON.stringify({ model: "m", api_key: secrets.bearer, nested: { clientSecret: "hunter2" } }),
    }).then(async (response) => {
      await response.text();
      return { path, options };
    });
  }

  it("writes no secret of any kind, and a live request with the real secrets still matches", async () => {
    const path = join(scratch.directory, "secrets.yaml");
    const recording = await startCassette({ path, mode: "record" });
    await recordWithSecrets(path);
    await recording.stop();
    const text = await readFile(path, "utf8");
    for (const secret of [...Object.values(secrets), "s3cr3t-cookie", "hunter2", btoa("user:password")]) expect(text).not.toContain(secret);
    expect(text).toContain("REDACTED");
    const replaying = await startCassette({ path, mode: "replay" });
    await recordWithSecrets(path);
    await replaying.stop();
    expect(scratch.upstream.received).toHaveLength(1);
  });

  it("lets a hook drop an interaction or rewrite it before it is written", async () => {
    const path = join(scratch.directory, "hooked.yaml");
    const session = await startCassette({
      path,
      mode: "record",
      redact: (interaction) => {
        if (interaction.request.url.includes("/v1/skip")) return null;
        interaction.response.body = "rewritten";
        return interaction;
      },
    });
    await (await fetch(`${scratch.upstream.url}/v1/skip`)).text();
    await (await fetch(`${scratch.upstream.url}/v1/keep`)).text();
    await session.stop();
    const text = await readFile(path, "utf8");
    expect(text).not.toContain("/v1/skip");
    expect(text).toContain("body: rewritten");
  });
});
