import { concatBytes } from "./bytes.js";
import { AwsEventStreamError } from "./errors.js";
import type { AwsEventStreamHeader } from "./message.js";
import { decodeUtf8 } from "./utf8.js";

const encoder = new TextEncoder();

const typeCodes = { byte: 2, short: 3, integer: 4, long: 5, binary: 6, string: 7, timestamp: 8, uuid: 9 } as const;

/**
 * Reads a header block: `u8` name length, the UTF-8 name, `u8` type, then the
 * value (big-endian). `offset` is where the block starts in the stream, for errors.
 */
export function decodeHeaders(bytes: Uint8Array, where: { offset: number; messageNumber: number }): AwsEventStreamHeader[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headers: AwsEventStreamHeader[] = [];
  let position = 0;
  const fail = (detail: string): never => {
    throw new AwsEventStreamError("invalid-header", detail, { offset: where.offset + position, messageNumber: where.messageNumber });
  };
  const need = (length: number, what: string) => {
    if (position + length > bytes.length) fail(`${what} runs past the end of the header block`);
  };
  const text = (start: number, end: number, what: string): string => {
    const value = decodeUtf8(bytes, start, end);
    if (value !== undefined) return value;
    position = start;
    return fail(`${what} is not UTF-8`);
  };
  while (position < bytes.length) {
    const nameLength = bytes[position]!;
    if (nameLength === 0) fail("a header name is empty");
    need(1 + nameLength + 1, "a header name");
    const name = text(position + 1, position + 1 + nameLength, "a header name");
    const typeAt = position + 1 + nameLength;
    const type = bytes[typeAt]!;
    position = typeAt + 1;
    switch (type) {
      case 0:
      case 1:
        headers.push({ name, type: "boolean", value: type === 0 });
        break;
      case 2:
        need(1, `header ${name}`);
        headers.push({ name, type: "byte", value: view.getInt8(position) });
        position += 1;
        break;
      case 3:
        need(2, `header ${name}`);
        headers.push({ name, type: "short", value: view.getInt16(position) });
        position += 2;
        break;
      case 4:
        need(4, `header ${name}`);
        headers.push({ name, type: "integer", value: view.getInt32(position) });
        position += 4;
        break;
      case 5:
      case 8:
        need(8, `header ${name}`);
        headers.push({ name, type: type === 5 ? "long" : "timestamp", value: view.getBigInt64(position) });
        position += 8;
        break;
      case 6:
      case 7: {
        need(2, `header ${name}`);
        const length = view.getUint16(position);
        position += 2;
        need(length, `header ${name}`);
        if (type === 6) headers.push({ name, type: "binary", value: bytes.slice(position, position + length) });
        else headers.push({ name, type: "string", value: text(position, position + length, `header ${name}`) });
        position += length;
        break;
      }
      case 9: {
        need(16, `header ${name}`);
        let hex = "";
        for (let index = 0; index < 16; index += 1) hex += bytes[position + index]!.toString(16).padStart(2, "0");
        headers.push({ name, type: "uuid", value: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` });
        position += 16;
        break;
      }
      default:
        position = typeAt;
        fail(`header ${name} has type ${type}; expected 0-9`);
    }
  }
  return headers;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Writes a header block; a value its type cannot hold is an `invalid-message` error. */
export function encodeHeaders(headers: readonly AwsEventStreamHeader[], messageNumber = 0): Uint8Array {
  const parts: Uint8Array[] = [];
  const fail = (detail: string): never => {
    throw new AwsEventStreamError("invalid-message", detail, { offset: 0, messageNumber });
  };
  for (const header of headers) {
    // A lone surrogate would be written as U+FFFD: a different name or value than given.
    if (loneSurrogate.test(header.name) || ((header.type === "string" || header.type === "uuid") && loneSurrogate.test(header.value))) {
      fail(`header ${JSON.stringify(header.name)}: a lone surrogate, which UTF-8 cannot carry`);
    }
    const name = encoder.encode(header.name);
    if (name.length === 0 || name.length > 255) fail(`header name "${header.name}" must be 1 to 255 bytes of UTF-8`);
    let value: Uint8Array;
    let type: number;
    switch (header.type) {
      case "boolean":
        type = header.value ? 0 : 1;
        value = new Uint8Array(0);
        break;
      case "byte":
      case "short":
      case "integer": {
        const size = header.type === "byte" ? 1 : header.type === "short" ? 2 : 4;
        const limit = 2 ** (size * 8 - 1);
        if (!Number.isInteger(header.value) || header.value < -limit || header.value >= limit) fail(`header ${header.name}: ${header.value} is not a ${size * 8}-bit integer`);
        type = typeCodes[header.type];
        value = new Uint8Array(size);
        const view = new DataView(value.buffer);
        if (size === 1) view.setInt8(0, header.value);
        else if (size === 2) view.setInt16(0, header.value);
        else view.setInt32(0, header.value);
        break;
      }
      case "long":
      case "timestamp":
        if (typeof header.value !== "bigint" || header.value < -(2n ** 63n) || header.value >= 2n ** 63n) fail(`header ${header.name}: expected a 64-bit bigint`);
        type = typeCodes[header.type];
        value = new Uint8Array(8);
        new DataView(value.buffer).setBigInt64(0, header.value);
        break;
      case "binary":
      case "string": {
        const data = header.type === "binary" ? header.value : encoder.encode(header.value);
        if (data.length > 0xffff) fail(`header ${header.name}: a value of ${data.length} bytes is longer than 65,535`);
        type = typeCodes[header.type];
        value = new Uint8Array(2 + data.length);
        new DataView(value.buffer).setUint16(0, data.length);
        value.set(data, 2);
        break;
      }
      case "uuid": {
        const hex = header.value.replaceAll("-", "");
        if (!/^[0-9a-fA-F]{32}$/.test(hex)) fail(`header ${header.name}: "${header.value}" is not a UUID`);
        type = typeCodes.uuid;
        value = new Uint8Array(16);
        for (let index = 0; index < 16; index += 1) value[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
        break;
      }
      default:
        return fail(`header ${(header as AwsEventStreamHeader).name} has an unknown type`);
    }
    const entry = new Uint8Array(1 + name.length + 1 + value.length);
    entry[0] = name.length;
    entry.set(name, 1);
    entry[1 + name.length] = type;
    entry.set(value, 2 + name.length);
    parts.push(entry);
  }
  return concatBytes(parts);
}
