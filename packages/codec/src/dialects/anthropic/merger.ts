import { type CoreHooks, MergeCore } from "../../core.js";
import { describeValue, isObject, type PlainObject, setOwn } from "../../shared/data.js";
import { type ValueFrame, valueFrame, valueInFrame } from "../../shared/value-frame.js";
import type { AnthropicContentBlock, AnthropicMessage } from "./types.js";

/** A content block being assembled. */
class BlockState {
  /** Position in the merged `content` (blocks sorted by index), known once merging ends. */
  position = -1;
  readonly joined = new Map<"text" | "thinking" | "signature", string[]>();
  /** `input_json_delta` fragments, joined and parsed at `content_block_stop`. */
  readonly json: string[] = [];
  citations = 0;
  stopped = false;
  /** Position among the message's tool calls, for tool blocks. */
  toolCall: number | undefined;

  constructor(
    readonly index: number,
    readonly block: PlainObject,
  ) {}

  append(field: "text" | "thinking" | "signature", text: string): void {
    const parts = this.joined.get(field);
    if (parts === undefined) this.joined.set(field, [typeof this.block[field] === "string" ? (this.block[field] as string) : "", text]);
    else parts.push(text);
  }

  get argumentsText(): string {
    return this.json.length > 0 ? this.json.join("") : JSON.stringify(this.block.input ?? {});
  }

  finish(): AnthropicContentBlock {
    for (const [field, parts] of this.joined) setOwn(this.block, field, parts.join(""));
    return this.block as AnthropicContentBlock;
  }
}

const toolBlockTypes = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);

/**
 * Merges an Anthropic Messages stream into the `Message` a non-streaming call
 * returns (docs/dialects/anthropic.md, "Merge"): start from `message_start.message`; each
 * block from its `content_block_start`; text, thinking and signature deltas
 * appended; citations pushed; `input_json_delta` fragments joined and parsed
 * once at the block's stop (never `{}` + buffer); `message_delta` copies the
 * stop reason and overlays usage (cumulative: never summed); `ping` ignored;
 * an `error` event ends the stream, which is then never complete.
 */
export class AnthropicMerger extends MergeCore<AnthropicMessage> {
  readonly dialect = "anthropic" as const;
  private message: PlainObject | undefined;
  private readonly blocks = new Map<number, BlockState>();
  private toolCalls = 0;
  private stopped = false;
  private metadata: Record<string, unknown> | undefined;
  /**
   * The text around the delta text of the last text or thinking delta that could be framed (see `mergeUnparsed`). Kept
   * across other events: none of them changes what such a delta does (an index names one block for the whole stream).
   */
  private frame: { text: ValueFrame; name: string | undefined; state: BlockState; field: "text" | "thinking" } | undefined;

  constructor(hooks: CoreHooks = {}) {
    super(hooks);
  }

  /**
   * A `content_block_delta` whose text is the framed delta's (`frame`) but
   * for its delta's `text` (or `thinking`), with the same SSE event name:
   * parsed, it would be that event with another text, so it is merged as
   * `blockDelta` would merge it, unparsed (docs/merging-unparsed.md). Nearly
   * every event of a long answer is one.
   */
  protected override mergeUnparsed(text: string, name: string | undefined): boolean {
    const frame = this.frame;
    if (frame === undefined || name !== frame.name) return false;
    const value = valueInFrame(frame.text, text);
    if (value === undefined) return false;
    if (value === "") return true;
    frame.state.append(frame.field, value);
    this.emit?.({ type: frame.field === "text" ? "text-delta" : "reasoning-delta", delta: value, event: this.event, choice: 0 });
    return true;
  }

