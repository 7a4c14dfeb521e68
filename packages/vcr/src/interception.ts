import { syncBuiltinESMExports } from "node:module";
import { BatchInterceptor } from "@mswjs/interceptors";
import { ClientRequestInterceptor } from "@mswjs/interceptors/ClientRequest";
import { FetchInterceptor } from "@mswjs/interceptors/fetch";
import { VcrError } from "./errors.js";

/** What a handler does with one intercepted request: answer it, fail it, or let it through (neither). */
export interface InterceptedRequest {
  request: Request;
  respondWith(response: Response): void;
  errorWith(reason: unknown): void;
}

/** The `fetch` of the network, taken before any interception: what recording sends through. */
const originalFetch: typeof fetch = globalThis.fetch.bind(globalThis);

/** Request headers the network fetch sets itself (and refuses from callers). */
const hopHeaders = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "upgrade", "expect", "proxy-connection"]);

/**
 * Sends a request to the network, past the interception. The response body is
 * decoded (gzip, br...), so its `Content-Encoding` and `Content-Length` are
 * dropped: they would describe bytes the client never gets.
 */
export async function networkFetch(input: RequestInfo | URL, requestInit?: RequestInit): Promise<Response> {
  const request = new Request(input, requestInit);
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!hopHeaders.has(name)) headers.append(name, value);
  });
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers, redirect: "manual", signal: request.signal };
  if (request.body !== null) {
    init.body = await request.arrayBuffer();
  }
  const response = await originalFetch(request.url, init);
  if (!response.headers.has("content-encoding")) return response;
  const cleaned = new Headers(response.headers);
  cleaned.delete("content-encoding");
  cleaned.delete("content-length");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: cleaned });
}

let interceptor: BatchInterceptor<[ClientRequestInterceptor, FetchInterceptor]> | undefined;
let current: ((intercepted: InterceptedRequest) => Promise<void>) | undefined;

/**
 * Starts intercepting global `fetch`, `node:http` and `node:https` for the rest
 * of the process (once; later calls do nothing). Requests pass through
 * untouched while no cassette is in use. Call it before clients are created:
 * a client that keeps the `fetch` it found at construction sees only the
 * `fetch` of that moment.
 *
 * @example
 * ```ts
 * import { installInterception } from "@tapedeck/vcr";
 * installInterception(); // in a setup file, before any client exists
 * ```
 */
export function installInterception(): void {
  if (interceptor !== undefined) return;
  interceptor = new BatchInterceptor({ name: "tapedeck-vcr", interceptors: [new ClientRequestInterceptor(), new FetchInterceptor()] });
  interceptor.on("request", async ({ request, controller }) => {
    const active = current;
    if (active === undefined) return;
    await active({ request, respondWith: (response) => controller.respondWith(response), errorWith: (reason) => controller.errorWith(reason as Error) });
  });
  interceptor.apply();
  // `import { request } from "node:http"` binds the export itself: update those bindings too.
  syncBuiltinESMExports();
}

/**
 * Routes every request of this process to `handler` until the returned
 * function is called. One handler at a time: a second one is a `busy` error.
 */
export function intercept(handler: (intercepted: InterceptedRequest) => Promise<void>, cassette: string): () => void {
  if (current !== undefined) {
    throw new VcrError("busy", `a cassette is already in use; stop it before starting ${cassette} (tests that share a process must not run concurrently)`, { cassette });
  }
  installInterception();
  current = handler;
  return () => {
    if (current === handler) current = undefined;
  };
}
