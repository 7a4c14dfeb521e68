export { crc32 } from "./crc32.js";
export { AwsEventStreamError, type AwsEventStreamErrorCode } from "./errors.js";
export {
  type AwsEventStreamHeader,
  type AwsEventStreamHeaderValue,
  type AwsEventStreamMessage,
  headerValue,
  type ParsedAwsEventStreamMessage,
} from "./message.js";
export {
  type AwsEventStreamParser,
  type AwsEventStreamParserOptions,
  createAwsEventStreamParser,
  parseAwsEventStream,
} from "./parse.js";
export { serializeAwsEventStream, serializeAwsEventStreamMessage } from "./serialize.js";
export { concatBytes } from "./bytes.js";
export { decodeUtf8 } from "./utf8.js";