  protected apply(event: PlainObject, name: string | undefined): void {
    const type = event.type;
    if (name !== undefined && name !== type) {
      this.report("event-type-mismatch", `the SSE event is named "${name}" but its data has type ${describeValue(type)}`, { data: event });
    }
    switch (type) {
      case "content_block_delta":
        this.blockDelta(event, name);
        return;
      case "message_start":
        this.messageStart(event);
        return;
      case "content_block_start":
        this.blockStart(event);
        return;
      case "content_block_stop":
        this.blockStop(event);
        return;
      case "message_delta":
        this.messageDelta(event);
        return;
      case "message_stop":
        this.stopped = true;
        for (const key of Object.keys(event)) {
          if (key === "type") continue;
          this.metadata ??= {};
          this.metadata[key] = event[key];
        }
        return;
      case "ping":
        return;
      case "error":
        this.recordError(isObject(event.error) ? event.error : event);
        return;
      default:
        this.report("unknown-event", `an event of type ${describeValue(type)} that Anthropic's Messages stream does not define; it was left out of the message`, { data: event });
    }
  }

  private messageStart(event: PlainObject): void {
    if (!isObject(event.message)) {
      this.report("invalid-event", `message_start.message must be an object, found ${describeValue(event.message)}`, { data: event });
      return;
    }
    if (this.message !== undefined) this.report("out-of-order", "a second message_start; the first one is kept", { data: event });
    else {
      this.message = this.keep(event.message);
      this.trace?.value(["message"], []);
      if (isObject(this.message.usage)) this.emit?.({ type: "usage", usage: this.message.usage, event: this.event, choice: 0 });
    }
  }

  private blockStart(event: PlainObject): void {
    const index = event.index;
    if (!isIndex(index) || !isObject(event.content_block)) {
      this.report("invalid-event", "content_block_start needs a whole-number index and a content_block object", { data: event });
      return;
    }
    if (this.blocks.has(index)) {
      this.report("out-of-order", `a second content_block_start for index ${index}; the first block is kept`, { data: event });
      return;
    }
    const state = new BlockState(index, this.keep(event.content_block));
    this.blocks.set(index, state);
    this.trace?.value(["content_block"], ["content", state]);
    const blockType = state.block.type;
    if (typeof blockType === "string" && toolBlockTypes.has(blockType)) {
      state.toolCall = this.toolCalls;
      this.toolCalls += 1;
      const { id, name } = state.block;
      this.emit?.({ type: "tool-call-start", toolCall: state.toolCall, id: typeof id === "string" ? id : undefined, name: typeof name === "string" ? name : undefined, event: this.event, choice: 0 });
    }
  }

  private blockDelta(event: PlainObject, name: string | undefined): void {
    const state = this.block(event, "content_block_delta");
    const delta = event.delta;
    if (state === undefined) return;
    if (!isObject(delta)) {
      this.report("invalid-event", `content_block_delta.delta must be an object, found ${describeValue(delta)}`, { data: event });
      return;
    }
    switch (delta.type) {
      case "text_delta":
      case "thinking_delta":
      case "signature_delta": {
        const field = delta.type === "text_delta" ? "text" : delta.type === "thinking_delta" ? "thinking" : "signature";
        const text = delta[field];
        if (typeof text !== "string") {
          this.report("invalid-event", `a ${delta.type} needs a ${field} string, found ${describeValue(text)}`, { data: event });
          return;
        }
        // The delta has this key: when the event's text has no other, later events like it are merged unparsed
        // (with the same event name, which then matches their type too).
        if (field !== "signature" && this.eventText !== undefined && this.trace === undefined && (name === undefined || name === "content_block_delta")) {
          const frame = valueFrame(this.eventText, field, text);
          if (frame !== undefined) this.frame = { text: frame, name, state, field };
        }
        if (text === "") return;
        state.append(field, text);
        this.trace?.slice(["delta", field], ["content", state, field]);
        if (field === "text") this.emit?.({ type: "text-delta", delta: text, event: this.event, choice: 0 });
        else if (field === "thinking") this.emit?.({ type: "reasoning-delta", delta: text, event: this.event, choice: 0 });
        return;
      }
      case "input_json_delta": {
        const text = delta.partial_json;
        if (typeof text !== "string") {
          this.report("invalid-event", `an input_json_delta needs a partial_json string, found ${describeValue(text)}`, { data: event });
          return;
        }
        state.json.push(text);
        if (text !== "" && state.toolCall !== undefined) {
          this.emit?.({ type: "tool-call-delta", toolCall: state.toolCall, argumentsDelta: text, event: this.event, choice: 0 });
        }
        return;
      }
      case "citations_delta": {
        if (!Array.isArray(state.block.citations)) setOwn(state.block, "citations", []);
        (state.block.citations as unknown[]).push(this.keep(delta.citation));
        this.trace?.value(["delta", "citation"], ["content", state, "citations", state.citations]);
        state.citations += 1;
        return;
      }
      default:
        this.report("unknown-event", `a delta of type ${describeValue(delta.type)} that the Messages stream does not define; it was left out of the block`, { data: event });
    }
  }

