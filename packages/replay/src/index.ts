export { ReplayError, type ReplayErrorCode, type RequestDifference } from "./errors.js";
export { InteractionPool, type PoolOptions } from "./interaction-pool.js";
export { compareRequest, defaultIgnoredHeaders, type IncomingRequest, type MatchOptions } from "./match.js";
export { createReplayFetch, type ReplayFetchOptions } from "./replay-fetch.js";
export { buildResponse, type ReplayTiming } from "./response.js";
