import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

/** What the fake upstream received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/**
 * A local upstream on 127.0.0.1 that answers like an LLM provider: a chat
 * completion streamed as three SSE events 40 ms apart, a JSON answer, and a
 * route that answers 429 once, then 200, and a redirect loop (`/v1/loop`).
 */
export async function startUpstream(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  let flaky = 0;
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    received.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
    if (request.url?.startsWith("/v1/stream")) {
      response.writeHead(200, { "content-type": "text/event-stream", "set-cookie": "session=s3cr3t-cookie" });
      const events = ["Hel", "lo", "!"].map((text) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: text } }] })}\n\n`);
      for (const [index, event] of events.entries()) {
        if (index > 0) await new Promise((resolve) => setTimeout(resolve, 40));
        response.write(event);
      }
      response.end("data: [DONE]\n\n");
      return;
    }
    if (request.url?.startsWith("/v1/loop")) {
      // A redirect loop: each answer sends the client to the next step, for ever.
      const step = Number(request.url.split("/")[3] ?? 0);
      response.writeHead(302, { location: `/v1/loop/${step + 1}` });
      response.end();
      return;
    }
    if (request.url?.startsWith("/v1/flaky")) {
      flaky += 1;
      response.writeHead(flaky === 1 ? 429 : 200, { "content-type": "application/json" });
      response.end(JSON.stringify({ attempt: flaky }));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ echo: body, path: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Gives each test of the file a scratch folder and a fresh upstream, both gone after it; read them through the getters. */
export function useScratchAndUpstream(prefix: string): { readonly directory: string; readonly upstream: Awaited<ReturnType<typeof startUpstream>> } {
  let directory = "";
  let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), prefix));
    upstream = await startUpstream();
  });
  afterEach(async () => {
    await upstream?.close();
    await rm(directory, { recursive: true, force: true });
  });
  return {
    get directory() {
      return directory;
    },
    get upstream() {
      return upstream!;
    },
  };
}
