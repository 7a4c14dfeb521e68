/**
 * String fields that Go wrote as `!!binary` because their bytes are not UTF-8
 * (a header value, the URL, the status...). The field holds the text decoded
 * with U+FFFD in place of the bytes that are not UTF-8; `binaryValues` on the
 * request or response keeps the bytes, keyed by the field's path as JSON
 * (`["url"]`, `["headers","X-Trace",0]`, `["transferEncoding",1]`). The writer
 * writes the bytes back as long as the text is the one they decode to; a text
 * changed since is written as text.
 */
export type BinaryValues = Map<string, Uint8Array>;

const lossy = new TextDecoder("utf-8", { ignoreBOM: true });

/** The key of a field's path in {@link BinaryValues}. */
export function binaryValuePath(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

/** The bytes to write for a string field: its recorded bytes while the text still decodes from them, else `undefined`. */
export function binaryValueFor(values: BinaryValues | undefined, path: readonly (string | number)[], text: string): Uint8Array | undefined {
  const bytes = values?.get(binaryValuePath(path));
  return bytes !== undefined && lossy.decode(bytes) === text ? bytes : undefined;
}
