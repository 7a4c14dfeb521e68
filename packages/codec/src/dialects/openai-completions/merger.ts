import { type CoreHooks, MergeCore } from "../../core.js";
import { assignExtras, describeValue, type Extras, isObject, keepFirst, keepLast, nonEmpty, type PlainObject } from "../../shared/data.js";
import type { Completion, CompletionChoice, CompletionLogprobs, CompletionUsage } from "./types.js";
import { inheritedKeys } from "../../shared/own-keys.js";
import { type ValueFrame, valueFrame, valueInFrame } from "../../shared/value-frame.js";

/** The parallel arrays of completion logprobs: each chunk's are appended to the choice's. */
const logprobArrays = ["tokens", "token_logprobs", "top_logprobs", "text_offset"] as const;

class ChoiceState {
  position = -1;
  readonly text: string[] = [];
  finishReason: string | null = null;
  logprobs: CompletionLogprobs | null = null;
  readonly extras: Extras = new Map();

  constructor(readonly index: number) {}

  toChoice(): CompletionChoice {
    const choice: CompletionChoice = { text: this.text.join(""), index: this.index, logprobs: this.logprobs, finish_reason: this.finishReason };
    assignExtras(choice, this.extras);
    return choice;
  }
}

/**
 * Merges legacy completion chunks (`object: "text_completion"`) into the
 * completion a non-streaming call returns: each choice's `text` fragments
 * joined in order (choices by `index`), its `logprobs` arrays appended, the
 * last non-empty `finish_reason`; the first `id`, `created` and `model`; the
 * last `usage` (vLLM sends it in a chunk of its own). A chat `delta` in a
 * completions stream has no place here: it is reported, kept in the
 * diagnostic, and the merge is not complete.
 */
export class OpenaiCompletionsMerger extends MergeCore<Completion> {
  readonly dialect = "openai-completions" as const;
  private readonly choices = new Map<number, ChoiceState>();
  private readonly extras: Extras = new Map();
  private id: string | undefined;
  private created: number | undefined;
  private model: string | undefined;
  private usage: CompletionUsage | undefined;
  private lastChoice: ChoiceState | undefined;
  /** The text around the last chunk's `text` value, when that chunk was a usual one read from text (see `mergeUnparsed`). */
  private frame: ValueFrame | undefined;

  constructor(hooks: CoreHooks = {}) {
    super(hooks);
  }

