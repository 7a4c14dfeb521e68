import type { Diagnostic, DiagnosticCode } from "../diagnostics.js";
import type { CodecEvent } from "../events.js";
import type { ChatCompletion, ProviderError, Usage } from "../types.js";
import { ChoiceState } from "./choice-state.js";
import { assignExtras, type Extras, isObject, keepFirst, keepLast, nonEmpty, type PlainObject } from "./data.js";
import { ToolCallState } from "./tool-call-state.js";

/** The merged completion, what was odd on the way, and the provider's error if it sent one. */
export interface MergeResult {
  completion: ChatCompletion;
  diagnostics: Diagnostic[];
  /** The first error object the stream carried; a later chunk never hides it. */
  error?: ProviderError;
}

/** An incremental merger: push chunks as they arrive, then finish. */
export interface ChunkMerger {
  /** Merges one chunk (any value: a non-chunk becomes a diagnostic) and returns what it changed. */
  push(chunk: unknown): CodecEvent[];
  /**
   * Ends the stream and returns the whole completion. Calls still open end here;
   * their `tool-call-end` events go to the `onEvent` option.
   */
  finish(): MergeResult;
}

/** Options of {@link createChunkMerger}. */
export interface ChunkMergerOptions {
  /** Called with each event as it happens, besides being returned by `push`. */
  onEvent?: (event: CodecEvent) => void;
}

/**
 * Creates an incremental merger of `chat.completion.chunk` deltas that is right
 * for every provider in provider-quirks.md. Each field has its own rule (no
 * generic deep merge): ids, types and names keep their first non-empty value
 * and are never concatenated; arguments, content, refusal and reasoning are
 * joined; the finish reason and usage keep their last non-empty value; a tool
 * call is found by its index, a new id at that index starts a new call, and a
 * delta without index goes to the call with its id or the only open call.
 *
 * @example
 * ```ts
 * const merger = createChunkMerger();
 * for (const chunk of chunks) {
 *   for (const event of merger.push(chunk)) if (event.type === "text-delta") render(event.delta);
 * }
 * const { completion, diagnostics } = merger.finish();
 * ```
 */
export function createChunkMerger(options: ChunkMergerOptions = {}): ChunkMerger {
  let events: CodecEvent[] = [];
  const core = new MergeCore((event) => {
    events.push(event);
    options.onEvent?.(event);
  });
  return {
    push(chunk) {
      events = [];
      core.push(chunk);
      return events;
    },
    finish() {
      return core.finish();
    },
  };
}

/** The merging itself; `emit` is absent when nobody listens, so no events are built. */
export class MergeCore {
  private readonly choices = new Map<number, ChoiceState>();
  private readonly extras: Extras = new Map();
  private readonly diagnostics: Diagnostic[] = [];
  private id: string | undefined;
  private created: number | undefined;
  private model: string | undefined;
  private usage: Usage | undefined;
  private error: ProviderError | undefined;
  private chunkNumber = -1;
  private finished: MergeResult | undefined;
  /** The choice of the previous chunk: most streams have one, so most lookups stop here. */
  private lastChoice: ChoiceState | undefined;

  constructor(private readonly emit?: (event: CodecEvent) => void) {}

  /** Records a finding; used by readers in front of the merger too (bad JSON, no `[DONE]`). */
  report(code: DiagnosticCode, message: string, extra: Partial<Diagnostic> = {}): void {
    this.diagnostics.push({ code, message, chunk: this.chunkNumber, ...extra });
  }

  /** How many chunks were read so far: the chunk number end-of-stream findings carry. */
  get chunksRead(): number {
    return this.chunkNumber + 1;
  }

  /** Counts a chunk that never reached the merger (its data was not JSON). */
  skipChunk(): number {
    this.chunkNumber += 1;
    return this.chunkNumber;
  }

  /** Merges the JSON text of a chunk (a `data:` payload); text that is not JSON becomes an `invalid-json` diagnostic. */
  pushText(text: string, where = ""): void {
    let chunk: unknown;
    try {
      chunk = JSON.parse(text);
    } catch (cause) {
      this.chunkNumber += 1;
      this.report("invalid-json", `chunk ${this.chunkNumber}${where} is not JSON: ${(cause as Error).message}`, { data: text });
      return;
    }
    this.push(chunk);
  }

