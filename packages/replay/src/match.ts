import { bodyText, type Interaction } from "@tapedeck/cassette";
import type { RequestDifference } from "./errors.js";

/** A request as the matcher sees it. */
export interface IncomingRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** How requests are matched to recorded interactions. */
export interface MatchOptions {
  /**
   * Body paths left out of the comparison, dot-separated, `*` for any key or
   * array index: `"messages.*.tool_calls.*.id"`, `"stream_options"`.
   */
  ignoreBodyPaths?: readonly string[];
  /**
   * Header names left out of the comparison, besides the defaults (`user-agent`,
   * `authorization`, `content-length` and the other transport or client-identity
   * headers). `true` ignores all headers. A prefix ending in `*` matches many.
   */
  ignoreHeaders?: readonly string[] | true;
  /** Query parameter names left out of the URL comparison. */
  ignoreQueryParameters?: readonly string[];
  /** Compare the whole URL (`full`, the default for fetch), or only its path and query (`path`: hosts ignored). */
  url?: "full" | "path";
}

/** Headers that say how a request travelled or who sent it, not what it asks. */
export const defaultIgnoredHeaders = [
  "user-agent",
  "authorization",
  "proxy-authorization",
  "api-key",
  "x-api-key",
  "x-goog-api-key",
  "cookie",
  "content-length",
  "accept",
  "accept-encoding",
  "connection",
  "host",
  "traceparent",
  "x-stainless-*",
  "sec-*",
];

/** A request made ready for comparison once: URL normalized, body parsed. */
export interface PreparedRequest {
  method: string;
  url: string;
  /** Header names as written and their values, by lower-case name. */
  headers: ReadonlyMap<string, { name: string; value: string }>;
  bodyText: string;
  /** The parsed body, when it is JSON. */
  json?: { value: unknown };
}

/**
 * Prepares a live request or a recorded one for {@link compareRequests}: each
 * side is parsed once, however many interactions it is compared with.
 */
export function prepareRequest(request: { method: string; url: string; headers?: Headers | Record<string, readonly string[]> | undefined; body: string }, options: MatchOptions = {}): PreparedRequest {
  const headers = new Map<string, { name: string; value: string }>();
  if (request.headers instanceof Headers) {
    for (const [name, value] of request.headers) headers.set(name.toLowerCase(), { name, value });
  } else for (const [name, values] of Object.entries(request.headers ?? {})) headers.set(name.toLowerCase(), { name, value: values.join(", ") });
  const prepared: PreparedRequest = { method: request.method.toUpperCase(), url: normalizeUrl(request.url, options), headers, bodyText: request.body };
  const json = parseJson(request.body);
  if (json !== undefined) prepared.json = json;
  return prepared;
}

/** The recorded request of an interaction, prepared. */
export function prepareRecorded(interaction: Interaction, options: MatchOptions = {}): PreparedRequest {
  return prepareRequest({ ...interaction.request, body: bodyText(interaction.request.body) }, options);
}

/**
 * How `sent` differs from `recorded`: method, URL (query order ignored), the
 * headers the recording has (but the ignored ones), and the body, compared as
 * JSON when both sides are JSON: key order and spacing ignored, and a `null`
 * field the same as an absent one. Any depth of nesting is safe.
 */
export function compareRequests(sent: PreparedRequest, recorded: PreparedRequest, options: MatchOptions = {}): RequestDifference[] {
  const differences: RequestDifference[] = [];
  if (recorded.method !== sent.method) differences.push({ path: "method", recorded: recorded.method, sent: sent.method });
  if (recorded.url !== sent.url) differences.push({ path: "url", recorded: recorded.url, sent: sent.url });
  if (options.ignoreHeaders !== true) {
    const ignored = [...defaultIgnoredHeaders, ...(options.ignoreHeaders ?? [])].map((name) => name.toLowerCase());
    for (const [key, { name, value: expected }] of recorded.headers) {
      if (ignored.some((pattern) => (pattern.endsWith("*") ? key.startsWith(pattern.slice(0, -1)) : key === pattern))) continue;
      const value = sent.headers.get(key)?.value ?? null;
      if (value !== expected) differences.push({ path: `headers.${name}`, recorded: expected, sent: value });
    }
  }
  if (recorded.json === undefined || sent.json === undefined) {
    if (recorded.bodyText !== sent.bodyText) differences.push({ path: "body", recorded: recorded.bodyText, sent: sent.bodyText });
  } else diffJson(recorded.json.value, sent.json.value, (options.ignoreBodyPaths ?? []).map((path) => path.split(".")), differences);
  return differences;
}

