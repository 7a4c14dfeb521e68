import type { MergeCore } from "../core.js";
import type { DialectEvent } from "../dialect.js";
import type { ResidualTemplate } from "../residual/residual.js";
import { jsonSkeleton } from "../residual/skeleton.js";
import type { TemplatePiece } from "../residual/template.js";
import type { Tracer } from "../residual/trace.js";
import { type FramingDefinition, literalTextResidual, renderTextResidual, type StreamPayload, type Transport, textResidual } from "./framing.js";
import type { DialectSpec } from "../dialect-spec.js";

/** What the scanner is in the middle of. */
type Place = "before" | "between" | "element" | "after";

/** One stretch of the body: text between elements, or an element's JSON. */
type Stretch = { text: string } | { text: string; element: number };

/**
 * Cuts a JSON array of events (`[{...},\r\n{...}]`, as Gemini streams without
 * `alt=sse`) into its elements as the text arrives, in one pass: strings,
 * escapes and nesting tracked across pieces, each element handed on when it
 * closes. Linear in the body however it is cut.
 */
export class JsonArrayScanner {
  place: Place = "before";
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A number, `true`, `false` or `null` element: it ends at the next separator. */
  private bare = false;
  private readonly element: string[] = [];
  private elementLength = 0;
  private readonly between: string[] = [];
  private count = 0;
  private line = 1;
  private elementLine = 1;

  constructor(
    private readonly handlers: {
      element(text: string, number: number, line: number): void;
      between(text: string): void;
      broken(message: string): void;
    },
    private readonly maxElementLength = 64 * 2 ** 20,
  ) {}

  get elements(): number {
    return this.count;
  }

  feed(text: string): void {
    let start = 0;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === 10) this.line += 1;
      if (this.place === "element") {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (code === 92) this.escaped = true;
          else if (code === 34) this.inString = false;
          continue;
        }
        if (this.bare) {
          if (code === 44 || code === 93 || code === 32 || code === 9 || code === 10 || code === 13) {
            this.element.push(text.slice(start, index));
            this.closeElement();
            start = index;
            index -= 1;
            if (code === 10) this.line -= 1;
          }
          continue;
        }
        if (code === 34) this.inString = true;
        else if (code === 123 || code === 91) this.depth += 1;
        else if (code === 125 || code === 93) {
          this.depth -= 1;
          if (this.depth === 0) {
            this.element.push(text.slice(start, index + 1));
            this.closeElement();
            start = index + 1;
          }
        }
        continue;
      }
      // Outside elements: whitespace, the brackets, commas.
      if (code === 32 || code === 9 || code === 10 || code === 13 || (code === 0xfeff && this.place === "before" && index === 0)) continue;
      if (this.place === "before") {
        if (code === 91) {
          this.place = "between";
          continue;
        }
        this.break(`expected "[" to open the array, found ${JSON.stringify(text[index])}`, text.slice(start, index));
        return;
      }
      if (this.place === "after") {
        this.break(`text after the closing "]": ${JSON.stringify(text.slice(index, index + 20))}`, text.slice(start, index));
        return;
      }
      if (code === 44) continue;
      if (code === 93) {
        this.place = "after";
        continue;
      }
      // An element starts.
      this.between.push(text.slice(start, index));
      this.handlers.between(this.between.join(""));
      this.between.length = 0;
      start = index;
      this.place = "element";
      this.elementLine = this.line;
      this.depth = 0;
      this.bare = false;
      if (code === 34) this.inString = true;
      else if (code === 123 || code === 91) this.depth = 1;
      else this.bare = true;
    }
    if (this.place === "element") {
      this.element.push(text.slice(start));
      this.elementLength += text.length - start;
      if (this.elementLength > this.maxElementLength) this.break(`element ${this.count} is longer than ${this.maxElementLength} characters`, "");
    } else this.between.push(text.slice(start));
  }

  /** Ends the body: text after the last element is handed on; an array that never closed is reported. */
  end(): void {
    if (this.place === "element" && this.bare) {
      this.closeElement();
    }
    const rest = this.between.join("");
    if (rest !== "") this.handlers.between(rest);
    this.between.length = 0;
    if (this.place === "element") this.handlers.broken(`the body ended inside element ${this.count}: the array was cut`);
    else if (this.place === "before") this.handlers.broken("the body holds no JSON array");
  }

  private closeElement(): void {
    const text = this.element.join("");
    this.element.length = 0;
    this.elementLength = 0;
    this.place = "between";
    this.inString = false;
    this.escaped = false;
    this.bare = false;
    this.handlers.element(text, this.count, this.elementLine);
    this.count += 1;
  }

  private break(message: string, before: string): void {
    this.between.push(before);
    this.place = "after";
    this.handlers.broken(message);
  }
}

