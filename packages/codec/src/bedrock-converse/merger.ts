import { type CoreHooks, MergeCore } from "../core.js";
import { describeValue, isObject, type PlainObject, setOwn } from "../shared/data.js";
import type { ConverseResponse } from "./types.js";

const eventTypes = new Set(["messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata"]);

/** A content block being assembled. */
class BlockState {
  position = -1;
  readonly block: PlainObject = {};
  readonly text: string[] = [];
  readonly input: string[] = [];
  readonly reasoning: string[] = [];
  readonly signature: string[] = [];
  toolCall: number | undefined;
  stopped = false;

  constructor(readonly index: number) {}
}

/**
 * Merges a Bedrock ConverseStream (stream-dialects.md §4.2, from the AWS
 * documentation) into the response a non-streaming `Converse` call returns:
 * `messageStart` gives the role; blocks by `contentBlockIndex` (a text block
 * may begin with its first delta); text, reasoning text and signature
 * fragments joined; tool `input` fragments joined and parsed at the block's
 * stop; `messageStop` the stop reason; `metadata` usage and metrics. Events
 * come with their type (the `:event-type` header), or as the AWS SDK types
 * them (`{ contentBlockDelta: {...} }`). Bedrock's padding field `p` is not data.
 */
export class ConverseCore extends MergeCore<ConverseResponse> {
  readonly dialect = "bedrock-converse" as const;
  private role: string | undefined;
  private readonly blocks = new Map<number, BlockState>();
  private readonly top: PlainObject = { output: null, stopReason: null };
  private toolCalls = 0;
  private stopped = false;

  constructor(hooks: CoreHooks = {}) {
    super(hooks);
  }

  protected apply(value: PlainObject, name: string | undefined): void {
    let type = name;
    let event = value;
    if (type === undefined) {
      // The AWS SDK's shape: one key, the event type.
      let only: string | undefined;
      let count = 0;
      for (const key in value) {
        only = key;
        count += 1;
      }
      if (count === 1 && eventTypes.has(only!) && isObject(value[only!])) {
        type = only;
        event = value[only!] as PlainObject;
      }
    }
    switch (type) {
      case "messageStart":
        if (typeof event.role === "string") this.role ??= event.role;
        this.trace?.value(["role"], ["output", "message", "role"]);
        return;
      case "contentBlockStart":
        this.blockStart(event);
        return;
      case "contentBlockDelta":
        this.blockDelta(event);
        return;
      case "contentBlockStop":
        this.blockStop(event);
        return;
      case "messageStop":
        this.stopped = true;
        for (const key of Object.keys(event)) if (key !== "p") setOwn(this.top, key, event[key]);
        this.trace?.value([], []);
        if (typeof event.stopReason === "string") this.emit?.({ type: "finish", finishReason: event.stopReason, event: this.event, choice: 0 });
        return;
      case "metadata":
        for (const key of Object.keys(event)) if (key !== "p") setOwn(this.top, key, event[key]);
        this.trace?.value([], []);
        if (isObject(event.usage)) this.emit?.({ type: "usage", usage: event.usage, event: this.event, choice: 0 });
        return;
      default:
        this.report("unknown-event", `an event of type ${describeValue(type)} that ConverseStream does not define; it was left out of the response`, { data: value });
    }
  }

  private blockStart(event: PlainObject): void {
    const state = this.block(event, true);
    if (state === undefined) return;
    const tool = isObject(event.start) && isObject(event.start.toolUse) ? event.start.toolUse : undefined;
    if (tool === undefined) return;
    setOwn(state.block, "toolUse", { ...this.keep(tool), input: {} });
    this.trace?.value(["start", "toolUse"], ["output", "message", "content", state, "toolUse"]);
    state.toolCall = this.toolCalls;
    this.toolCalls += 1;
    this.emit?.({ type: "tool-call-start", toolCall: state.toolCall, id: asString(tool.toolUseId), name: asString(tool.name), event: this.event, choice: 0 });
  }

