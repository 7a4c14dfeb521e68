import type { MergeCore } from "../core.js";
import type { DialectEvent } from "../dialect.js";
import type { ResidualTemplate } from "../residual/residual.js";
import { jsonSkeleton } from "../residual/skeleton.js";
import type { TemplatePiece } from "../residual/template.js";
import type { Tracer } from "../residual/trace.js";
import { type FramingDefinition, literalTextResidual, renderTextResidual, type StreamPayload, type Transport, textResidual } from "./framing.js";
import type { DialectSpec } from "../dialect-spec.js";

/** One line of the body: its text (without its end), its line end, and its event number when it holds one. */
interface Line {
  text: string;
  end: string;
  event?: number;
}

/**
 * Cuts newline-delimited JSON into lines as the text arrives (LF or CRLF, a
 * CRLF pair cut between pieces included). Linear however the body is cut.
 */
export class NdjsonScanner {
  private readonly pending: string[] = [];
  private pendingLength = 0;
  private carriageReturn = false;
  private count = 0;
  private line = 0;

  constructor(
    private readonly onLine: (line: Line, number: number) => void,
    private readonly onTooLong: (line: number) => void,
    private readonly maxLineLength = 64 * 2 ** 20,
  ) {}

  get lines(): number {
    return this.line;
  }

  feed(text: string): void {
    let start = 0;
    if (this.carriageReturn) {
      this.carriageReturn = false;
      if (text.startsWith("\n")) {
        this.emit("\r\n");
        start = 1;
      } else this.emit("\r");
    }
    for (;;) {
      const lineFeed = text.indexOf("\n", start);
      if (lineFeed < 0) break;
      const crlf = lineFeed > start && text.charCodeAt(lineFeed - 1) === 13;
      this.pending.push(text.slice(start, crlf ? lineFeed - 1 : lineFeed));
      this.emit(crlf ? "\r\n" : "\n");
      start = lineFeed + 1;
    }
    let rest = text.slice(start);
    if (rest.endsWith("\r")) {
      this.carriageReturn = true;
      rest = rest.slice(0, -1);
    }
    if (rest !== "") {
      this.pending.push(rest);
      this.pendingLength += rest.length;
      if (this.pendingLength > this.maxLineLength) this.onTooLong(this.line + 1);
    }
  }

  end(): void {
    if (this.carriageReturn) {
      this.carriageReturn = false;
      this.emit("\r");
    } else if (this.pending.length > 0) this.emit("");
  }

  private emit(end: string): void {
    const text = this.pending.join("");
    this.pending.length = 0;
    this.pendingLength = 0;
    this.line += 1;
    const line: Line = { text, end };
    if (text.trim() !== "") {
      line.event = this.count;
      this.count += 1;
    }
    this.onLine(line, this.line);
  }
}

class NdjsonTransport implements Transport {
  private readonly scanner: NdjsonScanner;
  private readonly lines: Line[] | undefined;
  private broken = false;

  constructor(
    private readonly core: MergeCore<unknown>,
    private readonly spec: DialectSpec<unknown>,
    options: { maxLineLength?: number; keep: boolean },
  ) {
    this.lines = options.keep ? [] : undefined;
    this.scanner = new NdjsonScanner(
      (line, number) => {
        this.lines?.push(line);
        if (line.event !== undefined) this.core.pushText(line.text, line.event, undefined, `body line ${number}`);
      },
      (line) => {
        this.broken = true;
        this.core.report("invalid-framing", `line ${line} is longer than the limit; nothing after it was read`, { event: this.core.eventsRead });
      },
      options.maxLineLength,
    );
  }

  feed(piece: string | Uint8Array): void {
    if (!this.broken) this.scanner.feed(piece as string);
  }

  end(): void {
    if (!this.broken) this.scanner.end();
  }

  get terminated(): boolean {
    return !this.broken;
  }

  residual(merged: unknown, tracer: Tracer): ResidualTemplate {
    const pieces: TemplatePiece[] = [];
    for (const line of this.lines ?? []) {
      if (line.event === undefined) pieces.push(line.text);
      else pieces.push(...jsonSkeleton(line.text, tracer.entries.get(line.event) ?? [], merged));
      pieces.push(line.end);
    }
    return textResidual("ndjson", this.spec.name, pieces);
  }

  literalResidual(body: string | Uint8Array): ResidualTemplate {
    return literalTextResidual("ndjson", this.spec.name, body);
  }
}

function ndjsonPayloads(body: string | Uint8Array): StreamPayload[] {
  const payloads: StreamPayload[] = [];
  const scanner = new NdjsonScanner(
    (line, number) => {
      if (line.event !== undefined) payloads.push({ event: line.event, data: line.text, line: number });
    },
    () => undefined,
  );
  scanner.feed(typeof body === "string" ? body : new TextDecoder("utf-8", { ignoreBOM: true }).decode(body));
  scanner.end();
  return payloads;
}

/** One JSON event per line (`application/x-ndjson`: Ollama; Cohere's v1 streams). */
export const ndjsonFraming: FramingDefinition = {
  name: "ndjson",
  reads: "text",
  contentTypes: ["application/x-ndjson", "application/stream+json", "application/jsonl"],
  createTransport: (core, spec, options) => new NdjsonTransport(core, spec, { ...(options.maxLineLength === undefined ? {} : { maxLineLength: options.maxLineLength }), keep: options.keep }),
  frame: (events: readonly DialectEvent[]) => events.map((event) => `${event.data}\n`).join(""),
  render: renderTextResidual,
  payloads: ndjsonPayloads,
};
