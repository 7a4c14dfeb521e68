import { type CoreHooks, MergeCore } from "../../core.js";
import { describeValue, isObject, type PlainObject, setOwn } from "../../shared/data.js";
import type { Response } from "./types.js";

/** Item types whose calls the codec reports as tool calls. */
const callTypes = new Set(["function_call", "custom_tool_call"]);

/** A text field being streamed: where it lives, and its fragments. */
interface TextField {
  target: PlainObject;
  key: string;
  parts: string[];
}

/**
 * Merges an OpenAI Responses stream into the `Response` a non-streaming call
 * returns (docs/dialects/openai-responses.md, "Merge"). The provider sends the whole object
 * itself in `response.completed` (or `.incomplete`, `.failed`): that is the
 * result. The stream is also rebuilt event by event (from `response.created`,
 * items from `output_item.added`, parts inserted, deltas appended, annotations
 * pushed, each item replaced at `output_item.done`) and compared with it;
 * where they disagree, an `inconsistent-stream` diagnostic says where
 * (`encrypted_content` is re-encrypted on every event and is not compared).
 * Without a final object, the rebuild is the result and it is not complete.
 */
export class OpenaiResponsesMerger extends MergeCore<Response> {
  readonly dialect = "openai-responses" as const;
  private rebuild: PlainObject | undefined;
  private readonly output: PlainObject[] = [];
  private final: PlainObject | undefined;
  private finalType: string | undefined;
  /** The text fields being streamed, by output index. */
  private readonly texts = new Map<number, TextField[]>();
  private readonly calls = new Map<number, number>();
  private expectedSequence = 0;

  constructor(hooks: CoreHooks = {}) {
    super(hooks);
  }

  protected apply(event: PlainObject, name: string | undefined): void {
    const type = event.type;
    if (name !== undefined && name !== type) {
      this.report("event-type-mismatch", `the SSE event is named "${name}" but its data has type ${describeValue(type)}`, { data: event });
    }
    const sequence = event.sequence_number;
    if (typeof sequence === "number") {
      if (sequence !== this.expectedSequence) this.report("out-of-order", `sequence_number ${sequence} where ${this.expectedSequence} was next`, { data: sequence });
      this.expectedSequence = sequence + 1;
    }
    if (typeof type !== "string") {
      this.report("invalid-event", `an event needs a type string, found ${describeValue(type)}`, { data: event });
      return;
    }
    // Deltas first: nearly every event is one.
    switch (type) {
      case "response.output_text.delta":
        this.delta(event, "content", "content_index", "text", "text-delta");
        return;
      case "response.function_call_arguments.delta":
      case "response.custom_tool_call_input.delta":
        this.argumentsDelta(event, type.startsWith("response.function") ? "arguments" : "input");
        return;
      case "response.reasoning_summary_text.delta":
        this.delta(event, "summary", "summary_index", "text", "reasoning-delta");
        return;
      case "response.created":
      case "response.in_progress":
      case "response.queued":
        this.started(event);
        return;
      case "response.completed":
      case "response.incomplete":
      case "response.failed":
        this.ended(event, type);
        return;
      case "response.output_item.added":
        this.itemAdded(event);
        return;
      case "response.output_item.done":
        this.itemDone(event);
        return;
      case "response.content_part.added":
      case "response.content_part.done":
        this.part(event, "content", "content_index", type.endsWith(".added"));
        return;
      case "response.reasoning_summary_part.added":
      case "response.reasoning_summary_part.done":
        this.part(event, "summary", "summary_index", type.endsWith(".added"));
        return;
      case "response.refusal.delta":
        this.delta(event, "content", "content_index", "refusal", "refusal-delta");
        return;
      case "response.reasoning_text.delta":
        this.delta(event, "content", "content_index", "text", "reasoning-delta");
        return;
      case "response.output_text.done":
      case "response.reasoning_text.done":
        this.textDone(event, "content", "content_index", "text");
        return;
      case "response.refusal.done":
        this.textDone(event, "content", "content_index", "refusal");
        return;
      case "response.reasoning_summary_text.done":
        this.textDone(event, "summary", "summary_index", "text");
        return;
      case "response.function_call_arguments.done":
      case "response.custom_tool_call_input.done":
        this.argumentsDone(event, type.startsWith("response.function") ? "arguments" : "input");
        return;
      case "response.output_text.annotation.added":
        this.annotation(event);
        return;
      case "error":
        this.recordError(isObject(event.error) ? event.error : event);
        return;
      default:
        // Progress events of tools (web_search_call.searching, ...) carry nothing the object lacks.
        if (/^response\.[a-z_]+_call\.[a-z_]+$/.test(type)) {
          this.traceItemId(event);
          return;
        }
        this.report("unknown-event", `an event of type "${type}" that tapedeck does not know; it was left out of the rebuild`, { data: event });
    }
  }