class JsonArrayTransport implements Transport {
  private readonly scanner: JsonArrayScanner;
  private readonly stretches: Stretch[] | undefined;
  private broken = false;
  private closed = false;

  constructor(
    private readonly core: MergeCore<unknown>,
    private readonly spec: DialectSpec<unknown>,
    options: { maxLineLength?: number; keep: boolean },
  ) {
    this.stretches = options.keep ? [] : undefined;
    this.scanner = new JsonArrayScanner(
      {
        element: (text, number, line) => {
          this.stretches?.push({ text, element: number });
          this.core.pushText(text, number, undefined, `body line ${line}`);
        },
        between: (text) => {
          this.stretches?.push({ text });
        },
        broken: (message) => {
          if (this.broken) return;
          this.broken = true;
          this.core.report("invalid-framing", `the JSON array broke: ${message}`, { event: this.scanner.elements });
        },
      },
      options.maxLineLength,
    );
  }

  feed(piece: string | Uint8Array): void {
    if (!this.broken) this.scanner.feed(piece as string);
  }

  end(): void {
    this.scanner.end();
    this.closed = this.scanner.place === "after" && !this.broken;
  }

  get terminated(): boolean {
    return this.closed;
  }

  residual(merged: unknown, tracer: Tracer): ResidualTemplate {
    const pieces: TemplatePiece[] = [];
    for (const stretch of this.stretches ?? []) {
      if ("element" in stretch) pieces.push(...jsonSkeleton(stretch.text, tracer.entries.get(stretch.element) ?? [], merged));
      else pieces.push(stretch.text);
    }
    return textResidual("json-array", this.spec.name, pieces);
  }

  literalResidual(body: string | Uint8Array): ResidualTemplate {
    return literalTextResidual("json-array", this.spec.name, body);
  }
}

/** Writes events as a JSON array, one element per line, as Google's servers lay it out (`[{...}\n,\r\n{...}\n]`). */
function frameJsonArray(events: readonly DialectEvent[]): string {
  return events.length === 0 ? "[]" : `[${events.map((event) => event.data).join("\n,\r\n")}\n]`;
}

function jsonArrayPayloads(body: string | Uint8Array): StreamPayload[] {
  const payloads: StreamPayload[] = [];
  const scanner = new JsonArrayScanner({
    element: (data, event, line) => payloads.push({ event, data, line }),
    between: () => undefined,
    broken: () => undefined,
  });
  scanner.feed(typeof body === "string" ? body : new TextDecoder("utf-8", { ignoreBOM: true }).decode(body));
  scanner.end();
  return payloads;
}

/** A JSON array of events, sent as it grows (`application/json`; Gemini's `streamGenerateContent` without `alt=sse`). */
export const jsonArrayFraming: FramingDefinition = {
  name: "json-array",
  reads: "text",
  contentTypes: ["application/json"],
  createTransport: (core, spec, options) => new JsonArrayTransport(core, spec, { ...(options.maxLineLength === undefined ? {} : { maxLineLength: options.maxLineLength }), keep: options.keep }),
  frame: frameJsonArray,
  render: renderTextResidual,
  payloads: jsonArrayPayloads,
};
