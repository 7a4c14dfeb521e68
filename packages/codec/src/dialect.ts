import type { DialectCodegen, DialectDetection, OfficialClient } from "./dialect-spec.js";
import type { Diagnostic } from "./diagnostics.js";
import type { CodecEvent } from "./events.js";
import type { Fragmenter } from "./shared/fragment.js";
import type { NormalizedMessage } from "./normalized.js";
import type { Residual } from "./residual/residual.js";

/** The stream dialects the codec merges and splits, one folder (and subpath export) each. */
export type DialectName = "openai-completions" | "openai-chat" | "openai-responses" | "anthropic" | "gemini" | "bedrock-converse" | "ollama" | "cohere";

/**
 * How a stream's events travel: server-sent events (`text/event-stream`),
 * AWS's binary event stream (`application/vnd.amazon.eventstream`, Bedrock),
 * a JSON array of events sent as it grows (Gemini without `alt=sse`), or one
 * JSON event per line (`application/x-ndjson`: Ollama, Cohere's v1 API).
 */
export type Framing = "sse" | "aws-event-stream" | "json-array" | "ndjson";

/** The outcome of a merge: the provider's own whole object, and what was odd on the way. */
export interface MergeResult<Merged> {
  dialect: DialectName;
  /** The provider's own non-streaming object (ChatCompletion, Message, Response, GenerateContentResponse...). */
  merged: Merged;
  diagnostics: Diagnostic[];
  /**
   * Whether the stream ended the way its dialect ends a whole answer (`[DONE]`,
   * `message_stop`, `response.completed`, a finish reason...) with no error.
   * A partial message is never reported complete.
   */
  complete: boolean;
  /** The first error the provider sent, as it sent it; a later event never hides it. */
  error?: unknown;
  /** What the stream held that the merged object has no place for (Bedrock's invocation metrics). */
  metadata?: Record<string, unknown>;
  /** With `residual: true`: what `split` needs, besides `merged`, to write the stream byte for byte. */
  residual?: Residual;
}

/** Options of `merge`, `mergeEvents` and `createStreamMerger`. */
export interface MergeOptions {
  /**
   * How the stream's events travel. Default: for a whole body given to `merge`, the one of the dialect's
   * framings it starts like (AWS event-stream frames; a JSON array for Gemini), else the dialect's own
   * (see `Dialect.framing`); for a stream read in pieces, the dialect's own.
   */
  framing?: Framing;
  /** Also return the residual, for `split(merged, { residual })` to give back the very bytes. Default `false`. */
  residual?: boolean;
  /** Called with each codec event as it happens. */
  onEvent?: (event: CodecEvent) => void;
  /** Longest SSE line accepted, in characters (default 64 MiB); a longer one ends the merge with `invalid-framing`. */
  maxLineLength?: number;
  /** Longest AWS event-stream payload accepted, in bytes (default 24 MiB). */
  maxPayloadLength?: number;
}

/** Options of `split` and `splitEvents`. */
export interface SplitOptions {
  /** How to frame the events; default: the dialect's own. */
  framing?: Framing;
  /** A residual from `merge(..., { residual: true })`: the stream comes back byte for byte. */
  residual?: Residual;
  /** How text and arguments are cut into deltas: characters per delta, or a function. Default 8. */
  fragment?: Fragmenter;
}

/** One event of a dialect, ready to frame: its type (SSE `event:`, AWS `:event-type`) and JSON text. */
export interface DialectEvent {
  type?: string;
  data: string;
}

/** An incremental merger of already-read events. */
export interface Merger<Merged> {
  /** Merges one event (its parsed JSON, or its JSON text) and returns the codec events it caused. */
  push(event: unknown): CodecEvent[];
  /** Ends the stream and returns the merge; open tool calls end here (their events go to `onEvent`). */
  finish(): MergeResult<Merged>;
}

/** An incremental merger of a stream's bytes or text, arriving in pieces cut anywhere. */
export interface StreamMerger<Merged> {
  feed(piece: string | Uint8Array): void;
  finish(): MergeResult<Merged>;
}

/**
 * One stream dialect: how its streams merge into the provider's own object,
 * split back into a stream, and read as a {@link NormalizedMessage}. Every
 * dialect has the same methods, so code written for one works for all.
 *
 * @example
 * ```ts
 * import { anthropic } from "@tapedeck/codec/anthropic";
 * const { merged, residual } = anthropic.merge(body, { residual: true });
 * anthropic.split(merged, { residual }) === body; // true
 * anthropic.normalize(merged).text;
 * ```
 */
export interface Dialect<Merged, Body extends string | Uint8Array = string, SplitExtra extends object = object> {
  readonly name: DialectName;
  /** The framing its streams use unless told otherwise. */
  readonly framing: Framing;
  /** Every framing its provider sends it in. */
  readonly framings: readonly Framing[];
  /** How its streams are told apart from others' (see `detectDialect`). */
  readonly detection: DialectDetection;
  /** How its events are grouped and named in generated types. */
  readonly codegen: DialectCodegen;
  /** The provider's own client that accumulates these streams, which the differential tests compare with. */
  readonly officialClient: OfficialClient | undefined;
  /**
   * The event `mergeEvents` takes for a payload read from a body (see
   * `streamPayloads`): its JSON, or with the type that traveled beside it
   * (ConverseStream's `:event-type`) put back in, as the provider's SDK gives it.
   */
  payloadEvent(json: unknown, type: string | undefined): unknown;
  /** A whole answer of this text, as the provider returns it (for benchmarks and stream generators: `split(example(text))`). */
  example(text: string): Merged;
  /** Merges a whole body (text or bytes), or one arriving in pieces (then a promise). Never throws for what the stream holds. */
  merge(body: string | Uint8Array, options?: MergeOptions): MergeResult<Merged>;
  merge(body: AsyncIterable<string | Uint8Array>, options?: MergeOptions): Promise<MergeResult<Merged>>;
  /** Merges events already read (parsed JSON or JSON text), an iterable or an async iterable. */
  mergeEvents(events: Iterable<unknown>, options?: Pick<MergeOptions, "onEvent">): MergeResult<Merged>;
  mergeEvents(events: AsyncIterable<unknown>, options?: Pick<MergeOptions, "onEvent">): Promise<MergeResult<Merged>>;
  createMerger(options?: Pick<MergeOptions, "onEvent">): Merger<Merged>;
  createStreamMerger(options?: MergeOptions): StreamMerger<Merged>;
  /** Writes the merged object as a stream: canonical, or byte for byte what was merged when given its residual. */
  split(merged: Merged, options?: SplitOptions & SplitExtra & { framing?: undefined; residual?: undefined }): Body;
  split(merged: Merged, options: SplitOptions & SplitExtra & { framing: "sse" }): string;
  split(merged: Merged, options: SplitOptions & SplitExtra & { framing: "aws-event-stream" }): Uint8Array;
  split(merged: Merged, options: SplitOptions & SplitExtra): string | Uint8Array;
  /** The dialect events `split` frames (canonical form), for tests that want objects. */
  splitEvents(merged: Merged, options?: Pick<SplitOptions, "fragment"> & SplitExtra): DialectEvent[];
  /** The merged object read the same way for every dialect. */
  normalize(merged: Merged, options?: { choice?: number }): NormalizedMessage;
}
