import { type Cassette, cassetteLayouts, type HeaderMap, type Interaction } from "@tapedeck/cassette";
import { describe, expect, it } from "vitest";
import { ReplayError } from "../errors.js";
import { createReplayFetch } from "../replay-fetch.js";
import { compareRequests } from "./compare.js";

function cassetteOf(...requests: Array<{ method?: string; url: string; headers?: HeaderMap; body?: string | Uint8Array; code?: number; answer?: string }>): Cassette {
  const interactions: Interaction[] = requests.map((request, id) => ({
    id,
    request: { method: request.method ?? "POST", url: request.url, headers: request.headers ?? {}, body: request.body ?? "" },
    response: { code: request.code ?? 200, status: `${request.code ?? 200} OK`, body: request.answer ?? `answer ${id}` },
  }));
  return { version: 2, layout: cassetteLayouts.C, interactions };
}

async function miss(run: Promise<Response>): Promise<ReplayError> {
  const error = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ReplayError);
  return error as ReplayError;
}

/** A multipart body as undici's FormData writes it: a random boundary each time. */
async function formRequest(fields: Record<string, string | Blob>): Promise<{ body: string; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof Blob) form.append(name, value, "audio.wav");
    else form.append(name, value);
  }
  const request = new Request("https://api.openai.com/v1/audio/transcriptions", { method: "POST", body: form });
  return { body: await request.text(), contentType: request.headers.get("content-type")! };
}

describe("multipart bodies", () => {
  it("match by their parts, whatever the random boundary; a changed field is a difference at its part", async () => {
    const fields = { model: "whisper-1", file: new Blob(["RIFF....WAVEfmt "], { type: "audio/wav" }) };
    const recorded = await formRequest(fields);
    const cassette = cassetteOf({ url: "https://api.openai.com/v1/audio/transcriptions", headers: { "Content-Type": [recorded.contentType] }, body: recorded.body });
    const live = await formRequest(fields);
    expect(live.contentType).not.toBe(recorded.contentType);
    const replay = createReplayFetch(cassette);
    const answer = await replay("https://api.openai.com/v1/audio/transcriptions", { method: "POST", headers: { "content-type": live.contentType }, body: live.body });
    expect(await answer.text()).toBe("answer 0");

    const other = await formRequest({ ...fields, model: "gpt-4o-transcribe" });
    const error = await miss(createReplayFetch(cassette)("https://api.openai.com/v1/audio/transcriptions", { method: "POST", headers: { "content-type": other.contentType }, body: other.body }));
    expect(error.differences).toEqual([{ path: "body.parts.0.content", recorded: "whisper-1", sent: "gpt-4o-transcribe" }]);
  });
});

describe("URLs", () => {
  it("match after decoding what RFC 3986 lets a path hold as it is (a Bedrock model id's `:`), and no more", async () => {
    const recorded = "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke";
    const cassette = cassetteOf({ url: recorded });
    const answer = await createReplayFetch(cassette)("https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1:0/invoke", { method: "POST" });
    expect(answer.status).toBe(200);
    // `%2F` is not `/`: it is part of one segment, not a separator.
    const slashes = cassetteOf({ url: "https://x.test/files/a%2Fb" });
    expect((await miss(createReplayFetch(slashes)("https://x.test/files/a/b", { method: "POST" }))).differences.map(({ path }) => path)).toEqual(["url"]);
    expect((await createReplayFetch(slashes)("https://x.test/files/a%2fb", { method: "POST" })).status).toBe(200);
  });

  it("say in the miss when only the host or port differ, and which option matches them", async () => {
    const cassette = cassetteOf({ url: "http://127.0.0.1:41234/v1/chat/completions", body: "{}" });
    const error = await miss(createReplayFetch(cassette)("http://127.0.0.1:51999/v1/chat/completions", { method: "POST", body: "{}" }));
    expect(error.message).toContain("Only the scheme, host or port differ");
    expect(error.message).toContain("match: { ignoreHosts: true }");
    const lenient = createReplayFetch(cassette, { match: { ignoreHosts: true } });
    expect((await lenient("http://127.0.0.1:51999/v1/chat/completions", { method: "POST", body: "{}" })).status).toBe(200);
  });
});

describe("repeats", () => {
  it("are answered in recorded order, then by the last: a 429 then a 200 never sticks on the 429", async () => {
    const cassette = cassetteOf({ url: "https://x.test/v1/flaky", code: 429, answer: "slow down" }, { url: "https://x.test/v1/flaky", code: 200, answer: "fine" });
    const replay = createReplayFetch(cassette, { match: { allowRepeats: true } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await replay("https://x.test/v1/flaky", { method: "POST" })).status);
    expect(statuses).toEqual([429, 200, 200, 200]);
    const once = createReplayFetch(cassette);
    await once("https://x.test/v1/flaky", { method: "POST" });
    await once("https://x.test/v1/flaky", { method: "POST" });
    expect((await miss(once("https://x.test/v1/flaky", { method: "POST" }))).message).toContain("already used");
  });
});

describe("compareRequests", () => {
  it("is the built-in comparison, for custom matchers to call and adjust", () => {
    const [interaction] = cassetteOf({ url: "https://x.test/v1/chat", body: '{"model":"m","metadata":{"run":1}}' }).interactions;
    const request = { method: "POST", url: "https://x.test/v1/chat", headers: new Headers(), body: '{"metadata":{"run":2},"model":"m"}' };
    expect(compareRequests(request, interaction!)).toEqual([{ path: "body.metadata.run", recorded: 1, sent: 2 }]);
    expect(compareRequests(request, interaction!, { ignoreBodyPaths: ["metadata.run"] })).toEqual([]);
  });
});

describe("the redact hook", () => {
  it("applies to live requests before matching, as to what was written; a request it drops is a `dropped` error", async () => {
    const stamp = (interaction: Interaction) => {
      if (typeof interaction.request.body === "string") interaction.request.body = interaction.request.body.replace(/"now":"[^"]*"/, '"now":"<time>"');
      return interaction.request.url.endsWith("/health") ? null : interaction;
    };
    const cassette = cassetteOf({ url: "https://x.test/v1/chat", body: '{"model":"m","now":"<time>"}' });
    const replay = createReplayFetch(cassette, { redact: stamp });
    expect((await replay("https://x.test/v1/chat", { method: "POST", body: '{"model":"m","now":"2026-12-03T12:00:00Z"}' })).status).toBe(200);
    const error = await miss(replay("https://x.test/health", { method: "POST" }));
    expect(error.code).toBe("dropped");
    const without = await miss(createReplayFetch(cassette)("https://x.test/v1/chat", { method: "POST", body: '{"model":"m","now":"2026-12-03T12:00:00Z"}' }));
    expect(without.code).toBe("no-match");
  });
});
