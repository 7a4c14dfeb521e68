import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Cassette } from "@tapedeck/cassette";
import { ReplayError } from "../errors.js";
import { InteractionPool, type PoolOptions } from "../interaction-pool.js";
import { eventDelayOf, latencyOf, type ReplayTiming, responseHead, responsePieces, sleep } from "../response.js";

/** Options of {@link startReplayServer}. */
export interface ReplayServerOptions extends Omit<PoolOptions, "url">, ReplayTiming {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Called with each request nothing matched (it is answered 404 with the error's message). */
  onMiss?: (error: ReplayError) => void;
}

/** A running replay server. */
export interface ReplayServer {
  /** `http://127.0.0.1:<port>`: point a client's base URL here (with the recorded path prefix). */
  url: string;
  /** Requests nothing matched, so far. */
  misses: ReplayError[];
  close(): Promise<void>;
}

/**
 * Serves cassettes over HTTP on 127.0.0.1, for clients that cannot take a custom
 * fetch: other processes, other languages, `OPENAI_BASE_URL`. A request is
 * matched on its path and query against the recorded URL's (scheme and host
 * ignored), and each event of a recorded stream is written as it goes.
 *
 * @example
 * ```ts
 * import { startReplayServer } from "@tapedeck/replay/node";
 * const server = await startReplayServer(cassette, { latency: "recorded" });
 * const client = new OpenAI({ apiKey: "unused", baseURL: `${server.url}/api/v1` });
 * // ...
 * await server.close();
 * ```
 */
export async function startReplayServer(cassettes: Cassette | readonly Cassette[], options: ReplayServerOptions = {}): Promise<ReplayServer> {
  const pool = new InteractionPool(cassettes, { ...options, url: "path" });
  const misses: ReplayError[] = [];
  const server = createServer(async (request, response) => {
    const controller = new AbortController();
    response.on("close", () => controller.abort());
    try {
      const body = await readBody(request);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const interaction = pool.take({ method: request.method ?? "GET", url: request.url ?? "/", headers, body });
      await sleep(latencyOf(interaction, options), controller.signal);
      const head = responseHead(interaction);
      response.writeHead(head.status, head.statusText, head.headers.flat());
      const pieces = responsePieces(interaction);
      for (const [index, piece] of pieces.entries()) {
        await sleep(eventDelayOf(index, piece.event, options), controller.signal);
        response.write(piece.bytes);
      }
      response.end();
    } catch (error) {
      if (controller.signal.aborted) return;
      const miss = error instanceof ReplayError ? error : new ReplayError("no-match", String(error), { cause: error });
      misses.push(miss);
      options.onMiss?.(miss);
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { message: miss.message, type: "tapedeck_replay_miss", code: miss.code } }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    misses,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
