export { EventStreamError, type EventStreamErrorCode } from "./errors.js";
export type { EventStreamEvent, EventStreamLine, LineEnding, ParsedEvent } from "./event.js";
export { eventLines } from "./lines.js";
export {
  createEventStreamParser,
  type EventStreamParser,
  type EventStreamParserOptions,
  parseEventStream,
} from "./parse.js";
export { serializeEventStream } from "./serialize.js";
