const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const standard = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard, padded base64 as a binary string (one character per byte), or `undefined` for anything else. */
function binary(text: string): string | undefined {
  if (text.length % 4 !== 0 || !standard.test(text)) return undefined;
  let decoded: string;
  try {
    decoded = atob(text);
  } catch {
    return undefined;
  }
  // atob forgives missing padding and stray bits: only the canonical spelling is accepted.
  return btoa(decoded) === text ? decoded : undefined;
}

/** Standard, padded base64 to bytes; `undefined` for anything else (a wrong character, length or padding). */
export function fromBase64(text: string): Uint8Array | undefined {
  const decoded = binary(text);
  if (decoded === undefined) return undefined;
  const bytes = new Uint8Array(decoded.length);
  for (let index = 0; index < decoded.length; index += 1) bytes[index] = decoded.charCodeAt(index);
  return bytes;
}

/** Standard, padded base64 of UTF-8 text, decoded; `undefined` when it is not base64 or not UTF-8. */
export function base64Text(text: string): string | undefined {
  const decoded = binary(text);
  if (decoded === undefined) return undefined;
  // ASCII needs no decoding: the binary string is the text.
  if (!/[\x80-\xff]/.test(decoded)) return decoded;
  const bytes = new Uint8Array(decoded.length);
  for (let index = 0; index < decoded.length; index += 1) bytes[index] = decoded.charCodeAt(index);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes to standard, padded base64. */
export function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (let index = 0; index < bytes.length; index += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(index, index + 0x8000) as unknown as number[]);
  return btoa(text);
}
