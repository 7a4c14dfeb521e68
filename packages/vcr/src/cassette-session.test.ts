import { readdir, readFile, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { get as httpsGet } from "node:https";
import { join } from "node:path";
import { cassetteLayouts, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { describe, expect, it } from "vitest";
import { startCassette } from "./session/cassette-session.js";
import { VcrError } from "./errors.js";
import { useScratchAndUpstream } from "./test-upstream.js";

const scratch = useScratchAndUpstream("tapedeck-vcr-");

const post = (path: string, body: unknown) =>
  fetch(`${scratch.upstream.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** A GET through node:http, as clients that do not use fetch send it. */
function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

async function caught(run: () => Promise<unknown>): Promise<VcrError> {
  const error = await run().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VcrError);
  return error as VcrError;
}

describe("modes", () => {
  it("record-missing records on the first run; replay answers from the cassette without the network", async () => {
    const path = join(scratch.directory, "chat.yaml");
    const first = await startCassette({ path, mode: "record-missing" });
    const live = await (await post("/v1/stream", { model: "m", stream: true })).text();
    await first.stop();
    expect(scratch.upstream.received).toHaveLength(1);
    expect(first.recorded).toBe(1);

    const second = await startCassette({ path, mode: "replay" });
    const replayed = await (await post("/v1/stream", { model: "m", stream: true })).text();
    await second.stop();
    expect(replayed).toBe(live);
    expect(replayed).toBe(`${["Hel", "lo", "!"].map((text) => `data: {"choices":[{"index":0,"delta":{"content":"${text}"}}]}\n\n`).join("")}data: [DONE]\n\n`);
    expect(scratch.upstream.received).toHaveLength(1);
  });

  it("intercepts node:http as well as fetch", async () => {
    const path = join(scratch.directory, "http.yaml");
    const recording = await startCassette({ path, mode: "record" });
    const live = await httpGet(`${scratch.upstream.url}/v1/models`);
    await recording.stop();
    const replaying = await startCassette({ path, mode: "replay" });
    const replayed = await httpGet(`${scratch.upstream.url}/v1/models`);
    await replaying.stop();
    expect(replayed).toEqual(live);
    expect(live).toEqual({ status: 200, body: JSON.stringify({ echo: "", path: "/v1/models" }) });
    expect(scratch.upstream.received).toHaveLength(1);
  });

  it("answers node:https and fetch to an https URL from the cassette, with no network", async () => {
    const path = join(scratch.directory, "https.yaml");
    const interaction = { id: 0, request: { method: "GET", url: "https://api.example.test/v1/models" }, response: { code: 200, status: "200 OK", headers: { "Content-Type": ["application/json"] }, body: '{"data":[]}' } };
    await writeFile(path, serializeCassette({ version: 2, layout: cassetteLayouts.C, interactions: [interaction, { ...interaction, id: 1 }] }));
    const session = await startCassette({ path, mode: "replay" });
    const viaHttps = await new Promise<string>((resolve, reject) => {
      httpsGet("https://api.example.test/v1/models", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () => resolve(body));
      }).on("error", reject);
    });
    const viaFetch = await (await fetch("https://api.example.test/v1/models")).text();
    await session.stop();
    expect([viaHttps, viaFetch]).toEqual(['{"data":[]}', '{"data":[]}']);
  });

  it("record-missing adds what is missing and keeps every recorded byte", async () => {
    const path = join(scratch.directory, "grow.yaml");
    const first = await startCassette({ path, mode: "record-missing" });
    await post("/v1/echo", { n: 1 });
    await first.stop();
    const before = await readFile(path, "utf8");

    const second = await startCassette({ path, mode: "record-missing" });
    expect(await (await post("/v1/echo", { n: 1 })).json()).toEqual({ echo: '{"n":1}', path: "/v1/echo" });
    await post("/v1/echo", { n: 2 });
    await second.stop();
    const after = await readFile(path, "utf8");
    expect(scratch.upstream.received.map(({ body }) => body)).toEqual(['{"n":1}', '{"n":2}']);
    expect(after.startsWith(before)).toBe(true);
    expect(parseCassette(after).interactions.map(({ id, request }) => [id, request.body])).toEqual([
      [0, '{"n":1}'],
      [1, '{"n":2}'],
    ]);
  });

  it("record replaces the cassette with what this run sent", async () => {
    const path = join(scratch.directory, "fresh.yaml");
    for (const n of [1, 2]) {
      const session = await startCassette({ path, mode: "record" });
      await post("/v1/echo", { n });
      await session.stop();
    }
    expect(parseCassette(await readFile(path, "utf8")).interactions.map(({ request }) => request.body)).toEqual(['{"n":2}']);
    expect(scratch.upstream.received).toHaveLength(2);
  });

  it("passthrough leaves requests alone and writes nothing", async () => {
    const path = join(scratch.directory, "none.yaml");
    const session = await startCassette({ path, mode: "passthrough" });
    await post("/v1/echo", { n: 1 });
    await session.stop();
    expect(scratch.upstream.received).toHaveLength(1);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });

  it("replay without a cassette fails at the first request, naming the cassette; a test with no request needs none", async () => {
    const path = join(scratch.directory, "absent.yaml");
    const quiet = await startCassette({ path, mode: "replay" });
    await quiet.stop();
    const session = await startCassette({ path, mode: "replay" });
    const answer = await post("/v1/echo", { n: 1 });
    expect(answer.status).toBe(404);
    const error = await caught(() => session.stop());
    expect(error.code).toBe("missing-cassette");
    expect(error.cassette).toBe(path);
    expect(error.message).toContain(`${path}: no cassette to answer POST`);
    expect(error.message).toContain("TAPEDECK_MODE=record-missing");
    expect(scratch.upstream.received).toHaveLength(0);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });

  it("a request nothing matches gets an error answer and fails stop(), naming the cassette and the difference", async () => {
    const path = join(scratch.directory, "miss.yaml");
    const recording = await startCassette({ path, mode: "record" });
    await post("/v1/echo", { question: "weather in Paris" });
    await recording.stop();
    const replaying = await startCassette({ path, mode: "replay" });
    const answer = await post("/v1/echo", { question: "weather in Rome" });
    expect(answer.status).toBe(404);
    expect(answer.headers.get("x-should-retry")).toBe("false");
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(/^tapedeck: .*miss\.yaml: No recorded interaction matches POST/);
    const error = await caught(() => replaying.stop());
    expect(error.code).toBe("no-match");
    expect(error.message).toContain(path);
    expect(error.message).toContain('question: recorded "weather in Paris", sent "weather in Rome"');
    expect(scratch.upstream.received).toHaveLength(1);
  });

  it("fails stop() for interactions no request used, in replay, unless told not to check", async () => {
    const path = join(scratch.directory, "unused.yaml");
    const recording = await startCassette({ path, mode: "record" });
    await post("/v1/echo", { n: 1 });
    await post("/v1/echo", { n: 2 });
    await recording.stop();
    const strict = await startCassette({ path, mode: "replay" });
    await post("/v1/echo", { n: 1 });
    const error = await caught(() => strict.stop());
    expect(error.code).toBe("unused-interactions");
    expect(error.message).toMatch(/1 recorded interaction was not used:\n {2}interaction 1: POST http:\/\/127\.0\.0\.1:\d+\/v1\/echo/);
    const lenient = await startCassette({ path, mode: "replay", unused: "keep" });
    await post("/v1/echo", { n: 1 });
    await lenient.stop();
  });

  it("answers a request recorded several times in recorded order: the 429, then its retry's 200", async () => {
    const path = join(scratch.directory, "retry.yaml");
    const recording = await startCassette({ path, mode: "record" });
    const live = [await fetch(`${scratch.upstream.url}/v1/flaky`), await fetch(`${scratch.upstream.url}/v1/flaky`)];
    await recording.stop();
    expect(live.map(({ status }) => status)).toEqual([429, 200]);
    const replaying = await startCassette({ path, mode: "replay" });
    const replayed = [await fetch(`${scratch.upstream.url}/v1/flaky`), await fetch(`${scratch.upstream.url}/v1/flaky`)];
    await replaying.stop();
    expect(replayed.map(({ status }) => status)).toEqual([429, 200]);
    expect(await replayed[1]!.json()).toEqual({ attempt: 2 });
  });

  it("ends a redirect loop while recording as fetch does, after 20 redirects, and fails stop() saying so", async () => {
    const path = join(scratch.directory, "loop.yaml");
    const session = await startCassette({ path, mode: "record-missing" });
    const failure = await fetch(`${scratch.upstream.url}/v1/loop/0`).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    // The first request and 20 redirects reached the upstream; the 21st redirect was refused.
    expect(scratch.upstream.received.map((request) => request.url)).toEqual(Array.from({ length: 21 }, (_, step) => `/v1/loop/${step}`));
    const error = await caught(() => session.stop());
    expect(error.code).toBe("redirect-loop");
    expect(error.message).toContain("/v1/loop/21 is redirect 21");
    expect(parseCassette(await readFile(path, "utf8")).interactions).toHaveLength(21);
  }, 20_000);

  it("refuses a second recorder of one cassette with a typed error while the first records, and leaves no lock behind", async () => {
    const path = join(scratch.directory, "shared.yaml");
    const first = await startCassette({ path, mode: "record-missing" });
    const second = await startCassette({ path, mode: "record-missing" }).then(
      () => undefined,
      (error: VcrError) => error,
    );
    expect(second).toMatchObject({ code: "locked", message: expect.stringContaining(`${path} is being recorded by process ${process.pid}`) });
    await post("/v1/echo", { n: 1 });
    await first.stop();
    // Replaying needs no lock; recording again takes it afresh.
    const third = await startCassette({ path, mode: "record-missing" });
    await post("/v1/echo", { n: 1 });
    await third.stop();
    expect((await readdir(scratch.directory)).sort()).toEqual(["shared.yaml"]);
  });

  it("lets a cassette started inside another's scope take over until it stops, then gives the requests back", async () => {
    const outer = await startCassette({ path: join(scratch.directory, "outer.yaml"), mode: "record" });
    await post("/v1/echo", { n: 1 });
    const inner = await startCassette({ path: join(scratch.directory, "inner.yaml"), mode: "record" });
    await post("/v1/echo", { n: 2 });
    await inner.stop();
    await post("/v1/echo", { n: 3 });
    await outer.stop();
    const bodies = async (name: string) => parseCassette(await readFile(join(scratch.directory, name), "utf8")).interactions.map(({ request }) => request.body);
    expect(await bodies("outer.yaml")).toEqual(['{"n":1}', '{"n":3}']);
    expect(await bodies("inner.yaml")).toEqual(['{"n":2}']);
  });
});

describe("what is written", () => {
  it("is a go-vcr cassette in go-vcr's layout that reads back byte for byte, pacing kept in a header", async () => {
    const path = join(scratch.directory, "layout.yaml");
    const session = await startCassette({ path, mode: "record" });
    await (await post("/v1/stream", { stream: true })).text();
    await session.stop();
    const text = await readFile(path, "utf8");
    const cassette = parseCassette(text);
    expect(cassette.layout).toEqual(cassetteLayouts.C);
    expect(serializeCassette(cassette)).toBe(text);
    const pacing = cassette.interactions[0]!.response.headers!["X-Tapedeck-Pacing"]![0]!;
    expect(pacing).toMatch(/^\d+@\d+(,\d+@\d+)+$/);
    const pieces = pacing.split(",").map((piece) => piece.split("@").map(Number) as [number, number]);
    expect(pieces.reduce((sum, [bytes]) => sum + bytes, 0)).toBe(new TextEncoder().encode(cassette.interactions[0]!.response.body as string).length);
    // The upstream sends the last event 2 × 40 ms after its head; the recorder may see the head late on a busy machine, so at least one wait must show.
    expect(pieces.at(-1)![1]).toBeGreaterThanOrEqual(40);
  });

  it("replays with the recorded pacing when asked, and hides the pacing header from clients", async () => {
    const path = join(scratch.directory, "paced.yaml");
    const recording = await startCassette({ path, mode: "record" });
    await (await post("/v1/stream", { stream: true })).text();
    await recording.stop();
    const recorded = parseCassette(await readFile(path, "utf8")).interactions[0]!.response.headers!["X-Tapedeck-Pacing"]![0]!;
    const times = recorded.split(",").map((piece) => Number(piece.split("@")[1]));
    const span = times.at(-1)! - times[0]!;
    for (const pacing of [true, false]) {
      const session = await startCassette({ path, mode: "replay", ...(pacing ? { timing: { pacing: "recorded" as const } } : {}) });
      const response = await post("/v1/stream", { stream: true });
      // The replay's clock starts when the body is first read, never before the head is here.
      const head = performance.now();
      expect(response.headers.get("x-tapedeck-pacing")).toBeNull();
      const arrivals: number[] = [];
      const reader = response.body!.getReader();
      for (let piece = await reader.read(); !piece.done; piece = await reader.read()) arrivals.push(performance.now());
      await session.stop();
      if (pacing) {
        expect(arrivals).toHaveLength(times.length);
        expect(arrivals.at(-1)! - head).toBeGreaterThanOrEqual(span - 2);
      } else expect(arrivals.length).toBeGreaterThan(0);
    }
  });

  it("keeps a hand-written cassette's own layout when adding to it", async () => {
    const path = join(scratch.directory, "hand.yaml");
    const old = { id: 0, request: { method: "GET", url: `${scratch.upstream.url}/old` }, response: { code: 200, body: "old" } };
    const hand = serializeCassette({ version: 2, layout: cassetteLayouts.A, interactions: [old] });
    await writeFile(path, hand);
    const session = await startCassette({ path, mode: "record-missing", unused: "keep" });
    await post("/v1/echo", { n: 1 });
    await session.stop();
    const text = await readFile(path, "utf8");
    expect(parseCassette(text).layout).toEqual(cassetteLayouts.A);
    expect(text.startsWith(hand)).toBe(true);
  });
});
