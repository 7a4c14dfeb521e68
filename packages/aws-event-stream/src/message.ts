/**
 * A header value with its wire type. The names are those of the AWS SDKs
 * (`@smithy/eventstream-codec`); each value reads back to the same bytes.
 */
export type AwsEventStreamHeaderValue =
  /** Types 0 (true) and 1 (false): no value bytes. */
  | { type: "boolean"; value: boolean }
  /** Type 2: a signed 8-bit integer. */
  | { type: "byte"; value: number }
  /** Type 3: a signed 16-bit integer. */
  | { type: "short"; value: number }
  /** Type 4: a signed 32-bit integer. */
  | { type: "integer"; value: number }
  /** Type 5: a signed 64-bit integer. */
  | { type: "long"; value: bigint }
  /** Type 6: bytes (at most 65,535). */
  | { type: "binary"; value: Uint8Array }
  /** Type 7: UTF-8 text (at most 65,535 bytes). */
  | { type: "string"; value: string }
  /** Type 8: milliseconds since the Unix epoch, as a signed 64-bit integer. */
  | { type: "timestamp"; value: bigint }
  /** Type 9: 16 bytes, written here as lower-case `8-4-4-4-12` hex. */
  | { type: "uuid"; value: string };

/** One header: its name and typed value. */
export type AwsEventStreamHeader = { name: string } & AwsEventStreamHeaderValue;

/**
 * One message (frame) of an AWS event stream. Headers keep their wire order,
 * so that writing the message back gives the same bytes.
 *
 * @example
 * ```ts
 * const message: AwsEventStreamMessage = {
 *   headers: [{ name: ":event-type", type: "string", value: "chunk" }],
 *   payload: new TextEncoder().encode('{"bytes":"e30="}'),
 * };
 * ```
 */
export interface AwsEventStreamMessage {
  headers: AwsEventStreamHeader[];
  payload: Uint8Array;
}

/** A message read from a stream: where it was is always known. */
export interface ParsedAwsEventStreamMessage extends AwsEventStreamMessage {
  /** 0-based position of the message in the stream. */
  number: number;
  /** Byte offset of the message's first byte in the stream. */
  offset: number;
  /** The header block exactly as sent. */
  headerBytes: Uint8Array;
}

/**
 * The value of the first header named `name` (any type), or `undefined`.
 *
 * @example
 * ```ts
 * headerValue(message, ":event-type"); // "chunk"
 * ```
 */
export function headerValue(message: AwsEventStreamMessage, name: string): AwsEventStreamHeaderValue["value"] | undefined {
  for (const header of message.headers) if (header.name === name) return header.value;
  return undefined;
}
