import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { type Cassette, cassetteLayouts, type Interaction } from "@tapedeck/cassette";
import { describe, expect, it } from "vitest";
import { ReplayError } from "../errors.js";
import { createReplayFetch } from "../replay-fetch.js";
import { startReplayServer } from "./server.js";

/** A cassette of hand-written interactions, each answering GET /<n>. */
function cassetteOf(responses: Array<Partial<Interaction["response"]>>): Cassette {
  return {
    version: 2,
    layout: cassetteLayouts.C,
    interactions: responses.map((response, id) => ({
      id,
      request: { method: "GET", url: `http://127.0.0.1/${id}` },
      response: { code: 200, status: "200 OK", headers: { "Content-Type": ["text/plain"] }, body: "ok", ...response },
    })),
  };
}

/** Recorded heads that HTTP cannot carry, each seen to end a replay server's process before. */
const unsendable: Array<[string, Partial<Interaction["response"]>]> = [
  ["a status text with a line break", { status: "200 OK\r\nX-Injected: 1" }],
  ["a status text with a control character", { status: "200 O\u0001K" }],
  ["a header value with a line break", { headers: { "X-Note": ["a\nb"] } }],
  ["a header value with a NUL", { headers: { "X-Note": ["a\u0000b"] } }],
  ["a header name with a space", { headers: { "X Note": ["a"] } }],
  ["a code over 999", { code: 1000, status: "1000 Nope" }],
  ["a code under 100", { code: 99, status: "99 Nope" }],
];

describe("the replay server on recordings HTTP cannot carry", () => {
  it.each(unsendable)("answers %s with a typed 502, and keeps serving", async (_what, response) => {
    const server = await startReplayServer(cassetteOf([response, {}]));
    try {
      const bad = await fetch(`${server.url}/0`);
      expect(bad.status).toBe(502);
      const { error } = (await bad.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("invalid-recording");
      expect(error.message).toMatch(/^tapedeck: interaction 0 cannot be replayed: /);
      expect(server.misses.map((miss) => miss.code)).toEqual(["invalid-recording"]);
      const good = await fetch(`${server.url}/1`);
      expect(await good.text()).toBe("ok");
    } finally {
      await server.close();
    }
  });

  it.each(unsendable)("makes the replay fetch throw ReplayError invalid-recording for %s, not no-match", async (_what, response) => {
    const fetch = createReplayFetch(cassetteOf([response]));
    const error = await fetch("http://127.0.0.1/0").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReplayError);
    expect(error).toMatchObject({ code: "invalid-recording", nearest: 0 });
  });

  it("makes the replay fetch refuse a status a Response cannot have (101) with a typed error", async () => {
    await expect(createReplayFetch(cassetteOf([{ code: 101, status: "101 Switching Protocols" }]))("http://127.0.0.1/0")).rejects.toMatchObject({ code: "invalid-recording" });
  });
});

describe("the replay server's guard", () => {
  it("refuses a Host that is not loopback (DNS rebinding), unless allowed", async () => {
    const server = await startReplayServer(cassetteOf([{}, {}]));
    const port = new URL(server.url).port;
    const ask = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest({ host: "127.0.0.1", port, path: "/0", headers: { host } }, (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode!, body }));
        });
        request.on("error", reject);
        request.end();
      });
    try {
      const refused = await ask("attacker.example:80");
      expect(refused.status).toBe(403);
      expect(refused.body).not.toContain("ok");
      expect((await ask(`localhost:${port}`)).status).toBe(200);
    } finally {
      await server.close();
    }
    const open = await startReplayServer(cassetteOf([{}]), { allowedHosts: ["replay.test"] });
    try {
      const response = await new Promise<number>((resolve) => {
        httpRequest({ host: "127.0.0.1", port: new URL(open.url).port, path: "/0", headers: { host: "replay.test" } }, (answer) => resolve(answer.statusCode!)).end();
      });
      expect(response).toBe(200);
    } finally {
      await open.close();
    }
  });

  it("keeps only the latest misses, however many there are", async () => {
    const server = await startReplayServer(cassetteOf([{}]), { maxMisses: 10 });
    try {
      for (let miss = 0; miss < 50; miss += 1) await (await fetch(`${server.url}/missing/${miss}`, { method: "POST", body: "x".repeat(10_000) })).text();
      expect(server.misses).toHaveLength(10);
      expect(server.misses.at(-1)!.message).toContain("/missing/49");
    } finally {
      await server.close();
    }
  });

  it("waits for a reader that does not read instead of buffering the stream (drain)", async () => {
    // 20 MB of events; five clients that never read.
    const event = `data: ${JSON.stringify({ text: "x".repeat(1000) })}\n\n`;
    const body = event.repeat(20_000);
    const server = await startReplayServer(cassetteOf([{ body, headers: { "Content-Type": ["text/event-stream"] } }]), { match: { allowRepeats: true } });
    const sockets = [];
    try {
      const before = process.memoryUsage().arrayBuffers;
      for (let client = 0; client < 5; client += 1) {
        const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
        socket.pause();
        socket.write(`GET /0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        sockets.push(socket);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      const grown = process.memoryUsage().arrayBuffers - before;
      // Without backpressure each client holds its 20 MB in the server's buffers (100 MB).
      expect(grown).toBeLessThan(30 * 1024 * 1024);
    } finally {
      for (const socket of sockets) socket.destroy();
      await server.close();
    }
  });
});

describe("replaying with a signal", () => {
  const stream = cassetteOf([{ headers: { "Content-Type": ["text/event-stream"] }, body: Array.from({ length: 40 }, (_, index) => `data: ${index}\n\n`).join("") }]);

  it("adds no abort listener per event (no MaxListenersExceededWarning)", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const response = await createReplayFetch(stream, { timing: { pacing: 1 } })("http://127.0.0.1/0", { signal: controller.signal });
      expect((await response.text()).match(/data:/g)).toHaveLength(40);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("delivers no event after an abort between events", async () => {
    const controller = new AbortController();
    const response = await createReplayFetch(stream, { timing: { pacing: 5 } })("http://127.0.0.1/0", { signal: controller.signal });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("data: 0\n\n");
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
  });
});
