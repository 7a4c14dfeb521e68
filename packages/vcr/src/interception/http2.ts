import type * as Http2 from "node:http2";
import type { ClientHttp2Session, IncomingHttpHeaders, ServerHttp2Stream } from "node:http2";
import { createRequire } from "node:module";
import { Duplex } from "node:stream";
import { handlerOfToken, tokenForCurrentHandler } from "../scope.js";
import { networkFetch } from "./network.js";

/**
 * HTTP/2 (`node:http2`), which the interceptors of fetch and `node:http` do not
 * see, and which the AWS SDK uses by default. `http2.connect` is replaced: the
 * client gets a real `ClientHttp2Session`, connected in memory to a server in
 * this process, which answers each stream as the cassette in use says (from the
 * recording, or by recording it); with no cassette in use it forwards the
 * request to the network. Streams need HTTP/2 only between the client and that
 * server: the network sees plain HTTPS requests, and HTTP/2 trailers (gRPC)
 * are not carried.
 */

/** The module object itself (the ESM namespace is read-only); `syncBuiltinESMExports` carries the change to named imports. */
const http2 = createRequire(import.meta.url)("node:http2") as typeof Http2;
const originalConnect = http2.connect;
/** An in-process header that carries which test's cassette a stream belongs to; never leaves the process. */
const scopeHeader = "x-tapedeck-scope";
/** Headers HTTP/2 forbids in a response. */
const connectionHeaders = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "host"]);

let server: Http2.Http2Server | undefined;

/** Replaces `http2.connect` for the rest of the process (once). */
export function interceptHttp2(): void {
  if (server !== undefined) return;
  server = http2.createServer();
  server.on("stream", (stream, headers) => {
    serve(stream, headers).catch((error: unknown) => {
      if (!stream.headersSent && !stream.destroyed) {
        stream.respond({ ":status": 502, "content-type": "text/plain" });
        stream.end(`tapedeck: ${(error as Error)?.message ?? String(error)}`);
      } else stream.destroy(error as Error);
    });
  });
  http2.connect = connect as typeof http2.connect;
}

function connect(authority: string | URL, options?: Http2.ClientSessionOptions | Http2.SecureClientSessionOptions | ((session: ClientHttp2Session) => void), listener?: (session: ClientHttp2Session) => void): ClientHttp2Session {
  if (typeof options === "function") {
    listener = options;
    options = undefined;
  }
  const [client, serverSide] = duplexPair();
  server!.emit("connection", serverSide);
  const session = originalConnect(authority, { ...options, createConnection: () => client }, listener);
  const request = session.request.bind(session);
  // The stream is served elsewhere in this process; the header tells it whose cassette answers.
  session.request = ((headers?: Http2.OutgoingHttpHeaders, requestOptions?: Http2.ClientSessionRequestOptions) => {
    const token = tokenForCurrentHandler();
    return request(token === undefined ? headers : { ...headers, [scopeHeader]: token }, requestOptions);
  }) as typeof session.request;
  return session;
}

async function serve(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): Promise<void> {
  const token = headers[scopeHeader];
  const handler = handlerOfToken(Array.isArray(token) ? token[0] : token);
  const method = String(headers[":method"] ?? "GET");
  const url = `${String(headers[":scheme"] ?? "https")}://${String(headers[":authority"] ?? "localhost")}${String(headers[":path"] ?? "/")}`;
  const requestHeaders = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(":") || name === scopeHeader || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [String(value)]) requestHeaders.append(name, item);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const body = method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks);
  const request = new Request(url, { method, headers: requestHeaders, ...(body === undefined ? {} : { body }) });
  const response = handler === undefined ? await networkFetch(request) : await handler.handle(request);
  const responseHeaders: Http2.OutgoingHttpHeaders = { ":status": response.status };
  response.headers.forEach((value, name) => {
    if (connectionHeaders.has(name)) return;
    responseHeaders[name] = name === "set-cookie" ? response.headers.getSetCookie() : value;
  });
  stream.respond(responseHeaders);
  if (response.body !== null) {
    for await (const piece of response.body) {
      if (!stream.write(piece)) await new Promise((resolve) => stream.once("drain", resolve));
    }
  }
  stream.end();
}

/** Two connected in-memory streams: what one writes, the other reads. */
function duplexPair(): [Duplex, Duplex] {
  let left: Duplex | undefined;
  let right: Duplex | undefined;
  const side = (other: () => Duplex) =>
    new Duplex({
      read() {},
      write(chunk, _encoding, callback) {
        other().push(chunk);
        callback();
      },
      final(callback) {
        other().push(null);
        callback();
      },
    });
  left = side(() => right!);
  right = side(() => left!);
  return [left, right];
}
