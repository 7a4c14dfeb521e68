export { ReplayError, type ReplayErrorCode, type RequestDifference } from "./errors.js";
export { compareRequests, defaultIgnoredHeaders } from "./match/compare.js";
export type { IncomingRequest, MatchOptions, ReplayOptions, TimingOptions } from "./options.js";
export {
  createRedactor,
  defaultRedactedBodyFields,
  defaultRedactedHeaders,
  defaultRedactedQueryParameters,
  defaultSecretPatterns,
  type RedactionOptions,
  type Redactor,
  redactedValue,
} from "./redaction/redactor.js";
export { createReplayFetch, type ReplayFetch, type ReplayFetchOptions } from "./replay-fetch.js";