  private started(event: PlainObject): void {
    if (!isObject(event.response)) {
      this.invalid(event, "response");
      return;
    }
    if (this.rebuild === undefined) this.rebuild = this.keep(event.response);
    this.trace?.value(["response"], []);
  }

  private ended(event: PlainObject, type: string): void {
    if (!isObject(event.response)) {
      this.invalid(event, "response");
      return;
    }
    if (this.final !== undefined) this.report("out-of-order", `${type} after ${this.finalType}; the first final object is kept`, { data: event });
    else {
      this.final = event.response;
      this.finalType = type;
    }
    this.trace?.value(["response"], []);
    const response = event.response;
    if (type === "response.failed") this.recordError(isObject(response.error) ? response.error : response);
    if (isObject(response.usage)) this.emit?.({ type: "usage", usage: response.usage, event: this.event, choice: 0 });
    const reason = type === "response.incomplete" && isObject(response.incomplete_details) ? response.incomplete_details.reason : response.status;
    if (typeof reason === "string") this.emit?.({ type: "finish", finishReason: reason, event: this.event, choice: 0 });
  }

  private itemAdded(event: PlainObject): void {
    const index = this.outputIndex(event);
    if (index === undefined || !isObject(event.item)) {
      this.invalid(event, "item");
      return;
    }
    const item = this.keep(event.item);
    this.output[index] = item;
    this.trace?.value(["item"], ["output", index]);
    if (typeof item.type === "string" && callTypes.has(item.type)) {
      const position = this.calls.size;
      this.calls.set(index, position);
      this.emit?.({ type: "tool-call-start", toolCall: position, id: asString(item.call_id), name: asString(item.name), event: this.event, choice: 0 });
    }
  }

  private itemDone(event: PlainObject): void {
    const index = this.outputIndex(event);
    if (index === undefined || !isObject(event.item)) {
      this.invalid(event, "item");
      return;
    }
    this.flushItem(index);
    this.output[index] = this.keep(event.item);
    this.trace?.value(["item"], ["output", index]);
  }

  private part(event: PlainObject, list: "content" | "summary", indexKey: string, added: boolean): void {
    const item = this.item(event);
    const at = event[indexKey];
    if (item === undefined) return;
    if (!isIndex(at) || !isObject(event.part)) {
      this.invalid(event, `${indexKey} and part`);
      return;
    }
    const parts = Array.isArray(item[list]) ? (item[list] as unknown[]) : [];
    setOwn(item, list, parts);
    if (!added && isObject(parts[at])) this.stopStreaming(this.outputIndex(event)!, parts[at] as PlainObject);
    parts[at] = this.keep(event.part);
    this.trace?.value(["part"], ["output", this.outputIndex(event)!, list, at]);
    this.traceItemId(event);
  }

  private delta(event: PlainObject, list: "content" | "summary", indexKey: string, field: string, kind: "text-delta" | "reasoning-delta" | "refusal-delta"): void {
    const item = this.item(event);
    const at = event[indexKey];
    if (item === undefined) return;
    if (!isIndex(at) || typeof event.delta !== "string") {
      this.invalid(event, `${indexKey} and delta`);
      return;
    }
    const parts = item[list];
    const part = Array.isArray(parts) ? parts[at] : undefined;
    if (!isObject(part)) {
      this.report("out-of-order", `a delta for ${list}[${at}] of output ${this.outputIndex(event)}, a part that was never added`, { data: event });
      return;
    }
    const index = this.outputIndex(event)!;
    this.text(index, part, field).parts.push(event.delta);
    this.trace?.slice(["delta"], ["output", index, list, at, field]);
    this.traceItemId(event);
    if (event.delta !== "") this.emit?.({ type: kind, delta: event.delta, event: this.event, choice: 0 });
  }

  private textDone(event: PlainObject, list: "content" | "summary", indexKey: string, field: string): void {
    const item = this.item(event);
    const at = event[indexKey];
    if (item === undefined) return;
    const index = this.outputIndex(event)!;
    const part = isIndex(at) && Array.isArray(item[list]) ? (item[list] as unknown[])[at] : undefined;
    if (!isIndex(at) || !isObject(part) || typeof event[field] !== "string") {
      this.invalid(event, `${indexKey} and ${field}`);
      return;
    }
    this.stopStreaming(index, part, field);
    setOwn(part, field, event[field]);
    this.trace?.value([field], ["output", index, list, at, field]);
    this.traceItemId(event);
  }

  private argumentsDelta(event: PlainObject, field: string): void {
    const index = isIndex(event.output_index) ? event.output_index : -1;
    const item = this.output[index];
    if (item === undefined || typeof event.delta !== "string") {
      this.item(event);
      if (item !== undefined) this.invalid(event, "delta");
      return;
    }
    this.text(index, item, field).parts.push(event.delta);
    this.trace?.slice(["delta"], ["output", index, field]);
    this.traceItemId(event);
    const position = this.calls.get(index);
    if (position !== undefined && event.delta !== "") this.emit?.({ type: "tool-call-delta", toolCall: position, argumentsDelta: event.delta, event: this.event, choice: 0 });
  }

