export { createRecordingFetch, type RecordingFetch, type RecordingOptions } from "./record.js";
export { type ReplayServer, type ReplayServerOptions, startReplayServer } from "./server.js";
