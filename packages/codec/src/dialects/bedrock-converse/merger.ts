import { type CoreHooks, MergeCore } from "../../core.js";
import { describeValue, isObject, type PlainObject, setOwn } from "../../shared/data.js";
import { inheritedKeys } from "../../shared/own-keys.js";
import type { ConverseResponse } from "./types.js";

/** Whether a key names a ConverseStream event (a switch: cheaper than a set's lookup on every event). */
function isEventType(key: string | undefined): boolean {
  switch (key) {
    case "messageStart":
    case "contentBlockStart":
    case "contentBlockDelta":
    case "contentBlockStop":
    case "messageStop":
    case "metadata":
      return true;
    default:
      return false;
  }
}

/** A content block being assembled. */
class BlockState {
  position = -1;
  readonly block: PlainObject = {};
  readonly text: string[] = [];
  /** Whether the block has a text field yet (placed at the first text delta, to keep the field order of the stream). */
  hasText = false;
  readonly input: string[] = [];
  readonly reasoning: string[] = [];
  readonly signature: string[] = [];
  /** Citations (`citation` deltas, and the `citations` of `citationsContent` deltas), in order. */
  readonly citations: unknown[] = [];
  /** The `content` items of `citationsContent` deltas, after the block's own text. */
  readonly cited: unknown[] = [];
  /** A tool result's content items; a run of text items is one item whose fragments are joined. */
  readonly results: Array<{ item: PlainObject; texts?: string[] }> = [];
  toolCall: number | undefined;
  stopped = false;

  constructor(readonly index: number) {}
}

/**
 * Merges a Bedrock ConverseStream (docs/dialects/bedrock-converse.md, from the AWS
 * documentation) into the response a non-streaming `Converse` call returns:
 * `messageStart` gives the role; blocks by `contentBlockIndex` (a text block
 * may begin with its first delta); text, reasoning text and signature
 * fragments joined; tool `input` fragments joined and parsed at the block's
 * stop; a block with citations becomes `citationsContent` (its text, then
 * cited content, and the citations); a `toolResult` block (a server tool's)
 * gets its content items, runs of text joined; an `image` block its fields;
 * `messageStop` the stop reason; `metadata` usage and metrics. Events
 * come with their type (the `:event-type` header), or as the AWS SDK types
 * them (`{ contentBlockDelta: {...} }`). Bedrock's padding field `p` is not data.
 */
export class BedrockConverseMerger extends MergeCore<ConverseResponse> {
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
    if (type === undefined || !isEventType(type)) {
      // The AWS SDK's shape, and Nova's events on the invoke API (`:event-type` "chunk"): the event type is the key.
      let only: string | undefined;
      let count = 0;
      for (const key in value) {
        if (inheritedKeys && !Object.hasOwn(value, key)) continue;
        only = key;
        count += 1;
      }
      if (count === 1 && isEventType(only!) && isObject(value[only!])) {
        type = only;
        event = value[only!] as PlainObject;
      } else if (count > 1) {
        // Nova on the invoke API sends "amazon-bedrock-invocationMetrics" beside its last event: kept at the top level.
        const found = Object.keys(value).filter((key) => isEventType(key) && isObject(value[key]));
        if (found.length === 1) {
          type = found[0]!;
          event = value[type] as PlainObject;
          for (const key of Object.keys(value)) if (key !== type) setOwn(this.top, key, this.keep(value[key]));
          this.trace?.value([], []);
        }
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
    const start = event.start;
    if (!isObject(start)) {
      if (start !== undefined) this.report("unplaced-content", `contentBlockStart.start must be an object, found ${describeValue(start)}; it was left out`, { data: event });
      return;
    }
    // A tool result (a server tool's, such as Nova's code interpreter) and an image begin with their fields; their deltas add content.
    if (isObject(start.toolResult)) {
      setOwn(state.block, "toolResult", { ...this.keep(start.toolResult), content: [] });
      this.trace?.value(["start", "toolResult"], ["output", "message", "content", state, "toolResult"]);
    } else if (isObject(start.image)) {
      setOwn(state.block, "image", { ...this.keep(start.image) });
      this.trace?.value(["start", "image"], ["output", "message", "content", state, "image"]);
    } else if (!isObject(start.toolUse)) {
      this.report("unplaced-content", "a contentBlockStart that is none of toolUse, toolResult and image; it was left out", { data: event });
    }
    const tool = isObject(start.toolUse) ? start.toolUse : undefined;
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
      if (!state.hasText) {
        state.hasText = true;
        setOwn(state.block, "text", "");
      }
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
    } else if (isObject(delta.citation)) {
      state.citations.push(this.keep(delta.citation));
      this.trace?.value(["delta", "citation"], ["output", "message", "content", state, "citationsContent", "citations", state.citations.length - 1]);
    } else if (isObject(delta.citationsContent)) {
      // Nova's grounding sends whole citationsContent deltas: their content and citations are appended.
      const { content, citations } = delta.citationsContent;
      if (Array.isArray(content)) state.cited.push(...this.keep(content));
      if (Array.isArray(citations)) state.citations.push(...this.keep(citations));
      this.trace?.value(["delta", "citationsContent"], ["output", "message", "content", state, "citationsContent"]);
    } else if (Array.isArray(delta.toolResult)) {
      for (const item of delta.toolResult) this.toolResultItem(state, item, event);
    } else if (isObject(delta.image)) {
      const image = isObject(state.block.image) ? state.block.image : {};
      setOwn(state.block, "image", image);
      for (const key of Object.keys(delta.image)) setOwn(image, key, this.keep(delta.image[key]));
      this.trace?.value(["delta", "image"], ["output", "message", "content", state, "image"]);
    } else {
      this.report("unplaced-content", "a delta that is none of text, toolUse, reasoningContent, citation, citationsContent, toolResult and image; it was left out of the block", { data: event });
    }
  }

  /** One item of a toolResult delta: text joins the text item before it; anything else (json...) is an item of its own. */
  private toolResultItem(state: BlockState, item: unknown, event: PlainObject): void {
    if (!isObject(item)) {
      this.report("unplaced-content", `a toolResult delta item must be an object, found ${describeValue(item)}; it was left out`, { data: event });
      return;
    }
    if (!isObject(state.block.toolResult)) setOwn(state.block, "toolResult", { content: [] });
    const last = state.results.at(-1);
    if (typeof item.text === "string" && Object.keys(item).length === 1) {
      if (last?.texts !== undefined) last.texts.push(item.text);
      else state.results.push({ item: { text: "" }, texts: [item.text] });
    } else state.results.push({ item: this.keep(item) });
    this.trace?.value(["delta", "toolResult"], ["output", "message", "content", state, "toolResult"]);
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
      if (state.citations.length > 0 || state.cited.length > 0) {
        // Text with citations is a citationsContent block, as a non-streaming Converse call returns it.
        const content = [...(Object.hasOwn(state.block, "text") ? [{ text: state.text.join("") }] : []), ...state.cited];
        delete state.block.text;
        setOwn(state.block, "citationsContent", { ...(content.length > 0 ? { content } : {}), ...(state.citations.length > 0 ? { citations: state.citations } : {}) });
      } else if (Object.hasOwn(state.block, "text")) setOwn(state.block, "text", state.text.join(""));
      if (isObject(state.block.toolResult)) {
        const content = state.results.map(({ item, texts }) => (texts === undefined ? item : { ...item, text: texts.join("") }));
        setOwn(state.block.toolResult, "content", content);
      }
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
