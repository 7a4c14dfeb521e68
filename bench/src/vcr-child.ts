// Replays N recorded streamed requests through one contender, in this process alone (each
// contender patches the process's fetch), and prints the milliseconds per request of each round.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cassetteLayouts, type Interaction, serializeCassette } from "@tapedeck/cassette";

const [contender, countText, roundsText] = process.argv.slice(2) as [string, string, string];
const count = Number(countText);
const rounds = Number(roundsText);
const url = "http://api.example.test/v1/chat/completions";

/** The recorded streams: a chat completion streamed in 40 chunks, one per request body. */
const chunk = (text: string) => `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content: text }, finish_reason: null }] })}\n\n`;
const streamBody = (n: number) => `${Array.from({ length: 40 }, (_, index) => chunk(`word ${n}.${index} `)).join("")}data: [DONE]\n\n`;
const requestBody = (n: number) => JSON.stringify({ model: "m", stream: true, messages: [{ role: "user", content: `question ${n}` }] });
const bodies = Array.from({ length: count }, (_, n) => streamBody(n));
const byRequest = new Map(bodies.map((body, n) => [requestBody(n), body]));

async function sendAll(target: string): Promise<number> {
  let bytes = 0;
  for (let n = 0; n < count; n += 1) {
    const response = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: requestBody(n) });
    bytes += (await response.text()).length;
  }
  return bytes;
}

/** Times `run` (the requests alone) in each round, after a warm-up round; `around` sets each round up and tears it down. */
async function timeRounds(run: () => Promise<number>, around: (round: () => Promise<void>) => Promise<void> = (round) => round()): Promise<number[]> {
  const perRequest: number[] = [];
  await around(async () => void (await run())); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    let started = 0;
    let bytes = 0;
    await around(async () => {
      started = performance.now();
      bytes = await run();
      perRequest.push((performance.now() - started) / count);
    });
    if (bytes !== bodies.reduce((sum, body) => sum + body.length, 0)) throw new Error(`${contender} answered ${bytes} characters`);
  }
  return perRequest;
}

async function localServer(): Promise<number[]> {
  const server = createServer(async (request, response) => {
    let text = "";
    for await (const piece of request) text += piece;
    response.writeHead(200, { "content-type": "text/event-stream" });
    response.end(byRequest.get(text));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
  const times = await timeRounds(() => sendAll(target));
  server.close();
  return times;
}

async function tapedeck(): Promise<number[]> {
  const { startCassette } = await import("@tapedeck/vcr");
  const interactions: Interaction[] = bodies.map((body, id) => ({
    id,
    request: { method: "POST", url, headers: { "Content-Type": ["application/json"] }, body: requestBody(id) },
    response: { code: 200, status: "200 OK", headers: { "Content-Type": ["text/event-stream"] }, body },
  }));
  const path = join(tmpdir(), `tapedeck-bench-vcr-${process.pid}.yaml`);
  writeFileSync(path, serializeCassette({ version: 2, layout: cassetteLayouts.C, interactions }));
  // Each round is a test: its cassette is read when it starts, checked when it stops; only the requests are timed.
  return timeRounds(
    () => sendAll(url),
    async (round) => {
      const session = await startCassette({ path, mode: "replay" });
      await round();
      await session.stop();
    },
  );
}

async function msw(): Promise<number[]> {
  const { http } = await import("msw");
  const { setupServer } = await import("msw/node");
  const server = setupServer(
    http.post(url, async ({ request }) => new Response(byRequest.get(await request.text()), { headers: { "content-type": "text/event-stream" } })),
  );
  server.listen();
  const times = await timeRounds(() => sendAll(url));
  server.close();
  return times;
}

async function nock(): Promise<number[]> {
  const nockModule = ((await import("nock")) as unknown as { default: typeof import("nock") }).default;
  return timeRounds(
    () => sendAll(url),
    async (round) => {
      for (const [request, body] of byRequest) nockModule("http://api.example.test").post("/v1/chat/completions", request).reply(200, body, { "content-type": "text/event-stream" });
      await round();
      nockModule.cleanAll();
    },
  );
}

const contenders: Record<string, () => Promise<number[]>> = { "local server": localServer, tapedeck, msw, nock };
process.stdout.write(JSON.stringify({ contender, msPerRequest: await contenders[contender]!() }));