  protected apply(chunk: PlainObject, name: string | undefined): void {
    this.frame = undefined;
    if (name === "error") {
      this.recordError(isObject(chunk.error) ? chunk.error : chunk);
      return;
    }
    if (this.usualChunk(chunk)) return;
    for (const key in chunk) {
      if (inheritedKeys && !Object.hasOwn(chunk, key)) continue;
      const value = chunk[key];
      switch (key) {
        case "choices":
        case "object":
          break;
        case "id":
          this.id ??= nonEmpty(value);
          this.trace?.value(["id"], ["id"]);
          break;
        case "created":
          if (this.created === undefined && typeof value === "number") this.created = value;
          this.trace?.value(["created"], ["created"]);
          break;
        case "model":
          this.model ??= nonEmpty(value);
          this.trace?.value(["model"], ["model"]);
          break;
        case "usage":
          if (isObject(value)) {
            this.usage = this.keep(value) as CompletionUsage;
            this.emit?.({ type: "usage", usage: this.usage, event: this.event, choice: 0 });
            this.trace?.value(["usage"], ["usage"]);
          } else if (value !== null) this.report("invalid-event", `usage must be an object, found ${describeValue(value)}`, { data: value });
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
    if (Array.isArray(choices)) for (let position = 0; position < choices.length; position += 1) this.choice(choices[position], position);
    else if (choices !== undefined && choices !== null) this.report("invalid-event", `choices must be an array, found ${describeValue(choices)}`, { data: choices });
  }

  /**
   * Nearly every chunk is `{id, object, created, model, choices: [{text, index, logprobs: null, finish_reason: null}]}`
   * for the choice the chunk before was for. Once `id`, `created` and `model` are kept (the first ones win), such a
   * chunk only adds its text: it is merged here by name, as `apply` and `choice` would merge it, without walking keys
   * through a switch twice (about 0.05× of the JSON.parse floor on 180-byte chunks). Any other chunk, one with any other
   * key, or a traced merge (for a residual) is left to them, unchanged: then this returns false.
   */
  private usualChunk(chunk: PlainObject): boolean {
    const state = this.lastChoice;
    if (state === undefined || this.trace !== undefined || inheritedKeys || this.id === undefined || this.created === undefined || this.model === undefined) return false;
    for (const key in chunk) if (key !== "id" && key !== "object" && key !== "created" && key !== "model" && key !== "choices") return false;
    const choices = chunk.choices;
    if (!Array.isArray(choices) || choices.length !== 1) return false;
    const choice = choices[0];
    if (!isObject(choice)) return false;
    for (const key in choice) if (key !== "text" && key !== "index" && key !== "logprobs" && key !== "finish_reason") return false;
    const text = choice.text;
    const { logprobs, finish_reason: reason } = choice;
    if ((choice.index ?? 0) !== state.index || typeof text !== "string" || (logprobs !== null && logprobs !== undefined) || (reason !== null && reason !== undefined)) return false;
    state.text.push(text);
    if (text !== "") this.emit?.({ type: "text-delta", delta: text, event: this.event, choice: state.index });
    // The choice has a text key: when it is the chunk's only one, it is the choice's.
    if (this.eventText !== undefined) this.frame = valueFrame(this.eventText, "text", text);
    return true;
  }

  /**
   * A chunk whose text is the last chunk's but for its `text` value, when the
   * last was a usual chunk (`usualChunk`): parsed, it would be that chunk with
   * another text, so it is merged as `usualChunk` would merge it, unparsed
   * (docs/merging-unparsed.md). Streams send little else: most chunks cost a
   * comparison of their text instead of a parse.
   */
  protected override mergeUnparsed(text: string, name: string | undefined): boolean {
    if (this.frame === undefined || name !== undefined) return false;
    const value = valueInFrame(this.frame, text);
    if (value === undefined) return false;
    const state = this.lastChoice!;
    state.text.push(value);
    if (value !== "") this.emit?.({ type: "text-delta", delta: value, event: this.event, choice: state.index });
    return true;
  }

  private choice(value: unknown, position: number): void {
    if (!isObject(value)) {
      this.report("invalid-event", `expected a choice object, found ${describeValue(value)}`, { data: value });
      return;
    }
    const index = value.index ?? 0;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0) {
      this.report("invalid-event", `choices[].index must be a whole number, found ${describeValue(index)}`, { data: value });
      return;
    }
    // Most streams have one choice: the previous chunk's is looked at before the map.
    let state = this.lastChoice !== undefined && this.lastChoice.index === index ? this.lastChoice : this.choices.get(index);
    if (state === undefined) {
      state = new ChoiceState(index);
      this.choices.set(index, state);
    }
    this.lastChoice = state;
    this.trace?.value(["choices", position], ["choices", state]);
    for (const key in value) {
      if (inheritedKeys && !Object.hasOwn(value, key)) continue;
      const field = value[key];
      switch (key) {
        case "index":
          break;
        case "text":
          if (typeof field === "string") {
            state.text.push(field);
            this.trace?.slice(["choices", position, "text"], ["choices", state, "text"]);
            if (field !== "") this.emit?.({ type: "text-delta", delta: field, event: this.event, choice: index });
          } else if (field !== null) this.report("unplaced-content", `choices[].text must be a string, found ${describeValue(field)}; it was left out`, { choice: index, data: field });
          break;
        case "finish_reason": {
          const reason = nonEmpty(field);
          if (reason !== undefined) {
            state.finishReason = reason;
            this.emit?.({ type: "finish", finishReason: reason, event: this.event, choice: index });
          }
          break;
        }
        case "logprobs":
          if (isObject(field)) this.addLogprobs(state, field);
          break;
        case "delta":
        case "message":
          // A chat chunk's field where a completion's text belongs: nothing here can hold it.
          this.report("unplaced-content", `a completions chunk's choice has a chat "${key}" field, which a completion has no place for; it was left out`, { choice: index, data: field });
          break;
        default:
          keepLast(state.extras, key, field);
      }
    }
  }

  private addLogprobs(state: ChoiceState, logprobs: PlainObject): void {
    state.logprobs ??= {};
    const merged = state.logprobs;
    for (const key of Object.keys(logprobs)) {
      const value = logprobs[key];
      if ((logprobArrays as readonly string[]).includes(key) && Array.isArray(value)) {
        const current = merged[key];
        if (Array.isArray(current)) for (const item of value) current.push(item);
        else merged[key] = [...value];
      } else if (value !== undefined) merged[key] = value;
    }
  }

  protected build() {
    const ordered = [...this.choices.values()].sort((left, right) => left.index - right.index);
    const end = this.eventsRead;
    ordered.forEach((state, position) => {
      state.position = position;
      if (state.finishReason === null) this.report("missing-finish-reason", `choice ${state.index} has no finish reason`, { event: end, choice: state.index });
    });
    if (ordered.length === 0 && !this.hasError) this.report("empty-stream", "the stream held no choice", { event: end });
    const merged: Completion = { id: this.id ?? "", object: "text_completion", created: this.created ?? 0, model: this.model ?? "", choices: ordered.map((state) => state.toChoice()) };
    if (this.usage !== undefined) merged.usage = this.usage;
    assignExtras(merged, this.extras);
    return { merged, complete: ordered.length > 0 && ordered.every((state) => state.finishReason !== null) };
  }
}
