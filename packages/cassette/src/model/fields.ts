/**
 * go-vcr's fields, in the order go-vcr declares them (and so writes them), with
 * their YAML names and types. The reader and the writer both follow these
 * tables: this file is the one place that knows go-vcr's struct layout.
 */

/** The YAML type of a field. */
export type FieldKind =
  | "string"
  | "int"
  | "bool"
  | "strings"
  | "header-map"
  | "body"
  | "duration";

export interface FieldSpec<Property extends string = string> {
  /** The key in the YAML file. */
  key: string;
  /** The property in the TypeScript model. */
  property: Property;
  kind: FieldKind;
  /** go-vcr's `omitempty`: left out when `""`, `false`, `0`-length. */
  omitEmpty: boolean;
  /**
   * go-vcr always writes it: a cassette without it still reads (Go takes the
   * zero value), with a `missing-field` note for `checkCassette`.
   */
  written?: boolean;
}

export const requestFields: readonly FieldSpec[] = [
  { key: "proto", property: "proto", kind: "string", omitEmpty: false },
  { key: "proto_major", property: "protoMajor", kind: "int", omitEmpty: false },
  { key: "proto_minor", property: "protoMinor", kind: "int", omitEmpty: false },
  { key: "content_length", property: "contentLength", kind: "int", omitEmpty: false },
  { key: "transfer_encoding", property: "transferEncoding", kind: "strings", omitEmpty: true },
  { key: "trailer", property: "trailer", kind: "header-map", omitEmpty: true },
  { key: "host", property: "host", kind: "string", omitEmpty: false },
  { key: "remote_addr", property: "remoteAddr", kind: "string", omitEmpty: true },
  { key: "request_uri", property: "requestUri", kind: "string", omitEmpty: true },
  { key: "body", property: "body", kind: "body", omitEmpty: true },
  { key: "form", property: "form", kind: "header-map", omitEmpty: true },
  { key: "headers", property: "headers", kind: "header-map", omitEmpty: true },
  { key: "url", property: "url", kind: "string", omitEmpty: false, written: true },
  { key: "method", property: "method", kind: "string", omitEmpty: false, written: true },
];

export const responseFields: readonly FieldSpec[] = [
  { key: "proto", property: "proto", kind: "string", omitEmpty: false },
  { key: "proto_major", property: "protoMajor", kind: "int", omitEmpty: false },
  { key: "proto_minor", property: "protoMinor", kind: "int", omitEmpty: false },
  { key: "transfer_encoding", property: "transferEncoding", kind: "strings", omitEmpty: true },
  { key: "trailer", property: "trailer", kind: "header-map", omitEmpty: true },
  { key: "content_length", property: "contentLength", kind: "int", omitEmpty: false },
  { key: "uncompressed", property: "uncompressed", kind: "bool", omitEmpty: true },
  { key: "body", property: "body", kind: "body", omitEmpty: false },
  { key: "headers", property: "headers", kind: "header-map", omitEmpty: false },
  { key: "status", property: "status", kind: "string", omitEmpty: false },
  { key: "code", property: "code", kind: "int", omitEmpty: false, written: true },
  { key: "duration", property: "duration", kind: "duration", omitEmpty: false },
];

export const interactionFields: readonly FieldSpec[] = [
  { key: "id", property: "id", kind: "int", omitEmpty: false, written: true },
];

/** Go's zero value of a field kind, written for a missing field that is not `omitempty`. */
export function zeroValue(kind: FieldKind): unknown {
  switch (kind) {
    case "string":
    case "body":
      return "";
    case "int":
      return 0;
    case "bool":
      return false;
    case "strings":
      return [];
    case "header-map":
      return Object.create(null);
    case "duration":
      return "0s";
  }
}

/** Whether a value is empty in the sense of Go's `omitempty`. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === false) return true;
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length === 0;
  if (typeof value === "object") {
    for (const _ in value) return false;
    return true;
  }
  return false;
}
