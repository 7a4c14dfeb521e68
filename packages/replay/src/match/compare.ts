import type { Interaction } from "@tapedeck/cassette";
import type { RequestDifference } from "../errors.js";
import type { IncomingRequest, MatchOptions } from "../options.js";
import { diffJson } from "./json-diff.js";
import { type PreparedRequest, prepareRecorded, prepareRequest } from "./prepare.js";

/** Headers that say how a request travelled or who sent it, not what it asks. */
export const defaultIgnoredHeaders = [
  "user-agent",
  "authorization",
  "proxy-authorization",
  "api-key",
  "x-api-key",
  "x-goog-api-key",
  "x-goog-api-client",
  "cookie",
  "content-length",
  "accept",
  "accept-encoding",
  "connection",
  "host",
  "traceparent",
  "x-stainless-*",
  "sec-*",
  // AWS signs each request anew: its date, signature and per-call ids differ every run.
  "x-amz-date",
  "x-amz-content-sha256",
  "x-amz-security-token",
  "x-amz-user-agent",
  "amz-sdk-invocation-id",
  "amz-sdk-request",
];

/**
 * How `sent` differs from `recorded`, both prepared: method, URL, the headers
 * the recording has (but the ignored ones), and the body, compared as JSON or
 * as multipart parts when both sides are: key order, spacing and boundaries
 * ignored, and a `null` field the same as an absent one. Any depth is safe.
 */
export function comparePrepared(sent: PreparedRequest, recorded: PreparedRequest, options: MatchOptions = {}): RequestDifference[] {
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
  if (recorded.structured === undefined || sent.structured === undefined) {
    if (recorded.bodyText !== sent.bodyText) differences.push({ path: "body", recorded: recorded.bodyText, sent: sent.bodyText });
  } else diffJson(recorded.structured.value, sent.structured.value, (options.ignoreBodyPaths ?? []).map((path) => path.split(".")), differences);
  return differences;
}

/**
 * The built-in comparison of a live request with a recorded interaction: the
 * differences, none when they match. For custom matchers: call it, then drop
 * or add differences.
 *
 * @example
 * ```ts
 * import { compareRequests } from "@tapedeck/replay";
 * useCassettes({
 *   match: {
 *     matcher: (request, interaction) =>
 *       compareRequests(request, interaction).filter((difference) => !difference.path.startsWith("body.metadata.")),
 *   },
 * });
 * ```
 */
export function compareRequests(request: IncomingRequest, interaction: Interaction, options: Omit<MatchOptions, "matcher" | "allowRepeats"> = {}): RequestDifference[] {
  return comparePrepared(prepareRequest(request, options), prepareRecorded(interaction, options), options);
}

