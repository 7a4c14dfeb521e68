import type { MergeCore } from "../core.js";
import type { DialectEvent, Framing } from "../dialect.js";
import type { ResidualTemplate } from "../residual/residual.js";
import { compact, type TemplatePiece, TemplateRenderer } from "../residual/template.js";
import type { Tracer } from "../residual/trace.js";
import { toBase64 } from "../shared/base64.js";
import type { DialectSpec } from "../dialect-spec.js";

/** One event's JSON text (or what stands in its place), with where it was. */
export interface StreamPayload {
  /** 0-based number of the event in the stream (SSE events, comments included; AWS messages; array elements; lines). */
  event: number;
  /** The SSE `event:` name or the AWS `:event-type`. */
  type?: string;
  /** The event's data, exactly as sent (for Bedrock's `{"bytes": ...}` payloads, the event inside). */
  data: string;
  /** 1-based line where the event starts, in a text body. */
  line?: number;
  /** Byte offset of the message in an AWS event stream. */
  offset?: number;
}

/** What a transport needs besides its core and dialect. */
export interface TransportOptions {
  /** Longest line (SSE, NDJSON) or element (JSON array) accepted, in characters. */
  maxLineLength?: number;
  /** Longest AWS event-stream payload accepted, in bytes. */
  maxPayloadLength?: number;
  /** Keep what the residual needs (each event's text). */
  keep: boolean;
}

/** Reads a stream's body into a dialect's merge core, piece by piece, and writes its residual. */
export interface Transport {
  feed(piece: string | Uint8Array): void;
  end(): void;
  /** Whether the stream ended as its framing ends one (a terminator, a closing bracket, a whole frame). */
  readonly terminated: boolean;
  /** The residual: each event's wire text around its JSON, the JSON as a skeleton over the merged object. */
  residual(merged: unknown, tracer: Tracer): ResidualTemplate;
  /** The stream kept whole: exact, and as large as the stream. */
  literalResidual(body: string | Uint8Array): ResidualTemplate;
}

/**
 * How events travel in a body: server-sent events, AWS's binary event stream,
 * a JSON array of events, or one JSON event per line. Any dialect can use any
 * framing its provider sends (Gemini as SSE or as a JSON array).
 */
export interface FramingDefinition {
  readonly name: Framing;
  /** Text framings get bytes decoded as UTF-8 first (what is not UTF-8 is reported); `bytes` framings read bytes. */
  readonly reads: "text" | "bytes";
  /** Content types (lower case, before any `;`) that say a body has this framing. */
  readonly contentTypes: readonly string[];
  createTransport(core: MergeCore<unknown>, spec: DialectSpec<unknown>, options: TransportOptions): Transport;
  /** Writes dialect events in the dialect's canonical form of this framing. */
  frame(events: readonly DialectEvent[], spec: DialectSpec<unknown>): string | Uint8Array;
  /** Writes a residual of this framing against a merged object. */
  render(residual: ResidualTemplate, merged: unknown): string | Uint8Array;
  /** Every event payload of a body, in order; never throws (a broken body gives the events before the break). */
  payloads(body: string | Uint8Array): StreamPayload[];
}

/** The residual of a text framing: the body as pieces. */
export function textResidual(framing: Framing, dialect: DialectSpec<unknown>["name"], pieces: TemplatePiece[]): ResidualTemplate {
  return { dialect, framing, body: compact(pieces) } as ResidualTemplate;
}

/** The body of a text framing kept whole. */
export function literalTextResidual(framing: Framing, dialect: DialectSpec<unknown>["name"], body: string | Uint8Array): ResidualTemplate {
  return { dialect, framing, body: [typeof body === "string" ? body : { bytes: toBase64(body) }] } as ResidualTemplate;
}

/** Writes a text framing's residual against a merged object. */
export function renderTextResidual(residual: ResidualTemplate, merged: unknown): string | Uint8Array {
  if (!("body" in residual)) throw new Error("not a text residual");
  const renderer = new TemplateRenderer(merged);
  const hasBytes = residual.body.some((piece) => typeof piece === "object" && "bytes" in piece);
  const out = hasBytes ? renderer.bytes(residual.body) : renderer.text(residual.body);
  renderer.finish();
  return out;
}

/** The 1-based line of a position in a text, counted incrementally. */
export class LineCounter {
  private line = 1;
  private counted = 0;

  /** The line of `position` in `text` (positions must not go backwards). */
  at(text: string, position: number): number {
    for (let index = this.counted; index < position; index += 1) {
      const code = text.charCodeAt(index);
      if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) this.line += 1;
    }
    this.counted = Math.max(this.counted, position);
    return this.line;
  }
}
