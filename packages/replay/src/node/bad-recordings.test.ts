import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCassette } from "@tapedeck/cassette";
import { badInputsDirectory } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { ReplayError } from "../errors.js";
import { createReplayFetch } from "../replay-fetch.js";
import { startReplayServer } from "./server.js";

interface BadRecording {
  file: string;
  kind: string;
  note: string;
  expect: { error: { code: string }; server: { status: number } };
}

const cases = (JSON.parse(readFileSync(join(badInputsDirectory, "cases.json"), "utf8")) as BadRecording[]).filter((item) => item.kind === "recording");

describe("the bad-input corpus, replayed", () => {
  it("has the recordings that cannot be replayed", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases.map((item) => [item.file, item] as const))("%s: the replay fetch throws its typed error", async (_file, item) => {
    const cassette = parseCassette(readFileSync(join(badInputsDirectory, item.file)), { source: item.file });
    const fetch = createReplayFetch(cassette);
    const error = await fetch("http://127.0.0.1/chat").then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error, item.note).toBeInstanceOf(ReplayError);
    expect((error as ReplayError).code, item.note).toBe(item.expect.error.code);
  });

  it.each(cases.map((item) => [item.file, item] as const))("%s: the replay server answers with a typed error and keeps serving", async (_file, item) => {
    const cassette = parseCassette(readFileSync(join(badInputsDirectory, item.file)), { source: item.file });
    const server = await startReplayServer(cassette);
    try {
      const answer = await fetch(`${server.url}/chat`);
      expect(answer.status, item.note).toBe(item.expect.server.status);
      const { error } = (await answer.json()) as { error: { code: string } };
      expect(error.code).toBe(item.expect.error.code);
      // Still serving: the next request is answered (a miss, as the one interaction was used).
      expect((await fetch(`${server.url}/chat`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
