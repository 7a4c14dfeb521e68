import { request as httpRequest } from "node:http";
import { bodyText, type Cassette, cassetteLayouts } from "@tapedeck/cassette";
import { describe, expect, it } from "vitest";
import { loadFixture, recordedRequest } from "../test-fixtures.js";
import { createReplayFetch } from "../replay-fetch.js";
import { startReplayServer } from "./server.js";

describe("startReplayServer", () => {
  it("serves the recorded stream on 127.0.0.1, matching path and query, event by event", async () => {
    const cassette = loadFixture("siliconflow");
    // A small delay between events, so that the client sees them arrive apart.
    const server = await startReplayServer(cassette, { timing: { pacing: 2 } });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const [, init] = recordedRequest(cassette, 0);
      const response = await fetch(`${server.url}/api/v1/chat/completions`, init);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/event-stream");
      let text = "";
      let pieces = 0;
      for await (const piece of response.body!) {
        text += new TextDecoder().decode(piece);
        pieces += 1;
      }
      expect(text).toBe(bodyText(cassette.interactions[0]!.response.body));
      expect(pieces).toBeGreaterThan(1);
    } finally {
      await server.close();
    }
  });

  it("answers a request nothing matches with 404 and where it differs, never the recorded values", async () => {
    const cassette = loadFixture("novita");
    const misses: string[] = [];
    const server = await startReplayServer(cassette, { onMiss: (error) => misses.push(error.code) });
    try {
      const response = await fetch(`${server.url}/v1/models`);
      expect(response.status).toBe(404);
      const text = await response.text();
      const { error } = JSON.parse(text) as { error: { message: string; code: string; nearest: number; differences: string[] } };
      expect(error).toMatchObject({ code: "no-match", nearest: 0, differences: ["method", "url", "headers.Content-Type", "body"] });
      // The recorded prompt and headers stay on this side.
      expect(text).not.toContain("multiply");
      expect(text).not.toContain("/api/v1/chat/completions");
      expect(misses).toEqual(["no-match"]);
      expect(server.misses).toHaveLength(1);
      expect(server.misses[0]!.message).toContain("url: recorded");
    } finally {
      await server.close();
    }
  });

  it("refuses a WebSocket upgrade with 501 and says why, rather than answering it as a plain GET", async () => {
    const cassette: Cassette = { version: 2, layout: cassetteLayouts.C, interactions: [{ id: 0, request: { method: "GET", url: "http://127.0.0.1/ws" }, response: { code: 200, status: "200 OK", body: "hello" } }] };
    const server = await startReplayServer(cassette);
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const upgrade = httpRequest(`${server.url}/ws`, { headers: { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13" } });
        upgrade.on("response", (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => {
            body += chunk.toString();
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        });
        upgrade.on("upgrade", () => reject(new Error("the upgrade was accepted")));
        upgrade.on("error", reject);
        upgrade.end();
      });
      expect(answer.status).toBe(501);
      expect(JSON.parse(answer.body).error.type).toBe("tapedeck_replay_upgrade_refused");
    } finally {
      await server.close();
    }
  });

  it("answers HEAD with the recorded Content-Length, both served and through the replaying fetch", async () => {
    const cassette: Cassette = {
      version: 2,
      layout: cassetteLayouts.C,
      interactions: [{ id: 0, request: { method: "HEAD", url: "http://127.0.0.1/v1/files/a" }, response: { code: 200, status: "200 OK", headers: { "Content-Length": ["12345"] }, body: "" } }],
    };
    const server = await startReplayServer(cassette, { match: { allowRepeats: true } });
    try {
      const served = await fetch(`${server.url}/v1/files/a`, { method: "HEAD" });
      expect(served.headers.get("content-length")).toBe("12345");
    } finally {
      await server.close();
    }
    const replayed = await createReplayFetch(cassette)("http://127.0.0.1/v1/files/a", { method: "HEAD" });
    expect(replayed.headers.get("content-length")).toBe("12345");
  });

  it("gives a typed error, not a stack, when its port is in use", async () => {
    const taken = await startReplayServer({ version: 2, layout: cassetteLayouts.C, interactions: [] });
    try {
      const port = Number(new URL(taken.url).port);
      await expect(startReplayServer({ version: 2, layout: cassetteLayouts.C, interactions: [] }, { port })).rejects.toMatchObject({ name: "ReplayError", code: "listen-failed", message: expect.stringContaining(`port ${port} on 127.0.0.1 is in use`) });
    } finally {
      await taken.close();
    }
  });
});