  private blockDelta(event: PlainObject): void {
    const state = this.block(event, true);
    const delta = event.delta;
    if (state === undefined) return;
    if (!isObject(delta)) {
      this.report("invalid-event", `contentBlockDelta.delta must be an object, found ${describeValue(delta)}`, { data: event });
      return;
    }
    if (typeof delta.text === "string") {
      if (!Object.hasOwn(state.block, "text")) setOwn(state.block, "text", "");
      state.text.push(delta.text);
      this.trace?.slice(["delta", "text"], ["output", "message", "content", state, "text"]);
      if (delta.text !== "") this.emit?.({ type: "text-delta", delta: delta.text, event: this.event, choice: 0 });
    } else if (isObject(delta.toolUse) && typeof delta.toolUse.input === "string") {
      state.input.push(delta.toolUse.input);
      if (state.toolCall !== undefined && delta.toolUse.input !== "") {
        this.emit?.({ type: "tool-call-delta", toolCall: state.toolCall, argumentsDelta: delta.toolUse.input, event: this.event, choice: 0 });
      }
    } else if (isObject(delta.reasoningContent)) {
      const reasoning = delta.reasoningContent;
      if (typeof reasoning.redactedContent === "string") {
        setOwn(state.block, "reasoningContent", { redactedContent: reasoning.redactedContent });
        return;
      }
      if (!isObject(state.block.reasoningContent)) setOwn(state.block, "reasoningContent", { reasoningText: { text: "" } });
      if (typeof reasoning.text === "string") {
        state.reasoning.push(reasoning.text);
        this.trace?.slice(["delta", "reasoningContent", "text"], ["output", "message", "content", state, "reasoningContent", "reasoningText", "text"]);
        if (reasoning.text !== "") this.emit?.({ type: "reasoning-delta", delta: reasoning.text, event: this.event, choice: 0 });
      }
      if (typeof reasoning.signature === "string") {
        state.signature.push(reasoning.signature);
        this.trace?.slice(["delta", "reasoningContent", "signature"], ["output", "message", "content", state, "reasoningContent", "reasoningText", "signature"]);
      }
    } else {
      this.report("unknown-event", "a delta that is none of text, toolUse and reasoningContent; it was left out of the block", { data: event });
    }
  }

  private blockStop(event: PlainObject): void {
    const state = this.block(event, false);
    if (state === undefined) return;
    state.stopped = true;
    this.finishInput(state);
    if (state.toolCall !== undefined) {
      const tool = state.block.toolUse as PlainObject;
      this.emit?.({ type: "tool-call-end", toolCall: state.toolCall, id: asString(tool.toolUseId), name: asString(tool.name), arguments: state.input.join("") || "{}", event: this.event, choice: 0 });
    }
  }

  private finishInput(state: BlockState): void {
    const tool = state.block.toolUse;
    const text = state.input.join("");
    if (!isObject(tool) || text === "") return;
    try {
      setOwn(tool, "input", JSON.parse(text));
    } catch {
      this.report("invalid-arguments", `the input of block ${state.index} is not valid JSON; the block keeps input {}`, { toolCall: state.toolCall, data: text });
    }
  }

  private block(event: PlainObject, create: boolean): BlockState | undefined {
    const index = event.contentBlockIndex;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0) {
      this.report("invalid-event", `contentBlockIndex must be a whole number, found ${describeValue(index)}`, { data: event });
      return undefined;
    }
    let state = this.blocks.get(index);
    if (state === undefined && create) {
      state = new BlockState(index);
      this.blocks.set(index, state);
    }
    if (state === undefined) this.report("out-of-order", `a stop for block ${index}, which never started`, { data: event });
    return state;
  }

  protected build() {
    const end = this.eventsRead;
    const ordered = [...this.blocks.values()].sort((left, right) => left.index - right.index);
    const content = ordered.map((state, position) => {
      state.position = position;
      if (!state.stopped) this.finishInput(state);
      if (Object.hasOwn(state.block, "text")) setOwn(state.block, "text", state.text.join(""));
      const reasoning = state.block.reasoningContent;
      if (isObject(reasoning) && isObject(reasoning.reasoningText)) {
        setOwn(reasoning.reasoningText, "text", state.reasoning.join(""));
        if (state.signature.length > 0) setOwn(reasoning.reasoningText, "signature", state.signature.join(""));
      }
      return state.block;
    });
    setOwn(this.top, "output", { message: { role: this.role ?? "assistant", content } });
    if (this.eventsRead === 0 && !this.hasError) this.report("empty-stream", "the stream held no event", { event: end });
    else if (!this.stopped && !this.hasError) this.report("incomplete-stream", "the stream ended without messageStop (it may have been cut)", { event: end });
    return { merged: this.top as ConverseResponse, complete: this.stopped && ordered.every((state) => state.stopped) };
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
