import { type CoreHooks, MergeCore } from "../../core.js";
import { assignExtras, describeValue, type Extras, isObject, keepFirst, nonEmpty } from "../../shared/data.js";
import { pushChoice } from "./choice-merger.js";
import type { ChoiceState } from "./choice-state.js";
import { endCall, validateCalls } from "./tool-call-merger.js";
import type { ChatCompletion, Usage } from "./types.js";
import { inheritedKeys } from "../../shared/own-keys.js";

/**
 * Merges `chat.completion.chunk` deltas, the top level of three: the chunk's
 * own fields here, each choice and its delta in `choice-merger.ts`, each tool
 * call in `tool-call-merger.ts`. Every field has its own rule (no generic deep
 * merge); see the package README for the rules.
 */
export class OpenaiChatMerger extends MergeCore<ChatCompletion> {
  readonly dialect = "openai-chat" as const;
  readonly choices = new Map<number, ChoiceState>();
  private readonly extras: Extras = new Map();
  private id: string | undefined;
  private created: number | undefined;
  private model: string | undefined;
  private usage: Usage | undefined;
  /** The choice of the previous chunk: most streams have one, so most lookups stop here. */
  lastChoice: ChoiceState | undefined;
  /** Set while merging a chunk that gives a choice its first finish reason. */
  finishedAChoice = false;
  /** The previous chunk, as JSON text (as it came, or as written again when it came parsed), when it finished a choice: a provider may send it twice. */
  private finishingChunk: { event: number; text: string } | undefined;

  constructor(hooks: CoreHooks = {}) {
    super(hooks);
  }

  /** The number of the chunk being merged, for events and diagnostics. */
  get eventNumber(): number {
    return this.event;
  }

  get emitter() {
    return this.emit;
  }

  get tracer() {
    return this.trace;
  }

  protected apply(chunk: Record<string, unknown>, name: string | undefined): void {
    if (name === "error") {
      // `event: error` with a JSON payload: the provider's error, not a chunk.
      this.recordError(isObject(chunk.error) ? chunk.error : chunk);
      return;
    }
    if (this.finishingChunk !== undefined) {
      // The chunk that finished a choice, sent again at once, byte for byte: its content would be there twice.
      const finishing = this.finishingChunk;
      this.finishingChunk = undefined;
      if ((this.eventText ?? JSON.stringify(chunk)) === finishing.text) {
        this.report("repeated-chunk", `event ${this.event} repeats event ${finishing.event}, the chunk that finished its choice; the repeat was ignored`, { data: chunk });
        return;
      }
    }
    this.finishedAChoice = false;
    // for…in, not Object.keys: no array per object on the hot path (JSON.parse objects have no inherited keys).
    for (const key in chunk) {
      if (inheritedKeys && !Object.hasOwn(chunk, key)) continue;
      const value = chunk[key];
      switch (key) {
        case "choices":
          break;
        case "id":
          if (this.id === undefined) this.id = nonEmpty(value);
          this.trace?.value(["id"], ["id"]);
          break;
        case "object":
          break;
        case "created":
          if (this.created === undefined && typeof value === "number") this.created = value;
          this.trace?.value(["created"], ["created"]);
          break;
        case "model":
          if (this.model === undefined) this.model = nonEmpty(value);
          this.trace?.value(["model"], ["model"]);
          break;
        case "usage":
          if (isObject(value)) {
            this.usage = value as Usage;
            this.emit?.({ type: "usage", usage: this.usage, event: this.event, choice: 0 });
            this.trace?.value(["usage"], ["usage"]);
          } else if (value !== null && value !== undefined) {
            this.report("invalid-event", `usage must be an object, found ${describeValue(value)}`, { data: value });
          }
          break;
        case "error":
          if (value !== null && value !== undefined) this.recordError(value);
          break;
        default:
          keepFirst(this.extras, key, value);
          this.trace?.value([key], [key]);
      }
    }
    const choices = chunk.choices;
    if (Array.isArray(choices)) {
      for (let position = 0; position < choices.length; position += 1) pushChoice(this, choices[position], position);
    } else if (choices !== undefined && choices !== null) {
      this.report("invalid-event", `choices must be an array, found ${describeValue(choices)}`, { data: choices });
    }
    if (this.finishedAChoice) this.finishingChunk = { event: this.event, text: this.eventText ?? JSON.stringify(chunk) };
  }

  protected build() {
    const ordered = [...this.choices.values()].sort((left, right) => left.index - right.index);
    const end = this.eventsRead;
    ordered.forEach((state, position) => {
      state.position = position;
      for (const call of state.toolCalls) endCall(this, state, call);
      validateCalls(this, state, end);
      if (state.finishReason === null) {
        this.report("missing-finish-reason", `choice ${state.index} has no finish reason`, { event: end, choice: state.index });
      }
    });
    if (ordered.length === 0 && !this.hasError) this.report("empty-stream", "the stream held no choice", { event: end });
    const merged: ChatCompletion = {
      id: this.id ?? "",
      object: "chat.completion",
      created: this.created ?? 0,
      model: this.model ?? "",
      choices: ordered.map((state) => state.toChoice()),
    };
    if (this.usage !== undefined) merged.usage = this.usage;
    assignExtras(merged, this.extras);
    return { merged, complete: ordered.length > 0 && ordered.every((state) => state.finishReason !== null) };
  }
}
