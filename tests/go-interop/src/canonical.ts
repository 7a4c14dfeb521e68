import type { Body, Cassette, HeaderMap } from "@tapedeck/cassette";

/*
 * A cassette's values in the form the Go program prints them (canonical.go):
 * strings as base64 of their bytes, integers as decimal text, header maps as
 * [name, values] pairs sorted by bytes, empty strings, lists and maps left out
 * (Go cannot tell them from absent after omitempty), the duration as Go's
 * time.Duration.String() ("0s" when absent).
 */

type Canonical = Record<string, unknown>;

const base64 = (value: string | Uint8Array) => Buffer.from(typeof value === "string" ? new TextEncoder().encode(value) : value).toString("base64");

function put(target: Canonical, key: string, value: unknown): void {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return;
  target[key] = value;
}

const text = (value: string | undefined) => (value === undefined || value === "" ? undefined : base64(value));
const body = (value: Body | undefined) => (value === undefined || value.length === 0 ? undefined : base64(value));
const integer = (value: number | bigint | undefined) => String(value ?? 0);
const list = (values: readonly string[] | undefined) => (values ?? []).map(base64);

function headers(map: HeaderMap | undefined): Array<[string, string[]]> {
  return Object.entries(map ?? {})
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map(([name, values]) => [base64(name), values.map(base64)]);
}

/** The canonical values of a cassette as tapedeck holds it. */
export function canonical(cassette: Cassette): Canonical {
  return {
    version: String(cassette.version),
    interactions: cassette.interactions.map(({ id, request, response }) => {
      const q: Canonical = {};
      put(q, "proto", text(request.proto));
      put(q, "proto_major", integer(request.protoMajor));
      put(q, "proto_minor", integer(request.protoMinor));
      put(q, "content_length", integer(request.contentLength));
      put(q, "transfer_encoding", list(request.transferEncoding));
      put(q, "trailer", headers(request.trailer));
      put(q, "host", text(request.host));
      put(q, "remote_addr", text(request.remoteAddr));
      put(q, "request_uri", text(request.requestUri));
      put(q, "body", body(request.body));
      put(q, "form", headers(request.form));
      put(q, "headers", headers(request.headers));
      put(q, "url", text(request.url));
      put(q, "method", text(request.method));
      const s: Canonical = {};
      put(s, "proto", text(response.proto));
      put(s, "proto_major", integer(response.protoMajor));
      put(s, "proto_minor", integer(response.protoMinor));
      put(s, "transfer_encoding", list(response.transferEncoding));
      put(s, "trailer", headers(response.trailer));
      put(s, "content_length", integer(response.contentLength));
      put(s, "uncompressed", String(response.uncompressed ?? false));
      put(s, "body", body(response.body));
      put(s, "headers", headers(response.headers));
      put(s, "status", text(response.status));
      put(s, "code", String(response.code));
      put(s, "duration", response.duration ?? "0s");
      return { id: String(id), request: q, response: s };
    }),
  };
}