function normalizeUrl(text: string, options: MatchOptions): string {
  let url: URL;
  try {
    url = new URL(text, "http://replay.invalid");
  } catch {
    return text;
  }
  for (const name of options.ignoreQueryParameters ?? []) url.searchParams.delete(name);
  url.searchParams.sort();
  const path = `${url.pathname}${url.search}`;
  return options.url === "path" ? path : `${url.protocol}//${url.host}${path}`;
}

function parseJson(text: string): { value: unknown } | undefined {
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function isIgnored(path: readonly string[], ignored: readonly string[][]): boolean {
  return ignored.some((pattern) => pattern.length === path.length && pattern.every((part, index) => part === "*" || part === path[index]));
}

const maxDifferences = 20;

/** A path as a chain of links to its parent, so that going one level deeper copies nothing. */
interface PathLink {
  parent: PathLink | undefined;
  key: string;
  depth: number;
}

function pathOf(link: PathLink | undefined): string[] {
  const keys: string[] = [];
  for (let node = link; node !== undefined; node = node.parent) keys.push(node.key);
  return keys.reverse();
}

/**
 * Structural comparison with key order ignored; records each differing leaf or
 * subtree. Walks with its own stack and shares path prefixes, so a body
 * thousands of levels deep costs time in proportion to its size, never a stack
 * overflow.
 */
function diffJson(recordedRoot: unknown, sentRoot: unknown, ignored: readonly string[][], differences: RequestDifference[]): void {
  const ignoring = ignored.length > 0;
  const ignoredAt = (link: PathLink | undefined) => ignoring && ignored.some((pattern) => pattern.length === (link?.depth ?? 0) && isIgnored(pathOf(link), [pattern]));
  const at = (link: PathLink | undefined) => ["body", ...pathOf(link)].join(".");
  const child = (parent: PathLink | undefined, key: string): PathLink => ({ parent, key, depth: (parent?.depth ?? 0) + 1 });
  const stack: Array<{ recorded: unknown; sent: unknown; link: PathLink | undefined }> = [{ recorded: recordedRoot, sent: sentRoot, link: undefined }];
  while (stack.length > 0 && differences.length < maxDifferences) {
    const { recorded, sent, link } = stack.pop()!;
    if (ignoredAt(link)) continue;
    if (Array.isArray(recorded) && Array.isArray(sent)) {
      // Items one side lacks are differences at once (no more than are reported); shared ones are compared in order.
      const shared = Math.min(recorded.length, sent.length);
      for (let index = shared; index < Math.max(recorded.length, sent.length) && differences.length < maxDifferences; index += 1) {
        const next = child(link, String(index));
        if (!ignoredAt(next)) differences.push({ path: at(next), recorded: recorded[index], sent: sent[index] });
      }
      for (let index = shared - 1; index >= 0; index -= 1) stack.push({ recorded: recorded[index], sent: sent[index], link: child(link, String(index)) });
      continue;
    }
    if (isPlainObject(recorded) && isPlainObject(sent)) {
      const keys = [...new Set([...Object.keys(recorded), ...Object.keys(sent)])].sort();
      for (let position = keys.length - 1; position >= 0; position -= 1) {
        const key = keys[position]!;
        const next = child(link, key);
        // A null field and an absent one ask the same of an OpenAI-compatible server.
        const recordedValue = recorded[key] ?? null;
        const sentValue = sent[key] ?? null;
        if (recordedValue === null || sentValue === null) {
          if (recordedValue !== sentValue && differences.length < maxDifferences && !ignoredAt(next)) differences.push({ path: at(next), recorded: recorded[key], sent: sent[key] });
        } else stack.push({ recorded: recordedValue, sent: sentValue, link: next });
      }
      continue;
    }
    if (!Object.is(recorded, sent)) differences.push({ path: at(link), recorded, sent });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
