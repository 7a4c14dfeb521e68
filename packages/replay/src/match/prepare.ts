import { bodyText, type HeaderMap, type Interaction } from "@tapedeck/cassette";
import { multipartBoundary, parseMultipart } from "../multipart.js";
import type { MatchOptions } from "../options.js";
import { normalizeUrl } from "./url.js";

/** A request made ready for comparison once: URL normalized, body parsed. */
export interface PreparedRequest {
  method: string;
  url: string;
  /** Header names as written and their values, by lower-case name. */
  headers: ReadonlyMap<string, { name: string; value: string }>;
  bodyText: string;
  /**
   * The body as a value compared structurally: parsed JSON, or a multipart
   * body's parts (`{ parts: [{ name, filename, contentType, content }] }`),
   * which differ from run to run only in their random boundary.
   */
  structured?: { value: unknown };
}

/**
 * Prepares a live request or a recorded one for comparison: each side is
 * parsed once, however many interactions it is compared with.
 */
export function prepareRequest(request: { method: string; url: string; headers?: Headers | HeaderMap | undefined; body: string }, options: MatchOptions = {}): PreparedRequest {
  const headers = new Map<string, { name: string; value: string }>();
  const add = (name: string, value: string) => headers.set(name.toLowerCase(), { name, value: name.toLowerCase() === "content-type" ? withoutBoundary(value) : value });
  if (request.headers instanceof Headers) for (const [name, value] of request.headers) add(name, value);
  else for (const [name, values] of Object.entries(request.headers ?? {})) add(name, values.join(", "));
  const prepared: PreparedRequest = { method: request.method.toUpperCase(), url: normalizeUrl(request.url, options), headers, bodyText: request.body };
  const structured = structuredBody(request.body, contentTypeOf(request.headers));
  if (structured !== undefined) prepared.structured = structured;
  return prepared;
}

/** The recorded request of an interaction, prepared. */
export function prepareRecorded(interaction: Interaction, options: MatchOptions = {}): PreparedRequest {
  return prepareRequest({ ...interaction.request, body: bodyText(interaction.request.body) }, options);
}

function contentTypeOf(headers: Headers | HeaderMap | undefined): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get("content-type") ?? undefined;
  for (const name of Object.keys(headers)) if (name.toLowerCase() === "content-type") return headers[name]?.[0];
  return undefined;
}

/** `multipart/form-data; boundary=xyz` → `multipart/form-data`: the boundary is random per request. */
function withoutBoundary(value: string): string {
  return value.replace(/;\s*boundary=(?:"[^"]*"|[^;\s]*)/i, "");
}

function structuredBody(body: string, contentType: string | undefined): { value: unknown } | undefined {
  const boundary = multipartBoundary(contentType);
  if (boundary !== undefined) {
    const parsed = parseMultipart(body, boundary);
    if (parsed !== undefined) {
      return { value: { parts: parsed.parts.map(({ name, filename, contentType: type, content }) => ({ name: name ?? null, filename: filename ?? null, contentType: type ?? null, content })) } };
    }
  }
  const first = body.trimStart()[0];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return { value: JSON.parse(body) };
  } catch {
    return undefined;
  }
}