  private argumentsDone(event: PlainObject, field: string): void {
    const item = this.item(event);
    if (item === undefined) return;
    if (typeof event[field] !== "string") {
      this.invalid(event, field);
      return;
    }
    const index = this.outputIndex(event)!;
    this.stopStreaming(index, item, field);
    setOwn(item, field, event[field]);
    this.trace?.value([field], ["output", index, field]);
    this.traceItemId(event);
    const position = this.calls.get(index);
    if (position !== undefined) {
      this.emit?.({ type: "tool-call-end", toolCall: position, id: asString(item.call_id), name: asString(item.name), arguments: event[field] as string, event: this.event, choice: 0 });
    }
  }

  private annotation(event: PlainObject): void {
    const item = this.item(event);
    const at = event.content_index;
    if (item === undefined) return;
    const part = isIndex(at) && Array.isArray(item.content) ? item.content[at] : undefined;
    if (!isIndex(at) || !isObject(part) || !isIndex(event.annotation_index)) {
      this.invalid(event, "content_index and annotation_index");
      return;
    }
    const annotations = Array.isArray(part.annotations) ? part.annotations : [];
    setOwn(part, "annotations", annotations);
    annotations[event.annotation_index] = this.keep(event.annotation);
    this.trace?.value(["annotation"], ["output", this.outputIndex(event)!, "content", at, "annotations", event.annotation_index]);
    this.traceItemId(event);
  }

  /** Writes an item's streamed text into it (before it is replaced or the stream ends). */
  private flushItem(index: number): void {
    for (const field of this.texts.get(index) ?? []) setOwn(field.target, field.key, field.parts.join(""));
    this.texts.delete(index);
  }

  /** The streamed text field `key` of `target` (in output `index`). */
  private text(index: number, target: PlainObject, key: string): TextField {
    let fields = this.texts.get(index);
    if (fields === undefined) {
      fields = [];
      this.texts.set(index, fields);
    }
    for (const field of fields) if (field.target === target && field.key === key) return field;
    const field = { target, key, parts: [typeof target[key] === "string" ? (target[key] as string) : ""] };
    fields.push(field);
    return field;
  }

  /** Forgets the streamed fields of `target` (all, or `key`): a `.done` event has set them whole. */
  private stopStreaming(index: number, target: PlainObject, key?: string): void {
    const fields = this.texts.get(index);
    if (fields === undefined) return;
    const kept = fields.filter((field) => field.target !== target || (key !== undefined && field.key !== key));
    if (kept.length > 0) this.texts.set(index, kept);
    else this.texts.delete(index);
  }

  private item(event: PlainObject): PlainObject | undefined {
    const index = this.outputIndex(event);
    if (index === undefined) {
      this.invalid(event, "output_index");
      return undefined;
    }
    const item = this.output[index];
    if (item === undefined) this.report("out-of-order", `an event for output ${index}, an item that was never added`, { data: event });
    return item;
  }

  private outputIndex(event: PlainObject): number | undefined {
    return isIndex(event.output_index) ? event.output_index : undefined;
  }

  private traceItemId(event: PlainObject): void {
    const index = this.outputIndex(event);
    if (index !== undefined) this.trace?.value(["item_id"], ["output", index, "id"]);
  }

  private invalid(event: PlainObject, what: string): void {
    this.report("invalid-event", `${String(event.type)} lacks a valid ${what}`, { data: event });
  }

  protected build() {
    const end = this.eventsRead;
    for (let index = 0; index < this.output.length; index += 1) this.flushItem(index);
    const rebuilt: PlainObject = this.rebuild ?? { object: "response", status: "in_progress", output: [] };
    setOwn(rebuilt, "output", this.output.filter((item) => item !== undefined));
    if (this.final === undefined) {
      if (!this.hasError) this.report(this.eventsRead === 0 ? "empty-stream" : "incomplete-stream", "the stream ended without response.completed (it may have been cut)", { event: end });
      return { merged: rebuilt as Response, complete: false };
    }
    const difference = firstDifference(rebuilt.output, this.final.output, "output");
    if (difference !== undefined) {
      this.report("inconsistent-stream", `the events add up to a different ${difference} than ${this.finalType} holds; the final object is kept`, { event: end });
    }
    return { merged: this.final as Response, complete: this.finalType === "response.completed" && this.final.status === "completed" };
  }
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The path of the first difference between two JSON values, `encrypted_content` aside. */
function firstDifference(left: unknown, right: unknown, path: string): string | undefined {
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return `${path}.length`;
    for (let index = 0; index < left.length; index += 1) {
      const found = firstDifference(left[index], right[index], `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isObject(left) && isObject(right)) {
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (key === "encrypted_content") continue;
      const found = firstDifference(left[key], right[key], `${path}.${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(left, right) ? undefined : path;
}
