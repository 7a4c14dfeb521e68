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
  /** Compare the whole URL (`full`, the default for fetch) or only its path and query (`path`, the server's). */
  url?: "full" | "path";
}

/** Headers that say how a request travelled or who sent it, not what it asks. */
export const defaultIgnoredHeaders = [
  "user-agent",
  "authorization",
  "proxy-authorization",
  "api-key",
  "x-api-key",
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

/**
 * How `request` differs from the recorded request of `interaction`: method, URL
 * (query order ignored), headers the recording has, and the body, compared as
 * JSON when both sides are JSON: key order ignored, and a `null` field the same
 * as an absent one.
 */
export function compareRequest(request: IncomingRequest, interaction: Interaction, options: MatchOptions = {}): RequestDifference[] {
  const recorded = interaction.request;
  const differences: RequestDifference[] = [];
  if (recorded.method.toUpperCase() !== request.method.toUpperCase()) {
    differences.push({ path: "method", recorded: recorded.method, sent: request.method });
  }
  const mode = options.url ?? "full";
  if (normalizeUrl(recorded.url, mode) !== normalizeUrl(request.url, mode)) {
    differences.push({ path: "url", recorded: recorded.url, sent: request.url });
  }
  if (options.ignoreHeaders !== true) {
    const ignored = [...defaultIgnoredHeaders, ...(options.ignoreHeaders ?? [])].map((name) => name.toLowerCase());
    for (const [name, values] of Object.entries(recorded.headers ?? {})) {
      const lower = name.toLowerCase();
      if (ignored.some((pattern) => (pattern.endsWith("*") ? lower.startsWith(pattern.slice(0, -1)) : lower === pattern))) continue;
      const sent = request.headers.get(name);
      const expected = values.join(", ");
      if (sent !== expected) differences.push({ path: `headers.${name}`, recorded: expected, sent });
    }
  }
  compareBodies(bodyText(recorded.body), request.body, options.ignoreBodyPaths ?? [], differences);
  return differences;
}

function normalizeUrl(text: string, mode: "full" | "path"): string {
  let url: URL;
  try {
    url = new URL(text, "http://replay.invalid");
  } catch {
    return text;
  }
  url.searchParams.sort();
  const path = `${url.pathname}${url.search}`;
  return mode === "path" ? path : `${url.protocol}//${url.host}${path}`;
}

function compareBodies(recorded: string, sent: string, ignored: readonly string[], differences: RequestDifference[]): void {
  const recordedJson = parseJson(recorded);
  const sentJson = parseJson(sent);
  if (recordedJson === undefined || sentJson === undefined) {
    if (recorded !== sent) differences.push({ path: "body", recorded, sent });
    return;
  }
  const paths = ignored.map((path) => path.split("."));
  diffJson(recordedJson.value, sentJson.value, [], paths, differences);
}

function parseJson(text: string): { value: unknown } | undefined {
  if (text.trim() === "") return undefined;
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

/** Structural comparison with key order ignored; records each differing leaf or subtree. */
function diffJson(recorded: unknown, sent: unknown, path: string[], ignored: readonly string[][], differences: RequestDifference[]): void {
  if (differences.length >= maxDifferences || isIgnored(path, ignored)) return;
  const where = ["body", ...path].join(".");
  if (Array.isArray(recorded) && Array.isArray(sent)) {
    const length = Math.max(recorded.length, sent.length);
    for (let index = 0; index < length; index += 1) {
      if (index >= recorded.length || index >= sent.length) {
        if (!isIgnored([...path, String(index)], ignored)) {
          differences.push({ path: `${where}.${index}`, recorded: recorded[index], sent: sent[index] });
        }
      } else diffJson(recorded[index], sent[index], [...path, String(index)], ignored, differences);
    }
    return;
  }
  if (isPlainObject(recorded) && isPlainObject(sent)) {
    const keys = new Set([...Object.keys(recorded), ...Object.keys(sent)]);
    for (const key of [...keys].sort()) {
      const child = [...path, key];
      // A null field and an absent one ask the same of an OpenAI-compatible server.
      const recordedValue = recorded[key] ?? null;
      const sentValue = sent[key] ?? null;
      if (recordedValue === null || sentValue === null) {
        if (recordedValue !== sentValue && !isIgnored(child, ignored)) differences.push({ path: `${where}.${key}`, recorded: recorded[key], sent: sent[key] });
      } else diffJson(recordedValue, sentValue, child, ignored, differences);
    }
    return;
  }
  if (!Object.is(recorded, sent)) differences.push({ path: where, recorded, sent });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