  push(chunk: unknown): void {
    this.chunkNumber += 1;
    if (!isObject(chunk)) {
      this.report("invalid-chunk", `expected a chunk object, found ${describe(chunk)}`, { data: chunk });
      return;
    }
    // for…in, not Object.keys: no array per object on the hot path (JSON.parse objects have no inherited keys).
    for (const key in chunk) {
      const value = chunk[key];
      switch (key) {
        case "choices":
          break;
        case "id":
          if (this.id === undefined) this.id = nonEmpty(value);
          break;
        case "object":
          break;
        case "created":
          if (this.created === undefined && typeof value === "number") this.created = value;
          break;
        case "model":
          if (this.model === undefined) this.model = nonEmpty(value);
          break;
        case "usage":
          if (isObject(value)) {
            this.usage = value as Usage;
            this.emit?.({ type: "usage", usage: this.usage, chunk: this.chunkNumber });
          } else if (value !== null && value !== undefined) {
            this.report("invalid-chunk", `usage must be an object, found ${describe(value)}`, { data: value });
          }
          break;
        case "error":
          if (value !== null && value !== undefined) this.providerError(value);
          break;
        default:
          keepFirst(this.extras, key, value);
      }
    }
    const choices = chunk.choices;
    if (Array.isArray(choices)) {
      for (const choice of choices) this.pushChoice(choice);
    } else if (choices !== undefined && choices !== null) {
      this.report("invalid-chunk", `choices must be an array, found ${describe(choices)}`, { data: choices });
    }
  }

  private providerError(value: unknown): void {
    const error = (isObject(value) ? value : { message: String(value) }) as ProviderError;
    const message = typeof error.message === "string" ? error.message : JSON.stringify(value);
    if (this.error === undefined) this.error = error;
    this.report("provider-error", `the provider sent an error: ${message}`, { data: value });
    this.emit?.({ type: "error", error, chunk: this.chunkNumber });
  }

