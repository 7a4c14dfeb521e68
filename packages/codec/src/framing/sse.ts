import { createEventStreamParser, EventStreamError, eventLines, type ParsedEvent, parseEventStream } from "@tapedeck/sse";
import type { MergeCore } from "../core.js";
import type { DialectEvent } from "../dialect.js";
import type { ResidualTemplate } from "../residual/residual.js";
import { jsonSkeleton } from "../residual/skeleton.js";
import type { TemplatePiece } from "../residual/template.js";
import type { Tracer } from "../residual/trace.js";
import { type FramingDefinition, literalTextResidual, renderTextResidual, type StreamPayload, type Transport, textResidual } from "./framing.js";
import type { DialectSpec } from "../dialect-spec.js";

/** Reads SSE text into a dialect's merge core: one JSON `data:` per event, the terminator, framing errors as diagnostics. */
class SseTransport implements Transport {
  private readonly parser;
  private readonly events: ParsedEvent[] | undefined;
  private done = false;
  private broken = false;

  constructor(
    private readonly core: MergeCore<unknown>,
    private readonly spec: DialectSpec<unknown>,
    options: { maxLineLength?: number; keepEvents: boolean },
  ) {
    this.events = options.keepEvents ? [] : undefined;
    this.parser = createEventStreamParser({
      ...(options.maxLineLength === undefined ? {} : { maxLineLength: options.maxLineLength }),
      onEvent: (event) => this.onEvent(event),
    });
  }

  feed(text: string | Uint8Array): void {
    if (this.broken) return;
    try {
      this.parser.feed(text as string);
    } catch (error) {
      this.fail(error);
    }
  }

  end(): void {
    if (!this.broken) {
      try {
        this.parser.end();
      } catch (error) {
        this.fail(error);
      }
    }
    const terminator = this.spec.terminator;
    if (terminator !== undefined && !this.done && !this.broken) {
      this.core.report("missing-done", `the stream ended without data: ${terminator} (it may have been cut)`, { event: this.core.eventsRead });
    }
  }

  /** Whether the stream ended as the dialect ends one (its terminator, when it has one). */
  get terminated(): boolean {
    return this.spec.terminator === undefined || this.done;
  }

  /** The residual: each event's wire text around its JSON, the JSON as a skeleton over the merged object. */
  residual(merged: unknown, tracer: Tracer): ResidualTemplate {
    const body: TemplatePiece[] = [];
    for (const event of this.events ?? []) body.push(...eventPieces(event, tracer, merged));
    return textResidual("sse", this.spec.name, body);
  }

  /** The stream kept whole: exact, and as large as the stream. */
  literalResidual(body: string | Uint8Array): ResidualTemplate {
    return literalTextResidual("sse", this.spec.name, body);
  }

  private onEvent(event: ParsedEvent): void {
    this.events?.push(event);
    if (event.number === 0 && event.raw.charCodeAt(0) === 0xfeff) {
      this.core.report("byte-order-mark", "the stream starts with a byte-order mark; it was ignored, as the SSE specification says", { event: 0 });
    }
    const data = event.data;
    if (data === undefined) return;
    if (data === this.spec.terminator) {
      this.done = true;
      return;
    }
    if (this.done) {
      this.core.report("after-done", `event ${event.number} came after data: ${this.spec.terminator}; it was merged all the same`, { event: event.number });
    }
    this.core.pushText(data, event.number, event.event, `body line ${event.line}`);
  }

  private fail(error: unknown): void {
    if (!(error instanceof EventStreamError)) throw error;
    this.broken = true;
    this.core.report("invalid-framing", `the event stream broke at line ${error.line}: ${error.message}; nothing after it was read`, {
      event: this.core.eventsRead,
      data: { code: error.code, line: error.line },
    });
  }
}

function eventPieces(event: ParsedEvent, tracer: Tracer, merged: unknown): TemplatePiece[] {
  const { lines } = eventLines(event.raw);
  const dataLines = lines.filter((line) => line.name === "data");
  // Without exactly one data line there is no single JSON text to template: the event stays as it was.
  if (dataLines.length !== 1 || dataLines[0]!.value === null || event.data === undefined) return [event.raw];
  const line = dataLines[0]!;
  const value = line.value!;
  // Where the data line's value starts in the event's text: after the lines before it, its name, the colon and the space.
  let start = 0;
  for (const item of lines) {
    if (item === line) break;
    start += item.name.length + (item.value === null ? 0 : (item.space ? 2 : 1) + item.value.length) + item.end.length;
  }
  start += line.name.length + (line.space ? 2 : 1);
  return [event.raw.slice(0, start), ...jsonSkeleton(value, tracer.entries.get(event.number) ?? [], merged), event.raw.slice(start + value.length)];
}

/** Writes dialect events as SSE text in the dialect's canonical form. */
function frameSse(events: readonly DialectEvent[], spec: DialectSpec<unknown>): string {
  const end = spec.lineEnding;
  let text = "";
  for (const event of events) {
    if (event.type !== undefined) text += `event: ${event.type}${end}`;
    text += `data: ${event.data}${end}${end}`;
  }
  if (spec.terminator !== undefined) text += `data: ${spec.terminator}${end}${end}`;
  return text;
}

/** Every `data:` of an SSE body but the dialect's terminator (`[DONE]`), with its event number, name and line. */
function ssePayloads(body: string | Uint8Array): StreamPayload[] {
  const payloads: StreamPayload[] = [];
  let events: ParsedEvent[];
  try {
    events = parseEventStream(typeof body === "string" ? body : new TextDecoder("utf-8", { ignoreBOM: true }).decode(body));
  } catch {
    return payloads;
  }
  for (const event of events) {
    if (event.data === undefined || event.data === "[DONE]") continue;
    const payload: StreamPayload = { event: event.number, data: event.data, line: event.line };
    if (event.event !== undefined) payload.type = event.event;
    payloads.push(payload);
  }
  return payloads;
}

/** Server-sent events (`text/event-stream`): one JSON `data:` per event. */
export const sseFraming: FramingDefinition = {
  name: "sse",
  reads: "text",
  contentTypes: ["text/event-stream"],
  createTransport: (core, spec, options) => new SseTransport(core, spec, { ...(options.maxLineLength === undefined ? {} : { maxLineLength: options.maxLineLength }), keepEvents: options.keep }),
  frame: frameSse,
  render: renderTextResidual,
  payloads: ssePayloads,
};
