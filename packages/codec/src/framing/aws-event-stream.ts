import {
  AwsEventStreamError,
  concatBytes,
  crc32,
  createAwsEventStreamParser,
  decodeUtf8,
  headerValue,
  type ParsedAwsEventStreamMessage,
  serializeAwsEventStream,
} from "@tapedeck/aws-event-stream";
import type { MergeCore } from "../core.js";
import { CodecError } from "../errors.js";
import type { DialectEvent } from "../dialect.js";
import type { ResidualTemplate } from "../residual/residual.js";
import { jsonSkeleton, type LeafOverride } from "../residual/skeleton.js";
import { type TemplatePiece, TemplateRenderer } from "../residual/template.js";
import { base64Text, fromBase64, toBase64 } from "../shared/base64.js";
import type { Tracer } from "../residual/trace.js";
import { isObject } from "../shared/data.js";
import type { FramingDefinition, StreamPayload, Transport } from "./framing.js";
import type { DialectSpec } from "../dialect-spec.js";

const encoder = new TextEncoder();

/** Reads an AWS event stream (Bedrock) into a dialect's merge core: events, exceptions and errors, framing errors as diagnostics. */
class AwsEventStreamTransport implements Transport {
  private readonly parser;
  private readonly messages: ParsedAwsEventStreamMessage[] | undefined;
  private broken = false;

  constructor(
    private readonly core: MergeCore<unknown>,
    private readonly spec: DialectSpec<unknown>,
    options: { maxPayloadLength?: number; keepMessages: boolean },
  ) {
    this.messages = options.keepMessages ? [] : undefined;
    this.parser = createAwsEventStreamParser({
      ...(options.maxPayloadLength === undefined ? {} : { maxPayloadLength: options.maxPayloadLength }),
      onMessage: (message) => this.onMessage(message),
    });
  }

  feed(piece: string | Uint8Array): void {
    if (this.broken) return;
    try {
      // A body go-vcr stored as text was valid UTF-8: encoding it gives the bytes back exactly.
      this.parser.feed(typeof piece === "string" ? encoder.encode(piece) : piece);
    } catch (error) {
      this.fail(error);
    }
  }

  end(): void {
    if (this.broken) return;
    try {
      this.parser.end();
    } catch (error) {
      this.fail(error);
    }
  }

  get terminated(): boolean {
    return !this.broken;
  }

  residual(merged: unknown, tracer: Tracer): ResidualTemplate {
    const messages = (this.messages ?? []).map((message) => ({
      headers: toBase64(message.headerBytes),
      payload: this.payloadPieces(message, tracer, merged),
    }));
    return { dialect: this.spec.name, framing: "aws-event-stream", messages };
  }

  /** Every message kept whole: exact, and as large as the stream. */
  literalResidual(): ResidualTemplate {
    const messages = (this.messages ?? []).map((message) => ({ headers: toBase64(message.headerBytes), payload: [{ bytes: toBase64(message.payload) }] }));
    return { dialect: this.spec.name, framing: "aws-event-stream", messages };
  }

  private onMessage(message: ParsedAwsEventStreamMessage): void {
    this.messages?.push(message);
    const number = message.number;
    const type = headerValue(message, ":message-type");
    let text = decodeUtf8(message.payload);
    if (text === undefined) {
      text = new TextDecoder().decode(message.payload);
      this.core.report("invalid-utf8", `the payload of message ${number} is not valid UTF-8`, { event: number });
    }
    if (type === "exception") {
      const payload = parseObject(text);
      this.core.providerError({ exceptionType: headerValue(message, ":exception-type"), ...(payload ?? { payload: text }) }, number);
      return;
    }
    if (type === "error") {
      this.core.providerError({ errorCode: headerValue(message, ":error-code"), message: headerValue(message, ":error-message") }, number);
      return;
    }
    const eventType = headerValue(message, ":event-type");
    const name = typeof eventType === "string" ? eventType : undefined;
    if (!this.wrapped(text)) {
      this.core.pushText(text, number, name);
      return;
    }
    const inner = innerEvent(text);
    if (typeof inner === "string") this.core.pushText(inner, number);
    else {
      this.core.report("invalid-event", `message ${number} holds no base64 "bytes" event: ${inner.why}`, { event: number, data: text });
    }
  }

  private payloadPieces(message: ParsedAwsEventStreamMessage, tracer: Tracer, merged: unknown): TemplatePiece[] {
    const text = decodeUtf8(message.payload);
    if (text === undefined) return [{ bytes: toBase64(message.payload) }];
    const entries = tracer.entries.get(message.number) ?? [];
    if (!this.wrapped(text) || headerValue(message, ":message-type") !== "event") return jsonSkeleton(text, entries, merged);
    const override: LeafOverride = (path, token) => {
      if (path.length !== 1 || path[0] !== "bytes") return undefined;
      const inner = innerEvent(`{"bytes":${token}}`);
      if (typeof inner !== "string" || JSON.stringify(toBase64(encoder.encode(inner))) !== token) return undefined;
      return ['"', { base64: jsonSkeleton(inner, entries, merged) }, '"'];
    };
    return jsonSkeleton(text, [], merged, override);
  }

