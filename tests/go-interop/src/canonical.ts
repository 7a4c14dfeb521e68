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

type Bytes = Map<string, Uint8Array> | undefined;
const lossy = new TextDecoder("utf-8", { ignoreBOM: true });

/** A string field's bytes: those Go wrote as `!!binary` (kept in `binaryValues`) while the text still decodes from them, else its UTF-8. */
function bytesOf(binary: Bytes, path: readonly (string | number)[], value: string): string | Uint8Array {
  const bytes = binary?.get(JSON.stringify(path));
  return bytes !== undefined && lossy.decode(bytes) === value ? bytes : value;
}

const text = (binary: Bytes, property: string, value: string | undefined) => (value === undefined || value === "" ? undefined : base64(bytesOf(binary, [property], value)));
const body = (value: Body | undefined) => (value === undefined || value.length === 0 ? undefined : base64(value));
const integer = (value: number | bigint | undefined) => String(value ?? 0);
const list = (binary: Bytes, property: string, values: readonly string[] | undefined) => (values ?? []).map((value, index) => base64(bytesOf(binary, [property, index], value)));

function headers(binary: Bytes, property: string, map: HeaderMap | undefined): Array<[string, string[]]> {
  return Object.entries(map ?? {})
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map(([name, values]) => [base64(name), values.map((value, index) => base64(bytesOf(binary, [property, name, index], value)))]);
}

/** The canonical values of a cassette as tapedeck holds it. */
export function canonical(cassette: Cassette): Canonical {
  return {
    version: String(cassette.version),
    interactions: cassette.interactions.map(({ id, request, response }) => {
      const q: Canonical = {};
      const qb = request.binaryValues;
      put(q, "proto", text(qb, "proto", request.proto));
      put(q, "proto_major", integer(request.protoMajor));
      put(q, "proto_minor", integer(request.protoMinor));
      put(q, "content_length", integer(request.contentLength));
      put(q, "transfer_encoding", list(qb, "transferEncoding", request.transferEncoding));
      put(q, "trailer", headers(qb, "trailer", request.trailer));
      put(q, "host", text(qb, "host", request.host));
      put(q, "remote_addr", text(qb, "remoteAddr", request.remoteAddr));
      put(q, "request_uri", text(qb, "requestUri", request.requestUri));
      put(q, "body", body(request.body));
      put(q, "form", headers(qb, "form", request.form));
      put(q, "headers", headers(qb, "headers", request.headers));
      put(q, "url", text(qb, "url", request.url));
      put(q, "method", text(qb, "method", request.method));
      const s: Canonical = {};
      const sb = response.binaryValues;
      put(s, "proto", text(sb, "proto", response.proto));
      put(s, "proto_major", integer(response.protoMajor));
      put(s, "proto_minor", integer(response.protoMinor));
      put(s, "transfer_encoding", list(sb, "transferEncoding", response.transferEncoding));
      put(s, "trailer", headers(sb, "trailer", response.trailer));
      put(s, "content_length", integer(response.contentLength));
      put(s, "uncompressed", String(response.uncompressed ?? false));
      put(s, "body", body(response.body));
      put(s, "headers", headers(sb, "headers", response.headers));
      put(s, "status", text(sb, "status", response.status));
      put(s, "code", String(response.code));
      put(s, "duration", response.duration ?? "0s");
      return { id: String(id), request: q, response: s };
    }),
  };
}