  private blockStop(event: PlainObject): void {
    const state = this.block(event, "content_block_stop");
    if (state === undefined) return;
    if (state.stopped) {
      this.report("out-of-order", `a second content_block_stop for index ${state.index}`, { data: event });
      return;
    }
    state.stopped = true;
    this.parseInput(state);
    if (state.toolCall !== undefined) {
      const { id, name } = state.block;
      this.emit?.({
        type: "tool-call-end",
        toolCall: state.toolCall,
        id: typeof id === "string" ? id : undefined,
        name: typeof name === "string" ? name : undefined,
        arguments: state.argumentsText,
        event: this.event,
        choice: 0,
      });
    }
  }

  /** `input` from the joined fragments, when there were any: never `{}` + buffer. */
  private parseInput(state: BlockState): void {
    if (state.json.length === 0) return;
    const text = state.json.join("");
    if (text === "") return;
    try {
      setOwn(state.block, "input", JSON.parse(text));
    } catch {
      this.report("invalid-arguments", `the input of block ${state.index} is not valid JSON; the block keeps the input it started with`, {
        toolCall: state.toolCall,
        data: text,
      });
    }
  }

  private messageDelta(event: PlainObject): void {
    if (this.message === undefined) {
      this.report("out-of-order", "message_delta before message_start", { data: event });
      this.message = {};
    }
    const message = this.message;
    if (isObject(event.delta)) {
      this.trace?.value(["delta"], []);
      for (const key of Object.keys(event.delta)) setOwn(message, key, event.delta[key]);
      const reason = event.delta.stop_reason;
      if (typeof reason === "string" && reason !== "") this.emit?.({ type: "finish", finishReason: reason, event: this.event, choice: 0 });
    }
    if (isObject(event.usage)) {
      const usage = isObject(message.usage) ? message.usage : {};
      for (const key of Object.keys(event.usage)) setOwn(usage, key, event.usage[key]);
      setOwn(message, "usage", usage);
      this.trace?.value(["usage"], ["usage"]);
      this.emit?.({ type: "usage", usage, event: this.event, choice: 0 });
    }
  }

  private block(event: PlainObject, type: string): BlockState | undefined {
    const index = event.index;
    const state = isIndex(index) ? this.blocks.get(index) : undefined;
    if (state === undefined) {
      this.report("out-of-order", `${type} for ${isIndex(index) ? `index ${index}, a block that was never started` : `index ${describeValue(index)}`}`, { data: event });
    }
    return state;
  }

  protected build() {
    const end = this.eventsRead;
    if (this.message === undefined && !this.hasError) {
      this.report(this.eventsRead === 0 ? "empty-stream" : "incomplete-stream", "the stream had no message_start", { event: end });
    }
    const ordered = [...this.blocks.values()].sort((left, right) => left.index - right.index);
    const unstopped = ordered.filter((state) => !state.stopped);
    for (const state of unstopped) this.parseInput(state);
    if (!this.stopped && this.message !== undefined && !this.hasError) {
      this.report("incomplete-stream", "the stream ended without message_stop (it may have been cut)", { event: end });
    }
    const message: PlainObject = this.message ?? {
      id: "",
      type: "message",
      role: "assistant",
      model: "",
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {},
    };
    setOwn(
      message,
      "content",
      ordered.map((state, position) => {
        state.position = position;
        return state.finish();
      }),
    );
    const complete = this.stopped && this.message !== undefined && unstopped.length === 0;
    return { merged: message as AnthropicMessage, complete, ...(this.metadata === undefined ? {} : { metadata: this.metadata }) };
  }
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}
