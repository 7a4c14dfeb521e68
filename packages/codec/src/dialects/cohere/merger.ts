import { type CoreHooks, MergeCore } from "../../core.js";
import { describeValue, isObject, type PlainObject, setOwn } from "../../shared/data.js";
import type { CohereChatResponse } from "./types.js";

/** An item being assembled (a content item, a tool call, a citation): the object, and its string fields' fragments. */
class ItemState {
  position = -1;
  readonly fragments = new Map<string, string[]>();

  constructor(
    readonly index: number,
    readonly item: PlainObject,
  ) {}

  append(field: string, text: string): void {
    const list = this.fragments.get(field);
    if (list === undefined) this.fragments.set(field, [typeof this.item[field] === "string" ? (this.item[field] as string) : "", text]);
    else list.push(text);
  }

  finish(): PlainObject {
    for (const [field, list] of this.fragments) setOwn(this.item, field, list.join(""));
    return this.item;
  }
}

/** Where each kind of item lives in a message (a content item's `text` and `thinking` stream in fragments). */
const lists = {
  content: { field: "content" },
  "tool-call": { field: "tool_calls" },
  citation: { field: "citations" },
} as const;

/**
 * Merges Cohere's v2 chat stream into the response a non-streaming call
 * returns: `message-start` gives the id and the message, `content-start`,
 * `tool-call-start` and `citation-start` place an item at its `index`, deltas
 * append `text`, `thinking`, a call's `function.arguments` and the
 * `tool_plan`; `message-end` gives the finish reason and usage.
 */
export class CohereMerger extends MergeCore<CohereChatResponse> {
  readonly dialect = "cohere" as const;
  private readonly top: PlainObject = { id: "", finish_reason: null, message: {} };
  private readonly items = { content: new Map<number, ItemState>(), "tool-call": new Map<number, ItemState>(), citation: new Map<number, ItemState>() };
  private readonly toolPlan: string[] = [];
  private ended = false;

  constructor(hooks: CoreHooks = {}) {
    super(hooks);
  }

  private get message(): PlainObject {
    return this.top.message as PlainObject;
  }

  protected apply(event: PlainObject, name: string | undefined): void {
    const type = typeof event.type === "string" ? event.type : name;
    const message = isObject(event.delta) && isObject(event.delta.message) ? event.delta.message : undefined;
    switch (type) {
      case "message-start":
        if (typeof event.id === "string") setOwn(this.top, "id", event.id);
        this.trace?.value(["id"], ["id"]);
        for (const key of Object.keys(message ?? {})) if (!Array.isArray(message![key])) setOwn(this.message, key, message![key]);
        for (const key of Object.keys(message ?? {})) if (Array.isArray(message![key]) && !Object.hasOwn(this.message, key)) setOwn(this.message, key, []);
        return;
      case "content-start":
      case "tool-call-start":
      case "citation-start":
        this.start(type.replace(/-start$/, "") as keyof typeof lists, event, message);
        return;
      case "content-delta":
      case "tool-call-delta":
        this.delta(type === "content-delta" ? "content" : "tool-call", event, message);
        return;
      case "tool-plan-delta":
        if (typeof message?.tool_plan === "string") {
          this.toolPlan.push(message.tool_plan);
          this.trace?.slice(["delta", "message", "tool_plan"], ["message", "tool_plan"]);
        } else this.report("unplaced-content", "a tool-plan-delta without delta.message.tool_plan; it was left out", { data: event });
        return;
      case "content-end":
      case "tool-call-end":
      case "citation-end":
      case "debug":
        return;
      case "message-end": {
        this.ended = true;
        const delta = isObject(event.delta) ? event.delta : {};
        for (const key of Object.keys(delta)) setOwn(this.top, key, delta[key]);
        this.trace?.value(["delta"], []);
        if (typeof delta.finish_reason === "string") this.emit?.({ type: "finish", finishReason: delta.finish_reason, event: this.event, choice: 0 });
        if (isObject(delta.usage)) this.emit?.({ type: "usage", usage: delta.usage, event: this.event, choice: 0 });
        if (delta.error !== undefined && delta.error !== null) this.recordError(delta.error);
        return;
      }
      default:
        this.report("unknown-event", `an event of type ${describeValue(type)} that Cohere's v2 stream does not define; it was left out`, { data: event });
    }
  }

