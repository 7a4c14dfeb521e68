import type { DialectName, MergeResult } from "./dialect.js";
import { type Diagnostic, type DiagnosticCode, incompleteWith } from "./diagnostics.js";
import type { CodecEvent } from "./events.js";
import type { Tracer } from "./residual/trace.js";
import { copyJson, describeValue, isObject } from "./shared/data.js";
import { checkInheritedKeys } from "./shared/own-keys.js";

/** What a dialect's merge core is built with: listeners, both optional so that nobody pays for what nobody reads. */
export interface CoreHooks {
  emit?: (event: CodecEvent) => void;
  trace?: Tracer;
}

/**
 * The part every dialect's merger shares: reading JSON text, numbering
 * events, diagnostics, the provider's first error. A dialect implements
 * `apply` (one parsed event) and `build` (the merged object at the end).
 */
export abstract class MergeCore<Merged> {
  abstract readonly dialect: DialectName;
  protected readonly diagnostics: Diagnostic[] = [];
  protected readonly emit: ((event: CodecEvent) => void) | undefined;
  protected readonly trace: Tracer | undefined;
  /** The number of the event being merged. */
  protected event = -1;
  /** How many events were read: the number end-of-stream findings carry. */
  eventsRead = 0;
  protected error: unknown;
  /** The JSON text of the event being merged, when it came as text (`pushText`): what it was, byte for byte. */
  protected eventText: string | undefined;
  protected hasError = false;
  /** Whether the event being merged was parsed here (from its text): then it is ours to keep and change without a copy. */
  private owned = false;
  private finished: MergeResult<Merged> | undefined;

  constructor(hooks: CoreHooks = {}) {
    this.emit = hooks.emit;
    this.trace = hooks.trace;
    checkInheritedKeys();
  }

  /**
   * Merges an event's JSON text; text that is not JSON becomes an
   * `invalid-json` diagnostic. `name` is its SSE `event:` or AWS
   * `:event-type`; `where` says where it is, for messages (`line 7`).
   */
  pushText(text: string, event: number, name?: string, where?: string): void {
    this.begin(event);
    if (this.trace === undefined && this.mergeUnparsed(text, name)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      this.report("invalid-json", `event ${event}${where === undefined ? "" : ` (${where})`} is not JSON: ${(cause as Error).message}`, { data: text });
      return;
    }
    this.owned = true;
    this.eventText = text;
    this.merge(value, name);
  }

  /** Merges one parsed event; it is copied where the merge keeps or changes parts of it. */
  push(value: unknown, event: number, name?: string): void {
    this.owned = false;
    this.eventText = undefined;
    this.begin(event);
    this.merge(value, name);
  }

  /**
   * Merges an event's text without parsing it, when the dialect can tell from
   * the text alone what parsing it would give and what merging that would do
   * (an event like the one before but for its text); `false` leaves it to
   * parsing. Never called when tracing for a residual.
   */
  protected mergeUnparsed(_text: string, _name: string | undefined): boolean {
    return false;
  }

  private merge(value: unknown, name: string | undefined): void {
    if (!isObject(value)) {
      this.report("invalid-event", `expected an event object, found ${describeValue(value)}`, { data: value });
      return;
    }
    this.apply(value, name);
  }

  /** An error the framing carried (an AWS exception message): kept, reported, and the stream is not complete. */
  providerError(error: unknown, event: number): void {
    this.begin(event);
    this.recordError(error);
  }

  /** Records a finding about the event being merged (or, with `extra.event`, another). */
  report(code: DiagnosticCode, message: string, extra: Partial<Diagnostic> = {}): void {
    this.diagnostics.push({ code, message, event: this.event, ...extra });
  }

  finish(): MergeResult<Merged> {
    if (this.finished !== undefined) return this.finished;
    const { merged, complete, metadata } = this.build();
    // Never complete when any part of the stream is not in the merge, whatever the dialect's own end says.
    const lossless = !this.diagnostics.some((diagnostic) => incompleteWith.has(diagnostic.code));
    const result: MergeResult<Merged> = { dialect: this.dialect, merged, diagnostics: this.diagnostics, complete: complete && !this.hasError && lossless };
    if (this.hasError) result.error = this.error;
    if (metadata !== undefined) result.metadata = metadata;
    this.finished = result;
    return result;
  }

  /** A part of the current event to keep: itself when the event was parsed here, else a copy (the caller's object is never changed). */
  protected keep<T>(value: T): T {
    return this.owned ? value : copyJson(value);
  }

  protected abstract apply(value: Record<string, unknown>, name: string | undefined): void;

  protected abstract build(): { merged: Merged; complete: boolean; metadata?: Record<string, unknown> };

  protected recordError(error: unknown): void {
    if (!this.hasError) {
      this.hasError = true;
      this.error = error;
    }
    const message = isObject(error) && typeof error.message === "string" ? error.message : isObject(error) && isObject(error.error) && typeof error.error.message === "string" ? error.error.message : JSON.stringify(error);
    this.report("provider-error", `the provider sent an error: ${message}`, { data: error });
    this.emit?.({ type: "error", error, event: this.event, choice: 0 });
  }

  private begin(event: number): void {
    this.event = event;
    if (event + 1 > this.eventsRead) this.eventsRead = event + 1;
    this.trace?.begin(event);
  }
}
