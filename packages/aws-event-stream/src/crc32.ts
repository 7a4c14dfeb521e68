/**
 * The CRC-32 of zlib and gzip: reflected polynomial 0xEDB88320, initial value
 * and final XOR 0xFFFFFFFF. Slicing-by-8 tables: eight bytes per step.
 */

const tables: Uint32Array[] = [];
for (let table = 0; table < 8; table += 1) tables.push(new Uint32Array(256));
for (let byte = 0; byte < 256; byte += 1) {
  let value = byte;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  tables[0]![byte] = value >>> 0;
}
for (let byte = 0; byte < 256; byte += 1) {
  for (let table = 1; table < 8; table += 1) {
    const previous = tables[table - 1]![byte]!;
    tables[table]![byte] = (tables[0]![previous & 0xff]! ^ (previous >>> 8)) >>> 0;
  }
}
const [t0, t1, t2, t3, t4, t5, t6, t7] = tables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];

/**
 * CRC-32 of `bytes[start, end)`, continuing from `previous` (the CRC of the bytes before).
 *
 * @example
 * ```ts
 * crc32(new TextEncoder().encode("123456789")); // 0xcbf43926
 * ```
 */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, previous = 0): number {
  let crc = ~previous >>> 0;
  let index = start;
  for (const stop = end - 8; index <= stop; index += 8) {
    const low = (crc ^ (bytes[index]! | (bytes[index + 1]! << 8) | (bytes[index + 2]! << 16) | (bytes[index + 3]! << 24))) >>> 0;
    crc =
      t7[low & 0xff]! ^
      t6[(low >>> 8) & 0xff]! ^
      t5[(low >>> 16) & 0xff]! ^
      t4[low >>> 24]! ^
      t3[bytes[index + 4]!]! ^
      t2[bytes[index + 5]!]! ^
      t1[bytes[index + 6]!]! ^
      t0[bytes[index + 7]!]!;
  }
  for (; index < end; index += 1) crc = t0[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
