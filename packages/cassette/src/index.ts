export { CassetteError, type CassetteErrorCode, type CassettePosition } from "./errors.js";
export type {
  Body,
  Cassette,
  CassetteRequest,
  CassetteResponse,
  HeaderMap,
  Interaction,
  UnknownFields,
} from "./model/cassette.js";
export type { BinaryValues } from "./model/binary-values.js";
export { bodyText } from "./model/body.js";
export { durationToMilliseconds, millisecondsToDuration } from "./model/duration.js";
export {
  type CassetteLayoutName,
  type CassetteLayout,
  cassetteLayouts,
  defaultCassetteLayout,
  layoutName,
  type YamlWriter,
} from "./model/layout.js";
export { type ParseCassetteOptions, parseCassette } from "./read/parse-cassette.js";
export { sourcePosition } from "./read/positions.js";
export { type CassetteFinding, type CassetteFindingCode, checkCassette } from "./check/check-cassette.js";
export type { ReadingNoteCode } from "./read/reading-notes.js";
export { type SerializeCassetteOptions, serializeCassette } from "./write/serialize-cassette.js";
