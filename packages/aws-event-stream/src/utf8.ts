const strict = new TextDecoder("utf-8", { fatal: true });

/**
 * `bytes[start, end)` as text, or `undefined` when they are not UTF-8.
 *
 * @example
 * ```ts
 * decodeUtf8(new TextEncoder().encode(":event-type")); // ":event-type"
 * ```
 */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string | undefined {
  try {
    return strict.decode(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end));
  } catch {
    return undefined;
  }
}
