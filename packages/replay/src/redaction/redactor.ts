import type { HeaderMap, Interaction } from "@tapedeck/cassette";
import { type BodyRules, redactBody } from "./bodies.js";

/** What replaces a secret: in header values, query values and JSON body fields. */
export const redactedValue = "REDACTED";

/** Header names whose values are secrets, whatever they hold (compared without case). */
export const defaultRedactedHeaders = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
  "x-goog-api-key",
  "anthropic-api-key",
  "openai-api-key",
  "x-amz-security-token",
];

/** Query parameter names whose values are secrets (compared without case). */
export const defaultRedactedQueryParameters = ["key", "api_key", "apikey", "api-key", "access_token", "token", "client_secret", "x-amz-security-token", "x-amz-signature", "sig"];

/** JSON body field names whose values are secrets, at any depth (compared without case, `-` and `_` ignored). */
export const defaultRedactedBodyFields = ["apikey", "accesstoken", "refreshtoken", "clientsecret", "secret", "password", "authorization", "idtoken", "privatekey"];

/**
 * Values shaped like provider keys, wherever they sit: in a header, query or
 * path value, or anywhere in a body. OpenAI and Anthropic `sk-...`, Google
 * `AIza...`, AWS access key ids, GitHub and Hugging Face tokens, and any
 * `Bearer` or `Basic` credential.
 */