  private start(kind: keyof typeof lists, event: PlainObject, message: PlainObject | undefined): void {
    const index = event.index;
    const item = message?.[lists[kind].field];
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || !isObject(item)) {
      this.report("unplaced-content", `a ${kind}-start needs a whole-number index and delta.message.${lists[kind].field}; it was left out`, { data: event });
      return;
    }
    const state = new ItemState(index, this.keep(item));
    this.items[kind].set(index, state);
    if (!Object.hasOwn(this.message, lists[kind].field)) setOwn(this.message, lists[kind].field, []);
    this.trace?.value(["delta", "message", lists[kind].field], ["message", lists[kind].field, state]);
    if (kind === "tool-call") {
      const fn = isObject(item.function) ? item.function : {};
      this.emit?.({ type: "tool-call-start", toolCall: index, id: typeof item.id === "string" ? item.id : undefined, name: typeof fn.name === "string" ? fn.name : undefined, event: this.event, choice: 0 });
    }
  }

  private contentText(state: ItemState, field: "text" | "thinking", text: string): void {
    state.append(field, text);
    this.trace?.slice(["delta", "message", "content", field], ["message", "content", state, field]);
    if (text !== "") this.emit?.({ type: field === "thinking" ? "reasoning-delta" : "text-delta", delta: text, event: this.event, choice: 0 });
  }

  private delta(kind: "content" | "tool-call", event: PlainObject, message: PlainObject | undefined): void {
    const state = typeof event.index === "number" ? this.items[kind].get(event.index) : undefined;
    const part = message?.[lists[kind].field];
    if (state === undefined || !isObject(part)) {
      this.report(state === undefined ? "out-of-order" : "unplaced-content", `a ${kind}-delta for no started item, or without delta.message.${lists[kind].field}; it was left out`, { data: event });
      return;
    }
    if (kind === "tool-call") {
      const fn = isObject(part.function) ? part.function : undefined;
      if (typeof fn?.arguments !== "string") {
        this.report("unplaced-content", "a tool-call-delta without function.arguments; it was left out", { data: event });
        return;
      }
      if (!isObject(state.item.function)) setOwn(state.item, "function", {});
      const target = state.item.function as PlainObject;
      const list = state.fragments.get("function.arguments") ?? [typeof target.arguments === "string" ? target.arguments : ""];
      list.push(fn.arguments);
      state.fragments.set("function.arguments", list);
      this.trace?.slice(["delta", "message", lists[kind].field, "function", "arguments"], ["message", "tool_calls", state, "function", "arguments"]);
      this.emit?.({ type: "tool-call-delta", toolCall: state.index, argumentsDelta: fn.arguments, event: this.event, choice: 0 });
      return;
    }
    // Named reads, not a loop over the field names: these run once per event.
    const text = part.text;
    const thinking = part.thinking;
    const placed = typeof text === "string" || typeof thinking === "string";
    if (typeof text === "string") this.contentText(state, "text", text);
    if (typeof thinking === "string") this.contentText(state, "thinking", thinking);
    if (!placed) this.report("unplaced-content", "a content-delta with neither text nor thinking; it was left out", { data: event });
  }

  protected build() {
    for (const kind of Object.keys(lists) as Array<keyof typeof lists>) {
      const ordered = [...this.items[kind].values()].sort((left, right) => left.index - right.index);
      if (ordered.length === 0) continue;
      setOwn(
        this.message,
        lists[kind].field,
        ordered.map((state, position) => {
          state.position = position;
          const arguments_ = state.fragments.get("function.arguments");
          state.fragments.delete("function.arguments");
          const item = state.finish();
          if (arguments_ !== undefined && isObject(item.function)) setOwn(item.function, "arguments", arguments_.join(""));
          return item;
        }),
      );
    }
    if (this.toolPlan.length > 0) setOwn(this.message, "tool_plan", `${typeof this.message.tool_plan === "string" ? this.message.tool_plan : ""}${this.toolPlan.join("")}`);
    const end = this.eventsRead;
    if (end === 0 && !this.hasError) this.report("empty-stream", "the stream held no event", { event: end });
    else if (!this.ended && !this.hasError) this.report("incomplete-stream", "the stream ended without message-end (it may have been cut)", { event: end });
    return { merged: this.top as CohereChatResponse, complete: this.ended };
  }
}
