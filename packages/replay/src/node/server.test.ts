import { bodyText } from "@tapedeck/cassette";
import { describe, expect, it } from "vitest";
import { loadFixture, recordedRequest } from "../test-fixtures.js";
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
});