  private pushChoice(choice: unknown): void {
    if (!isObject(choice)) {
      this.report("invalid-chunk", `expected a choice object, found ${describe(choice)}`, { data: choice });
      return;
    }
    const index = choice.index ?? 0;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0) {
      this.report("invalid-chunk", `choices[].index must be a whole number, found ${describe(index)}`, { data: choice });
      return;
    }
    let state = this.lastChoice?.index === index ? this.lastChoice : this.choices.get(index);
    if (state === undefined) {
      state = new ChoiceState(index);
      this.choices.set(index, state);
    }
    this.lastChoice = state;
    let finishReason: string | undefined;
    for (const key in choice) {
      const value = choice[key];
      switch (key) {
        case "index":
          break;
        case "delta":
          if (isObject(value)) this.pushDelta(state, value);
          else if (value !== null && value !== undefined) {
            this.report("invalid-chunk", `delta must be an object, found ${describe(value)}`, { choice: index, data: value });
          }
          break;
        case "finish_reason":
          finishReason = nonEmpty(value);
          break;
        case "logprobs":
          if (isObject(value)) state.addLogprobs(value);
          break;
        default:
          keepLast(state.extras, key, value);
      }
    }
    if (finishReason !== undefined) {
      state.finishReason = finishReason;
      for (const call of state.toolCalls) this.endCall(state, call);
      this.emit?.({ type: "finish", choice: index, finishReason, chunk: this.chunkNumber });
    }
  }

  private pushDelta(state: ChoiceState, delta: PlainObject): void {
    for (const key in delta) {
      const value = delta[key];
      switch (key) {
        case "role":
          if (state.role === undefined) state.role = nonEmpty(value);
          break;
        case "content":
          if (this.text(state, key, value)) {
            state.content.push(value as string);
            this.emit?.({ type: "text-delta", choice: state.index, delta: value as string, chunk: this.chunkNumber });
          }
          break;
        case "refusal":
          if (this.text(state, key, value)) {
            state.refusal.push(value as string);
            this.emit?.({ type: "refusal-delta", choice: state.index, delta: value as string, chunk: this.chunkNumber });
          }
          break;
        case "reasoning":
        case "reasoning_content":
          if (this.text(state, key, value)) {
            if (key === "reasoning") {
              if (state.reasoning === undefined) state.reasoning = [];
              state.reasoning.push(value as string);
            } else {
              if (state.reasoningContent === undefined) state.reasoningContent = [];
              state.reasoningContent.push(value as string);
            }
            this.emit?.({ type: "reasoning-delta", choice: state.index, field: key, delta: value as string, chunk: this.chunkNumber });
          }
          break;
        case "tool_calls":
          if (Array.isArray(value)) for (const item of value) this.pushToolCall(state, item);
          else if (value !== null && value !== undefined) {
            this.report("invalid-chunk", `tool_calls must be an array, found ${describe(value)}`, { choice: state.index, data: value });
          }
          break;
        default:
          {
            const current = state.messageExtras.get(key);
            if (Array.isArray(value) && Array.isArray(current)) state.messageExtras.set(key, [...current, ...value]);
            else keepLast(state.messageExtras, key, value);
          }
      }
    }
  }

  /** Whether a text field holds text to add; a non-string, non-null value is reported. */
  private text(state: ChoiceState, key: string, value: unknown): boolean {
    if (typeof value === "string") return value !== "";
    if (value !== null && value !== undefined) {
      this.report("invalid-chunk", `delta.${key} must be a string, found ${describe(value)}`, { choice: state.index, data: value });
    }
    return false;
  }

  private pushToolCall(state: ChoiceState, delta: unknown): void {
    if (!isObject(delta)) {
      this.report("unplaced-delta", `expected a tool-call object, found ${describe(delta)}`, { choice: state.index, data: delta });
      return;
    }
    const call = this.placeToolCall(state, delta);
    if (call !== undefined) this.applyToolCall(state, call, delta);
  }

  /** Which call a fragment belongs to (see the rules on {@link createChunkMerger}). */
  private placeToolCall(state: ChoiceState, delta: PlainObject): ToolCallState | undefined {
    const index = delta.index;
    const id = nonEmpty(delta.id);
    if (typeof index === "number" && Number.isInteger(index) && index >= 0) {
      const open = state.openByIndex.get(index);
      if (open !== undefined && !(id !== undefined && open.id !== undefined && id !== open.id)) return open;
      if (open !== undefined) this.endCall(state, open);
      const call = this.startCall(state, index);
      state.openByIndex.set(index, call);
      return call;
    }
    if (index !== undefined && index !== null) {
      this.report("unplaced-delta", `tool_calls[].index must be a whole number, found ${describe(index)}`, { choice: state.index, data: delta });
      return undefined;
    }
    if (id !== undefined) {
      const known = state.toolCalls.findLast((call) => call.id === id);
      if (known !== undefined) return known;
      for (const call of state.toolCalls) if (call.index === undefined) this.endCall(state, call);
      return this.startCall(state, undefined);
    }
    const open = state.toolCalls.filter((call) => !call.ended);
    if (open.length === 1) return open[0];
    this.report(
      "unplaced-delta",
      open.length === 0
        ? "a tool-call fragment without index or id arrived while no call was open"
        : `a tool-call fragment without index or id arrived while ${open.length} calls were open`,
      { choice: state.index, data: delta },
    );
    return undefined;
  }

  private startCall(state: ChoiceState, index: number | undefined): ToolCallState {
    const call = new ToolCallState(state.toolCalls.length, index);
    state.toolCalls.push(call);
    return call;
  }

  private applyToolCall(state: ChoiceState, call: ToolCallState, delta: PlainObject): void {
    const isNew = !call.started;
    let learnedId: string | undefined;
    let learnedName: string | undefined;
    let fragment = "";
    for (const key in delta) {
      const value = delta[key];
      switch (key) {
        case "index":
          break;
        case "id":
          learnedId = this.firstValue(state, call, "id", value);
          break;
        case "type":
          this.firstValue(state, call, "type", value);
          break;
        case "function":
          if (isObject(value)) {
            for (const functionKey in value) {
              const item = value[functionKey];
              if (functionKey === "name") learnedName = this.firstValue(state, call, "name", item);
              else if (functionKey === "arguments") fragment += this.argumentsFragment(state, call, item);
              else keepLast(call.functionExtras, functionKey, item);
            }
          } else if (value !== null && value !== undefined) {
            this.report("invalid-chunk", `tool_calls[].function must be an object, found ${describe(value)}`, {
              choice: state.index,
              toolCall: call.position,
              data: value,
            });
          }
          break;
        default:
          keepLast(call.extras, key, value);
      }
    }
    if (isNew) {
      call.started = true;
      this.emit?.({ type: "tool-call-start", choice: state.index, toolCall: call.position, id: call.id, name: call.name, chunk: this.chunkNumber });
      learnedId = undefined;
      learnedName = undefined;
    }
    if (this.emit !== undefined && (fragment !== "" || learnedId !== undefined || learnedName !== undefined)) {
      const event: CodecEvent = { type: "tool-call-delta", choice: state.index, toolCall: call.position, argumentsDelta: fragment, chunk: this.chunkNumber };
      if (learnedId !== undefined) event.id = learnedId;
      if (learnedName !== undefined) event.name = learnedName;
      this.emit?.(event);
    }
  }

  /** Keeps the first non-empty id, type or name; returns it when it is new. */
  private firstValue(state: ChoiceState, call: ToolCallState, field: "id" | "type" | "name", value: unknown): string | undefined {
    const text = nonEmpty(value);
    if (text === undefined) return undefined;
    const current = call[field];
    if (current === undefined) {
      call[field] = text;
      return text;
    }
    if (current !== text) {
      this.report("conflicting-tool-call", `tool call ${call.position} has ${field} "${current}"; a later "${text}" was ignored`, {
        choice: state.index,
        toolCall: call.position,
        data: value,
      });
    }
    return undefined;
  }

  private argumentsFragment(state: ChoiceState, call: ToolCallState, value: unknown): string {
    let fragment: string;
    if (typeof value === "string") fragment = value;
    else if (isObject(value) || Array.isArray(value)) fragment = JSON.stringify(value);
    else {
      if (value !== null && value !== undefined) {
        this.report("invalid-chunk", `arguments must be a string, found ${describe(value)}`, { choice: state.index, toolCall: call.position, data: value });
      }
      return "";
    }
    if (fragment === "") return "";
    if (fragment.length === call.argumentsLength && isWholeRepeat(call.arguments, fragment)) {
      this.report("repeated-arguments", `tool call ${call.position} repeated its whole arguments after they were complete; the repeat was ignored`, {
        choice: state.index,
        toolCall: call.position,
        data: fragment,
      });
      return "";
    }
    call.appendArguments(fragment);
    return fragment;
  }

  private endCall(state: ChoiceState, call: ToolCallState): void {
    if (call.ended) return;
    call.ended = true;
    this.emit?.({
      type: "tool-call-end",
      choice: state.index,
      toolCall: call.position,
      id: call.id,
      name: call.name,
      arguments: call.arguments,
      chunk: this.chunkNumber,
    });
  }

  finish(): MergeResult {
    if (this.finished !== undefined) return this.finished;
    const ordered = [...this.choices.values()].sort((left, right) => left.index - right.index);
    const end = this.chunkNumber + 1;
    for (const state of ordered) {
      for (const call of state.toolCalls) {
        this.endCall(state, call);
        const where = { chunk: end, choice: state.index, toolCall: call.position };
        if (call.id === undefined || call.name === undefined) {
          const missing = [call.id === undefined ? "an id" : "", call.name === undefined ? "a name" : ""].filter(Boolean).join(" or ");
          this.diagnostics.push({ code: "incomplete-tool-call", message: `tool call ${call.position} never got ${missing}`, ...where });
        }
        const text = call.arguments;
        if (!isJson(text)) {
          this.diagnostics.push({
            code: "invalid-arguments",
            message: text === "" ? `tool call ${call.position} has no arguments` : `tool call ${call.position} arguments are not valid JSON`,
            data: text,
            ...where,
          });
        }
      }
      if (state.finishReason === null) {
        this.diagnostics.push({ code: "missing-finish-reason", message: `choice ${state.index} has no finish reason`, chunk: end, choice: state.index });
      }
    }
    if (ordered.length === 0 && this.error === undefined) {
      this.diagnostics.push({ code: "empty-stream", message: "the stream held no choice", chunk: end });
    }
    const completion: ChatCompletion = {
      id: this.id ?? "",
      object: "chat.completion",
      created: this.created ?? 0,
      model: this.model ?? "",
      choices: ordered.map((state) => state.toChoice()),
    };
    if (this.usage !== undefined) completion.usage = this.usage;
    assignExtras(completion, this.extras);
    this.finished = { completion, diagnostics: this.diagnostics };
    if (this.error !== undefined) this.finished.error = this.error;
    return this.finished;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A fragment that repeats the whole, complete arguments (a JSON object or array) already received. */
function isWholeRepeat(received: string, fragment: string): boolean {
  if (received !== fragment) return false;
  const first = received.trimStart()[0];
  return (first === "{" || first === "[") && isJson(received);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${String(value)}`;
}
