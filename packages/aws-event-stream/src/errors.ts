/** What is wrong with an AWS event stream. */
export type AwsEventStreamErrorCode =
  /** The CRC of a message's first 8 bytes does not match its prelude CRC. */
  | "prelude-crc-mismatch"
  /** The CRC of a whole message does not match its final 4 bytes. */
  | "message-crc-mismatch"
  /** The stream ended inside a message. */
  | "truncated"
  /** A message's lengths contradict each other (shorter than 16 bytes, headers past the end...). */
  | "invalid-length"
  /** A header block longer than the `maxHeadersLength` option allows (default 128 KiB), read or about to be written. */
  | "headers-too-long"
  /** A payload longer than the `maxPayloadLength` option allows (default 24 MiB), read or about to be written. */
  | "payload-too-long"
  /** A header that cannot be read: an unknown type, a value past the block's end, a name or string that is not UTF-8. */
  | "invalid-header"
  /** A message that cannot be written: a value out of its type's range, a name or value too long. */
  | "invalid-message";

/**
 * The one error `@tapedeck/aws-event-stream` throws: a code, the byte offset in
 * the stream where the problem is, and the number of the message it is in.
 *
 * @example
 * ```ts
 * try { parseAwsEventStream(bytes); }
 * catch (error) {
 *   if (error instanceof AwsEventStreamError) console.error(error.code, error.offset, error.messageNumber);
 * }
 * ```
 */
export class AwsEventStreamError extends Error {
  override readonly name = "AwsEventStreamError";
  readonly code: AwsEventStreamErrorCode;
  /** Byte offset, in the stream, of the problem. */
  readonly offset: number;
  /** 0-based number of the message the problem is in. */
  readonly messageNumber: number;

  constructor(code: AwsEventStreamErrorCode, detail: string, where: { offset: number; messageNumber: number }) {
    super(`message ${where.messageNumber}, byte ${where.offset}: ${detail}`);
    this.code = code;
    this.offset = where.offset;
    this.messageNumber = where.messageNumber;
  }
}
