export { CassetteError, type CassetteErrorCode, type CassettePosition } from "./errors.js";
export {
  bodyText,
  type ChunkPayload,
  chunkPayloads,
  headerValues,
  isEventStream,
} from "./event-stream.js";
export type {
  Body,
  Cassette,
  CassetteRequest,
  CassetteResponse,
  HeaderMap,
  Interaction,
  UnknownFields,
} from "./model/cassette.js";
export { durationToMilliseconds, millisecondsToDuration } from "./model/duration.js";
export {
  type CassetteDialect,
  type CassetteFormat,
  cassetteDialects,
  defaultCassetteFormat,
  dialectOf,
  type YamlWriter,
} from "./model/format.js";
export { type ParseCassetteOptions, parseCassette } from "./read/parse-cassette.js";
export { type StringifyCassetteOptions, stringifyCassette } from "./write/stringify-cassette.js";
export { formatEventStream, parseEventStream } from "@tapedeck/sse";