  /**
   * Whether a payload wraps its event in `{"bytes": base64}`: always for a dialect whose events come so
   * (Anthropic on Bedrock's invoke API); for one whose events are the payload (ConverseStream), when the
   * payload is Bedrock's usual wrapper (Nova's events on the invoke API are Converse events, wrapped).
   */
  private wrapped(text: string): boolean {
    return this.spec.awsPayload === "base64-bytes" || usualPayload.test(text);
  }

  private fail(error: unknown): void {
    if (!(error instanceof AwsEventStreamError)) throw error;
    this.broken = true;
    this.core.report("invalid-framing", `the AWS event stream broke: ${error.message}; nothing after it was read`, {
      event: error.messageNumber,
      data: { code: error.code, offset: error.offset },
    });
  }
}

/** Bedrock's payload as it always comes: `{"bytes":"…","p":"…"}` (base64 and padding need no escapes). */
const usualPayload = /^\{"bytes":"([A-Za-z0-9+/=]*)"(?:,"p":"[A-Za-z0-9]*")?\}$/;

/** The event inside a Bedrock payload (`{"bytes": base64}`), or why there is none. */
export function innerEvent(text: string): string | { why: string } {
  let encoded = usualPayload.exec(text)?.[1];
  if (encoded === undefined) {
    const payload = parseObject(text);
    if (payload === undefined) return { why: "the payload is not a JSON object" };
    if (typeof payload.bytes !== "string") return { why: "no bytes string" };
    encoded = payload.bytes;
  }
  return base64Text(encoded) ?? { why: "bytes is not padded base64 of UTF-8 text" };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The padding Bedrock adds to payloads: a prefix of this alphabet. */
const paddingAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Writes dialect events as AWS event-stream messages, as Bedrock frames them. */
function frameAwsEventStream(events: readonly DialectEvent[], spec: DialectSpec<unknown>): Uint8Array {
  return serializeAwsEventStream(
    events.map((event, index) => {
      const base64 = spec.awsPayload === "base64-bytes";
      const payload = base64
        ? `{"bytes":${JSON.stringify(toBase64(encoder.encode(event.data)))},"p":${JSON.stringify(paddingAlphabet.slice(0, 2 + ((index * 17) % 60)))}}`
        : event.data;
      return {
        headers: [
          { name: ":event-type", type: "string" as const, value: base64 ? "chunk" : (event.type ?? "chunk") },
          { name: ":content-type", type: "string" as const, value: "application/json" },
          { name: ":message-type", type: "string" as const, value: "event" },
        ],
        payload: encoder.encode(payload),
      };
    }),
  );
}

/** Writes an AWS event-stream residual against a merged object: payloads from their templates, lengths and CRCs computed. */
function renderAwsEventStream(residual: ResidualTemplate, merged: unknown): Uint8Array {
  if (!("messages" in residual)) throw new CodecError("residual-mismatch", "not an AWS event-stream residual");
  const renderer = new TemplateRenderer(merged);
  const frames = residual.messages.map((message) => {
    const headers = fromBase64(message.headers);
    if (headers === undefined) throw new CodecError("residual-mismatch", "a header block that is not base64");
    const payload = renderer.bytes(message.payload);
    const total = 16 + headers.length + payload.length;
    const frame = new Uint8Array(total);
    const view = new DataView(frame.buffer);
    view.setUint32(0, total);
    view.setUint32(4, headers.length);
    view.setUint32(8, crc32(frame, 0, 8));
    frame.set(headers, 12);
    frame.set(payload, 12 + headers.length);
    view.setUint32(total - 4, crc32(frame, 0, total - 4));
    return frame;
  });
  renderer.finish();
  return concatBytes(frames);
}

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Each message's payload (for Bedrock's `{"bytes": base64}` payloads, the event inside), with its number, `:event-type` and offset. */
function awsPayloads(body: string | Uint8Array): StreamPayload[] {
  const payloads: StreamPayload[] = [];
  const parser = createAwsEventStreamParser({
    onMessage(message) {
      const type = headerValue(message, ":event-type");
      const text = utf8.decode(message.payload);
      const inner = innerEvent(text);
      const payload: StreamPayload = { event: message.number, data: typeof inner === "string" ? inner : text, offset: message.offset };
      if (typeof type === "string") payload.type = type;
      payloads.push(payload);
    },
  });
  try {
    parser.feed(typeof body === "string" ? encoder.encode(body) : body);
    parser.end();
  } catch {
    // The messages before the break are kept.
  }
  return payloads;
}

/** AWS's binary event stream (`application/vnd.amazon.eventstream`): Bedrock's framing, CRCs checked. */
export const awsEventStreamFraming: FramingDefinition = {
  name: "aws-event-stream",
  reads: "bytes",
  contentTypes: ["application/vnd.amazon.eventstream"],
  createTransport: (core, spec, options) =>
    new AwsEventStreamTransport(core, spec, { ...(options.maxPayloadLength === undefined ? {} : { maxPayloadLength: options.maxPayloadLength }), keepMessages: options.keep }),
  frame: frameAwsEventStream,
  render: renderAwsEventStream,
  payloads: awsPayloads,
};
