import { AsyncLocalStorage } from "node:async_hooks";

/** The `fetch` of the network, taken before any interception: what recording and passthrough send through. */
const originalFetch: typeof fetch = globalThis.fetch.bind(globalThis);

/** Marks the requests tapedeck itself sends, so that the bypass watch does not count them. */
const own = new AsyncLocalStorage<true>();

/** Whether the code running now is one of tapedeck's own network requests. */
export function isOwnRequest(): boolean {
  return own.getStore() === true;
}

/** Request headers the network fetch sets itself (and refuses from callers). */
const hopHeaders = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "upgrade", "expect", "proxy-connection", "te"]);

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
  const init: RequestInit = { method: request.method, headers, redirect: "manual", signal: request.signal };
  if (request.body !== null) init.body = await request.arrayBuffer();
  const response = await own.run(true, () => originalFetch(request.url, init));
  if (!response.headers.has("content-encoding")) return response;
  const cleaned = new Headers(response.headers);
  cleaned.delete("content-encoding");
  cleaned.delete("content-length");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: cleaned });
}
