import type { BinaryValues } from "./binary-values.js";
import type { CassetteLayout } from "./layout.js";

/**
 * Header-like maps of go-vcr (`headers`, `trailer`, `form`): a name to its
 * values, in a null-prototype object so that any name, `__proto__` included, is
 * plain data.
 */
export type HeaderMap = Record<string, string[]>;

/** A body: text, or bytes when the recording was not valid UTF-8 (`!!binary`). */
export type Body = string | Uint8Array;

/**
 * Keys the cassette had that go-vcr does not define (go-vcr itself drops
 * them). They are kept, in their order (a `Map`, so that `10` stays after
 * `zeta`), and written back after the known fields of the same mapping.
 * Values are plain data: strings, numbers, `bigint`s past 2^53, booleans,
 * `null`, bytes, arrays and `Map`s.
 */
export type UnknownFields = Map<string, unknown>;

/**
 * go-vcr's recorded request, field for field and in go-vcr's order. Optional
 * fields are the ones go-vcr omits when empty; others are written even when
 * empty, with Go's zero value.
 */
export interface CassetteRequest {
  proto?: string;
  protoMajor?: number | bigint;
  protoMinor?: number | bigint;
  /** Go's int64: a `bigint` past 2^53, so that every value comes back exact. */
  contentLength?: number | bigint;
  transferEncoding?: string[];
  trailer?: HeaderMap;
  host?: string;
  remoteAddr?: string;
  requestUri?: string;
  body?: Body;
  form?: HeaderMap;
  headers?: HeaderMap;
  url: string;
  method: string;
  /** Bytes of string fields Go wrote as `!!binary` (not UTF-8); the fields hold them decoded with U+FFFD. */
  binaryValues?: BinaryValues;
  unknownFields?: UnknownFields;
}

/** go-vcr's recorded response, field for field and in go-vcr's order. */
export interface CassetteResponse {
  proto?: string;
  protoMajor?: number | bigint;
  protoMinor?: number | bigint;
  transferEncoding?: string[];
  trailer?: HeaderMap;
  /** `-1` for a streamed body of unknown length; a `bigint` past 2^53. */
  contentLength?: number | bigint;
  uncompressed?: boolean;
  body?: Body;
  headers?: HeaderMap;
  /** The status line, e.g. `200 OK`. */
  status?: string;
  /**
   * The status code, e.g. `200`: any integer Go's `int` holds, as go-vcr reads
   * it (a `bigint` past 2^53). `tapedeck check` reports one outside 100-599;
   * a replay refuses to send one HTTP cannot carry.
   */
  code: number | bigint;
  /**
   * Time until the response headers arrived, as Go's `time.Duration.String()`
   * (`1.5s`, `662.265667ms`). Use `durationToMilliseconds` for a number.
   */
  duration?: string;
  /** Bytes of string fields Go wrote as `!!binary` (not UTF-8); the fields hold them decoded with U+FFFD. */
  binaryValues?: BinaryValues;
  unknownFields?: UnknownFields;
}

/** One recorded request and its response. */
export interface Interaction {
  id: number;
  request: CassetteRequest;
  response: CassetteResponse;
  unknownFields?: UnknownFields;
}

/**
 * A go-vcr cassette (format version 2) and the layout it was written in.
 *
 * @example
 * ```ts
 * const cassette = parseCassette(text, { source: "chat.yaml" });
 * cassette.interactions[0].request.url; // "https://openrouter.ai/api/v1/chat/completions"
 * ```
 */
export interface Cassette {
  version: 2;
  interactions: Interaction[];
  /** How the file is laid out; `serializeCassette` writes it back in this layout. */
  layout: CassetteLayout;
  unknownFields?: UnknownFields;
}
