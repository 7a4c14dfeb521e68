export { ReplayError, type ReplayErrorCode, type RequestDifference } from "./errors.js";
export { defaultIgnoredHeaders, type IncomingRequest, type MatchOptions } from "./match.js";
export type { PoolOptions } from "./interaction-pool.js";
export {
  createRedactor,
  defaultRedactedBodyFields,
  defaultRedactedHeaders,
  defaultRedactedQueryParameters,
  defaultSecretPatterns,
  type RedactionOptions,
  type Redactor,
  redactedValue,
} from "./redact.js";
export { createReplayFetch, type ReplayFetch, type ReplayFetchOptions } from "./replay-fetch.js";
export type { ReplayTiming } from "./response.js";