export const defaultSecretPatterns: readonly RegExp[] = [
  /\bsk-(?:ant-|proj-|or-)?[A-Za-z0-9_-]{16,}/g,
  /\bAIza[0-9A-Za-z_-]{30,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\b(?:ghp|gho|ghs|github_pat|hf)_[A-Za-z0-9_]{20,}/g,
  // A credential, not a phrase: "Basic usage" stays; a token has 16 characters or more, a digit or `+/=` among them.
  /\b(?:Bearer|Basic)\s+(?=[A-Za-z0-9._~+/=-]*[0-9+/=])[A-Za-z0-9._~+/=-]{16,}/gi,
];

/** What to remove before anything is written, and before a live request is matched. */
export interface RedactionOptions {
  /** Use the default names and patterns above. Default `true`; `false` leaves only what is listed here. */
  defaults?: boolean;
  /** More header names. */
  headers?: readonly string[];
  /** More query parameter names. */
  queryParameters?: readonly string[];
  /** More body field names: JSON fields at any depth, form and multipart fields. */
  bodyFields?: readonly string[];
  /** More value patterns (with the `g` flag), replaced in header, query and path values and in bodies of every kind. */
  patterns?: readonly RegExp[];
}

/** The rules, compiled once. */
export interface Redactor {
  headers(map: HeaderMap | undefined): HeaderMap | undefined;
  url(url: string): string;
  /** A body of any kind; `contentType` tells form and multipart bodies apart (JSON and text are told by their shape). */
  body(body: string | Uint8Array | undefined, contentType?: string): string | Uint8Array | undefined;
  /** A whole interaction, request and response; the input is not changed. */
  interaction(interaction: Interaction): Interaction;
}

const fieldKey = (name: string) => name.toLowerCase().replace(/[-_]/g, "");

/**
 * Compiles redaction rules. Headers named like secrets, query parameters named
 * like secrets, body fields named like secrets (JSON at any depth, whatever
 * they hold; form and multipart fields), and any value shaped like a provider
 * key, wherever it travels (header and query values, URL paths, bodies of
 * every kind, bytes that are not UTF-8 included), become `REDACTED`. Names are
 * kept, so a reader sees that a credential was sent; a live request redacted
 * the same way still matches its recording.
 *
 * @example
 * ```ts
 * const redactor = createRedactor({ headers: ["x-my-gateway-key"] });
 * redactor.url("https://generativelanguage.googleapis.com/v1/models?key=AIza..."); // "...?key=REDACTED"
 * ```
 */
export function createRedactor(options: RedactionOptions = {}): Redactor {
  const defaults = options.defaults ?? true;
  const headerNames = new Set([...(defaults ? defaultRedactedHeaders : []), ...(options.headers ?? [])].map((name) => name.toLowerCase()));
  const queryNames = new Set([...(defaults ? defaultRedactedQueryParameters : []), ...(options.queryParameters ?? [])].map((name) => name.toLowerCase()));
  const fieldNames = new Set([...(defaults ? defaultRedactedBodyFields : []), ...(options.bodyFields ?? [])].map(fieldKey));
  const patterns = [...(defaults ? defaultSecretPatterns : []), ...(options.patterns ?? [])];
  const scrub = (value: string) => patterns.reduce((text, pattern) => text.replace(pattern, redactedValue), value);
  const bodyRules: BodyRules = {
    isSecretField: (name) => fieldNames.has(fieldKey(name)),
    isSecretParameter: (name) => fieldNames.has(fieldKey(name)) || queryNames.has(name.toLowerCase()),
    scrub,
    replacement: redactedValue,
  };

  const headers = (map: HeaderMap | undefined): HeaderMap | undefined => {
    if (map === undefined) return undefined;
    const result: HeaderMap = Object.create(null);
    for (const [name, values] of Object.entries(map)) {
      result[name] = headerNames.has(name.toLowerCase()) ? values.map(() => redactedValue) : values.map(scrub);
    }
    return result;
  };

  const url = (text: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return scrub(text);
    }
    let changed = false;
    if (parsed.password !== "") {
      parsed.password = redactedValue;
      changed = true;
    }
    if (parsed.username !== "" && scrub(decodeSafely(parsed.username)) !== decodeSafely(parsed.username)) {
      parsed.username = redactedValue;
      changed = true;
    }
    // A key in the path (`/v1/keys/sk-proj-...`), raw or percent-encoded.
    const path = parsed.pathname.split("/").map((segment) => {
      const scrubbed = scrub(decodeSafely(segment));
      return scrubbed === decodeSafely(segment) ? segment : encodeURIComponent(scrubbed);
    }).join("/");
    if (path !== parsed.pathname) {
      parsed.pathname = path;
      changed = true;
    }
    // Rewritten by hand, not through URLSearchParams, so that a URL without secrets keeps its exact spelling.
    const query = parsed.search.slice(1);
    if (query !== "") {
      const parts = query.split("&").map((part) => {
        const equals = part.indexOf("=");
        const name = decodeSafely(equals < 0 ? part : part.slice(0, equals));
        if (equals >= 0 && queryNames.has(name.toLowerCase())) return `${part.slice(0, equals)}=${redactedValue}`;
        const scrubbed = scrub(decodeSafely(part));
        return scrubbed === decodeSafely(part) ? part : encodeURI(scrubbed);
      });
      const rewritten = parts.join("&");
      if (rewritten !== query) {
        parsed.search = `?${rewritten}`;
        changed = true;
      }
    }
    return changed ? parsed.toString() : text;
  };

  const body = (value: string | Uint8Array | undefined, contentType?: string) => redactBody(value, contentType, bodyRules);

  return {
    headers,
    url,
    body,
    interaction(interaction: Interaction): Interaction {
      const request = { ...interaction.request, url: url(interaction.request.url) };
      const requestHeaders = headers(interaction.request.headers);
      if (requestHeaders !== undefined) request.headers = requestHeaders;
      const requestBody = body(interaction.request.body, headerValue(interaction.request.headers, "content-type"));
      if (requestBody !== interaction.request.body && requestBody !== undefined) {
        request.body = requestBody;
        if (request.contentLength !== undefined && request.contentLength > 0) request.contentLength = byteLength(requestBody);
      }
      const form = interaction.request.form;
      if (form !== undefined) request.form = redactMap(form, queryNames, fieldNames, scrub);
      const response = { ...interaction.response };
      const responseHeaders = headers(interaction.response.headers);
      if (responseHeaders !== undefined) response.headers = responseHeaders;
      const responseBody = body(interaction.response.body, headerValue(interaction.response.headers, "content-type"));
      if (responseBody !== interaction.response.body && responseBody !== undefined) {
        response.body = responseBody;
        if (response.contentLength !== undefined && response.contentLength > 0) response.contentLength = byteLength(responseBody);
      }
      return { ...interaction, request, response };
    },
  };
}

function headerValue(headers: HeaderMap | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key]?.[0];
  return undefined;
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === "string" ? new TextEncoder().encode(body).length : body.length;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function redactMap(form: HeaderMap, queryNames: ReadonlySet<string>, fieldNames: ReadonlySet<string>, scrub: (value: string) => string): HeaderMap {
  const result: HeaderMap = Object.create(null);
  for (const [name, values] of Object.entries(form)) {
    const secret = queryNames.has(name.toLowerCase()) || fieldNames.has(fieldKey(name));
    result[name] = secret ? values.map(() => redactedValue) : values.map(scrub);
  }
  return result;
}
