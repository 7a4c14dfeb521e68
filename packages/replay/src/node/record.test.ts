import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bodyText, layoutName, parseCassette } from "@tapedeck/cassette";
import { parseEventStream } from "@tapedeck/sse";
import { afterEach, describe, expect, it } from "vitest";
import { createReplayFetch } from "../replay-fetch.js";
import { loadFixture } from "../test-fixtures.js";
import { createRecordingFetch } from "./record.js";

/** A loopback upstream that streams a recorded body event by event; `release` lets the rest go. */
async function upstream(body: string, options: { holdAfterFirst?: boolean } = {}) {
  const events = parseEventStream(body).map((event) => event.raw);
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const seen: Array<Record<string, string | string[] | undefined>> = [];
  const server = createServer(async (request, response) => {
    seen.push(request.headers);
    for await (const _ of request);
    response.writeHead(200, { "content-type": "text/event-stream", "set-cookie": "session=secret" });
    response.write(events[0]);
    if (options.holdAfterFirst) await released;
    for (const event of events.slice(1)) response.write(event);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/chat/completions`, release, seen, close: () => server.close() };
}

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

describe("createRecordingFetch", () => {
  it("records a stream in go-vcr's layout without secrets, and replaying it gives the same bytes", async () => {
    const recorded = loadFixture("fireworks").interactions[0]!;
    const body = bodyText(recorded.response.body);
    const server = await upstream(body);
    closers.push(server.close);
    const path = join(await mkdtemp(join(tmpdir(), "tapedeck-record-")), "new.yaml");
    const fetch = createRecordingFetch(globalThis.fetch, { path });
    const init = { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer sk-secret", "x-api-key": "secret" }, body: bodyText(recorded.request.body) };
    const response = await fetch(server.url, init);
    expect(await response.text()).toBe(body);
    await fetch.flush();

    const text = await readFile(path, "utf8");
    expect(text).not.toMatch(/secret/);
    const cassette = parseCassette(text);
    expect(layoutName(cassette.layout)).toBe("C");
    const [interaction] = cassette.interactions;
    expect(interaction!.request).toMatchObject({ method: "POST", url: server.url, body: init.body, headers: { "Content-Type": ["application/json"] } });
    expect(interaction!.request.headers).toMatchObject({ Authorization: ["REDACTED"], "X-Api-Key": ["REDACTED"] });
    expect(interaction!.response).toMatchObject({ code: 200, status: "200 OK", contentLength: -1, body, headers: { "Content-Type": ["text/event-stream"] } });
    expect(interaction!.response.headers).toMatchObject({ "Set-Cookie": ["REDACTED"] });
    expect(server.seen[0]!.authorization).toBe("Bearer sk-secret");

    const replayed = await createReplayFetch(cassette)(server.url, init);
    expect(await replayed.text()).toBe(body);
  });

  it("hands the stream to the client live, before the upstream has finished", async () => {
    const body = bodyText(loadFixture("novita").interactions[1]!.response.body);
    const server = await upstream(body, { holdAfterFirst: true });
    closers.push(server.close);
    const path = join(await mkdtemp(join(tmpdir(), "tapedeck-record-")), "live.yaml");
    const fetch = createRecordingFetch(globalThis.fetch, { path });
    const response = await fetch(server.url, { method: "POST", body: "{}" });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe(body.slice(0, first.length));
    expect(fetch.cassette.interactions).toHaveLength(0); // still recording
    server.release();
    while (!(await reader.read()).done);
    await fetch.flush();
    expect(parseCassette(await readFile(path, "utf8")).interactions[0]!.response.body).toBe(body);
  });

  it("lets a redact hook and more header names change what is written", async () => {
    const server = await upstream("data: {}\n\ndata: [DONE]\n\n");
    closers.push(server.close);
    const path = join(await mkdtemp(join(tmpdir(), "tapedeck-record-")), "redacted.yaml");
    const fetch = createRecordingFetch(globalThis.fetch, {
      path,
      redaction: { headers: ["x-org-id"] },
      redact: (interaction) => {
        interaction.request.url = interaction.request.url.replace(/127\.0\.0\.1:\d+/, "api.example.com");
        return interaction;
      },
    });
    await (await fetch(server.url, { method: "POST", headers: { "x-org-id": "org-123" }, body: "{}" })).text();
    await fetch.flush();
    const text = await readFile(path, "utf8");
    expect(text).not.toContain("org-123");
    expect(text).toContain("url: http://api.example.com/api/v1/chat/completions");
  });

  it("keeps a request body that is not UTF-8 as bytes, never mended", async () => {
    const server = await upstream("data: {}\n\n");
    closers.push(server.close);
    const path = join(await mkdtemp(join(tmpdir(), "tapedeck-record-")), "bytes.yaml");
    const fetch = createRecordingFetch(globalThis.fetch, { path });
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    await (await fetch(server.url, { method: "POST", body: bytes })).text();
    await fetch.flush();
    const text = await readFile(path, "utf8");
    expect(text).toContain("body: !!binary e//+fQ==");
    expect(parseCassette(text).interactions[0]!.request.body).toEqual(bytes);
  });

  it("reports a failed write once: a later flush, after later exchanges succeed, resolves", async () => {
    const server = await upstream("data: {}\n\n");
    closers.push(server.close);
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-record-"));
    const errors: string[] = [];
    // A directory where the file should be: the first write fails.
    const path = join(directory, "taken.yaml");
    await mkdir(path);
    const fetch = createRecordingFetch(globalThis.fetch, { path, onError: (error) => errors.push(error.code) });
    await (await fetch(server.url, { method: "POST", body: "{}" })).text();
    await expect(fetch.flush()).rejects.toMatchObject({ code: "record-failed" });
    await rm(path, { recursive: true });
    await (await fetch(server.url, { method: "POST", body: "{}" })).text();
    await expect(fetch.flush()).resolves.toBeUndefined();
    expect(errors).toEqual(["record-failed"]);
    expect(parseCassette(await readFile(path, "utf8")).interactions).toHaveLength(2);
  });

  it("leaves out an interaction the hook returns null for", async () => {
    const server = await upstream("data: {}\n\n");
    closers.push(server.close);
    const path = join(await mkdtemp(join(tmpdir(), "tapedeck-record-")), "dropped.yaml");
    const fetch = createRecordingFetch(globalThis.fetch, { path, redact: (interaction) => (interaction.request.body === "drop" ? null : interaction) });
    await (await fetch(server.url, { method: "POST", body: "drop" })).text();
    await (await fetch(server.url, { method: "POST", body: "keep" })).text();
    await fetch.flush();
    expect(parseCassette(await readFile(path, "utf8")).interactions.map((interaction) => [interaction.id, interaction.request.body])).toEqual([[0, "keep"]]);
  });
});
