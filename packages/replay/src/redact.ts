import { bodyText, type HeaderMap, type Interaction } from "@tapedeck/cassette";

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
 * Values shaped like provider keys, wherever they sit in a header or query
 * value: OpenAI and Anthropic `sk-...`, Google `AIza...`, AWS access key ids,
 * GitHub and Hugging Face tokens, and any `Bearer` or `Basic` credential.
 */
export const defaultSecretPatterns: readonly RegExp[] = [
  /\bsk-(?:ant-|proj-|or-)?[A-Za-z0-9_-]{16,}/g,
  /\bAIza[0-9A-Za-z_-]{30,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\b(?:ghp|gho|ghs|github_pat|hf)_[A-Za-z0-9_]{20,}/g,
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
];

/** What to remove before anything is written, and before a live request is matched. */
export interface RedactionOptions {
  /** Use the default names and patterns above. Default `true`; `false` leaves only what is listed here. */
  defaults?: boolean;
  /** More header names. */
  headers?: readonly string[];
  /** More query parameter names. */
  queryParameters?: readonly string[];
  /** More JSON body field names. */
  bodyFields?: readonly string[];
  /** More value patterns (with the `g` flag), replaced in header and query values. */
  patterns?: readonly RegExp[];
}

/** The rules, compiled once. */
export interface Redactor {
  headers(map: HeaderMap | undefined): HeaderMap | undefined;
  url(url: string): string;
  body(body: string | Uint8Array | undefined): string | Uint8Array | undefined;
  /** A whole interaction, request and response; the input is not changed. */
  interaction(interaction: Interaction): Interaction;
}

const fieldKey = (name: string) => name.toLowerCase().replace(/[-_]/g, "");

/**
 * Compiles redaction rules. Headers named like secrets, query parameters named
 * like secrets, JSON body fields named like secrets at any depth, and any
 * header or query value shaped like a provider key become `REDACTED`. Names are
 * kept, so a reader sees that a credential was sent; a live request redacted the
 * same way still matches its recording.
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

  const body = (value: string | Uint8Array | undefined): string | Uint8Array | undefined => {
    if (value === undefined || typeof value !== "string" || fieldNames.size === 0) return value;
    const trimmed = value.trimStart();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return value;
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      return value;
    }
    const found = redactFields(json, fieldNames);
    // Re-serialized only when a secret was found, so other bodies keep their bytes.
    return found ? JSON.stringify(json) : value;
  };

  return {
    headers,
    url,
    body,
    interaction(interaction: Interaction): Interaction {
      const request = { ...interaction.request, url: url(interaction.request.url) };
      const requestHeaders = headers(interaction.request.headers);
      if (requestHeaders !== undefined) request.headers = requestHeaders;
      const requestBody = body(interaction.request.body);
      if (requestBody !== interaction.request.body && requestBody !== undefined) {
        request.body = requestBody;
        if (request.contentLength !== undefined && request.contentLength > 0) request.contentLength = new TextEncoder().encode(bodyText(requestBody)).length;
      }
      const form = interaction.request.form;
      if (form !== undefined) request.form = redactForm(form, queryNames, scrub);
      const response = { ...interaction.response };
      const responseHeaders = headers(interaction.response.headers);
      if (responseHeaders !== undefined) response.headers = responseHeaders;
      return { ...interaction, request, response };
    },
  };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function redactForm(form: HeaderMap, names: ReadonlySet<string>, scrub: (value: string) => string): HeaderMap {
  const result: HeaderMap = Object.create(null);
  for (const [name, values] of Object.entries(form)) result[name] = names.has(name.toLowerCase()) ? values.map(() => redactedValue) : values.map(scrub);
  return result;
}

/** Replaces secret-named fields in place, without recursion (any depth is safe); whether any was found. */
function redactFields(root: unknown, names: ReadonlySet<string>): boolean {
  let found = false;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (names.has(fieldKey(key)) && (typeof item === "string" || typeof item === "number") && item !== redactedValue) {
        record[key] = redactedValue;
        found = true;
      } else stack.push(item);
    }
  }
  return found;
}
