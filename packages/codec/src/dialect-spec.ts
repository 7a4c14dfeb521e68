import type { CoreHooks, MergeCore } from "./core.js";
import type { DialectEvent, DialectName, Framing } from "./dialect.js";
import type { NormalizedMessage } from "./normalized.js";
import type { Fragmenter } from "./shared/fragment.js";

/**
 * How a dialect's streams are told apart from others': by an event decisive
 * for it (one of the first few), else by the request URL.
 */
export interface DialectDetection {
  /** Request URL patterns whose streams are in this dialect when no event decides. */
  urls: readonly RegExp[];
  /**
   * Whether an event is decisively this dialect's, given its JSON and its
   * SSE `event:` or AWS `:event-type`. Dialects are asked in the order of
   * `dialects`, the most particular first.
   */
  event(json: Record<string, unknown>, type: string | undefined): boolean;
  /**
   * Whether a whole, non-streamed JSON answer is this dialect's merged shape
   * (a `ChatCompletion`, a `Message`...), so that it can be read with
   * `normalize` like a merged stream.
   */
  response(json: Record<string, unknown>): boolean;
}

/** How the events of a dialect are grouped and named in generated types (`@tapedeck/codegen`). */
export interface DialectCodegen {
  /** What the generated module describes, for its header. */
  title: string;
  /** The request body type (`MessageCreateParams`...). */
  request: string;
  /**
   * How events of different types are tied together: a union discriminated on
   * `type` in the payload; a map from the event type (an SSE `event:` or AWS
   * `:event-type`) to the payload type; or nothing, where one type covers
   * every event.
   */
  grouping: { kind: "discriminated-union"; name: string } | { kind: "event-map"; name: string } | { kind: "single" };
  /** The event type of one payload, as the provider names it; `undefined` leaves it out of the types. */
  eventType(json: Record<string, unknown>, header: string | undefined): string | undefined;
  /** The generated type name of one event type, as the provider's docs name it. */
  member(eventType: string): string;
}

/** The provider's own client that accumulates a dialect's streams, which the differential tests compare with. */
export interface OfficialClient {
  /** Its npm package. */
  package: string;
  /** What in it accumulates (`MessageStream`, the AI SDK's `streamText`...). */
  accumulator: string;
}

/** What a dialect folder supplies; `defineDialect` builds the public `Dialect` from it. */
export interface DialectSpec<Merged, SplitExtra extends object = object> {
  name: DialectName;
  /** The framing its streams use unless told otherwise. */
  framing: Framing;
  /** Every framing its provider sends it in (the first is the default). */
  framings: readonly Framing[];
  /** Line ending of canonical SSE splits (Gemini uses CRLF). */
  lineEnding: "\n" | "\r\n";
  /** The `data:` that ends a stream (chat's `[DONE]`), if the dialect has one. */
  terminator?: string;
  /**
   * How an AWS event-stream message holds an event: `base64-bytes` (Bedrock's
   * InvokeModelWithResponseStream: `{"bytes": base64 of the event, "p": padding}`)
   * or `json` (ConverseStream: the event itself, its type in `:event-type`).
   */
  awsPayload: "base64-bytes" | "json";
  /** A new merger of one stream (the dialect's `XMerger` class). */
  merger(hooks: CoreHooks): MergeCore<Merged>;
  splitEvents(merged: Merged, fragment: Fragmenter, extra: SplitExtra): DialectEvent[];
  normalize(merged: Merged, choice: number): NormalizedMessage;
  detection: DialectDetection;
  codegen: DialectCodegen;
  /**
   * The event to merge for a payload read from a body, given its type (an SSE
   * `event:` or AWS `:event-type`): the JSON itself, unless the type travels
   * beside it (ConverseStream: `{ [type]: json }`, as the AWS SDK gives events).
   * Default: the JSON.
   */
  payloadEvent?(json: unknown, type: string | undefined): unknown;
  /** The official client that accumulates these streams, if the provider has one. */
  officialClient?: OfficialClient;
  /** A whole answer of this text, as the provider returns it: what benchmarks and generators split into a stream. */
  example(text: string): Merged;
}
