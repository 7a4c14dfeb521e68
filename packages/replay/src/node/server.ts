import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Cassette } from "@tapedeck/cassette";
import { ReplayError } from "../errors.js";
import { InteractionPool } from "../interaction-pool.js";
import type { ReplayOptions } from "../options.js";
import { checkHead, latencyOf, pieceDelays, responseHead, responsePieces, sleep } from "../response.js";

/**
 * Options of {@link startReplayServer}: how to match (`match.ignoreHosts` is
 * always on: requests arrive at the server's own address), when to play, what
 * to redact, and the server's own.
 */
export interface ReplayServerOptions extends ReplayOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Called with each request nothing matched (answered 404), or whose recording could not be sent (502). */
  onMiss?: (error: ReplayError) => void;
  /**
   * Host names (as in the `Host` header, without port) the server answers.
   * Default: loopback names only (`127.0.0.1`, `localhost`, `[::1]`), so a web
   * page that rebinds its DNS to 127.0.0.1 cannot read the cassettes.
   */
  allowedHosts?: readonly string[];
  /** How many misses `misses` keeps (the latest), default 100. */
  maxMisses?: number;
}

/** A running replay server. */
export interface ReplayServer {
  /** `http://127.0.0.1:<port>`: point a client's base URL here (with the recorded path prefix). */
  url: string;
  /** The latest requests nothing matched (at most `maxMisses`), with their full differences. */
  misses: ReplayError[];
  close(): Promise<void>;
}

const loopbackHosts = ["127.0.0.1", "localhost", "[::1]"];

/**
 * Serves cassettes over HTTP on 127.0.0.1, for clients that cannot take a custom
 * fetch: other processes, other languages, `OPENAI_BASE_URL`. A request is
 * matched on its path and query against the recorded URL's (scheme and host
 * ignored), and each event of a recorded stream is written as it goes, waiting
 * for a slow reader (`drain`) rather than buffering.
 *
 * Nothing recorded reaches a client that did not match it: a miss is answered
 * 404 with the nearest interaction's id and the paths that differ, never their
 * values (those go to `onMiss` and `misses`). Requests for other hosts are
 * refused (403). A recording that HTTP cannot carry is answered 502 (or, once
 * its head is sent, the connection is cut); the server keeps serving.
 *
 * @example
 * ```ts
 * import { startReplayServer } from "@tapedeck/replay/node";
 * const server = await startReplayServer(cassette, { timing: { latency: "recorded" } });
 * const client = new OpenAI({ apiKey: "unused", baseURL: `${server.url}/api/v1` });
 * // ...
 * await server.close();
 * ```
 */
export async function startReplayServer(cassettes: Cassette | readonly Cassette[], options: ReplayServerOptions = {}): Promise<ReplayServer> {
  const pool = new InteractionPool(cassettes, { ...options, match: { ...options.match, ignoreHosts: true } });
  const timing = options.timing ?? {};
  const misses: ReplayError[] = [];
  const allowed = new Set((options.allowedHosts ?? loopbackHosts).map((host) => host.toLowerCase()));
  const maxMisses = options.maxMisses ?? 100;
  const server = createServer(async (request, response) => {
    const controller = new AbortController();
    response.on("close", () => controller.abort());
    const host = (request.headers.host ?? "").toLowerCase().replace(/:\d+$/, "");
    if (!allowed.has(host)) {
      request.resume();
      sendJson(response, 403, { error: { type: "tapedeck_replay_forbidden_host", message: `host ${JSON.stringify(host)} is not served (allowedHosts)` } });
      return;
    }
    try {
      const body = await readBody(request);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const interaction = pool.take({ method: request.method ?? "GET", url: request.url ?? "/", headers, body });
      const head = responseHead(interaction);
      checkHead(interaction, head, [100, 999]);
      const pieces = responsePieces(interaction, timing);
      const delay = pieceDelays(timing);
      await sleep(latencyOf(interaction, timing), controller.signal);
      response.writeHead(head.status, head.statusText, head.headers.flat());
      for (const [index, piece] of pieces.entries()) {
        await sleep(delay(index, piece), controller.signal);
        if (!response.write(piece.data)) await drained(response, controller.signal);
      }
      response.end();
    } catch (error) {
      if (controller.signal.aborted) return;
      if (response.headersSent) {
        // Too late for an error response: cut the body, as a broken upstream would.
        response.destroy(error as Error);
        return;
      }
      const miss = error instanceof ReplayError ? error : new ReplayError("invalid-recording", String((error as Error)?.message ?? error), { cause: error });
      misses.push(miss);
      if (misses.length > maxMisses) misses.splice(0, misses.length - maxMisses);
      options.onMiss?.(miss);
      const paths = miss.differences.map((difference) => difference.path);
      const message =
        miss.code === "no-match"
          ? `tapedeck: no recorded interaction matches ${request.method} ${request.url}${miss.nearest === undefined ? "" : `; the nearest, interaction ${miss.nearest}, differs in ${paths.join(", ") || "nothing but was already used"}`}`
          : `tapedeck: ${miss.message}`;
      sendJson(response, miss.code === "no-match" ? 404 : 502, { error: { type: "tapedeck_replay_miss", code: miss.code, message, nearest: miss.nearest ?? null, differences: paths } });
    }
  });
  // A cassette holds HTTP exchanges, no WebSocket frames: an upgrade is refused, never answered as if it were a plain GET.
  server.on("upgrade", (request, socket) => {
    const body = JSON.stringify({ error: { type: "tapedeck_replay_upgrade_refused", message: `${request.headers.upgrade ?? "an"} upgrade of ${request.url ?? "/"} cannot be replayed: go-vcr cassettes hold HTTP exchanges, not WebSocket frames` } });
    socket.end(`HTTP/1.1 501 Not Implemented\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (cause: NodeJS.ErrnoException) => {
      const port = options.port ?? 0;
      const why = cause.code === "EADDRINUSE" ? `port ${port} on 127.0.0.1 is in use` : cause.code === "EACCES" ? `port ${port} needs privileges this process does not have` : cause.message;
      reject(new ReplayError("listen-failed", `cannot serve: ${why}; choose another port (0 takes any free one)`, { cause }));
    });
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

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
}

/** Resolves when the socket takes more, or rejects when the client goes away. */
function drained(response: ServerResponse, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      response.off("drain", onDrain);
      reject(signal.reason);
    };
    const onDrain = () => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    };
    response.once("drain", onDrain);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
