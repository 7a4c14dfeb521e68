export { ReplayError, type ReplayErrorCode, type RequestDifference } from "./errors.js";
export { defaultIgnoredHeaders, type IncomingRequest, type MatchOptions } from "./match.js";
export { createReplayFetch, type ReplayFetchOptions } from "./replay-fetch.js";
export type { ReplayTiming } from "./response.js";
