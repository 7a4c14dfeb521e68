import { type CoreHooks, MergeCore } from "../../core.js";
import { describeValue, isObject, type PlainObject, setOwn } from "../../shared/data.js";
import { inheritedKeys } from "../../shared/own-keys.js";
import type { OllamaResponse } from "./types.js";

/** Where each streamed text goes (made once: every chunk carries one). */
const responsePath = ["response"] as const;
const thinkingPath = ["thinking"] as const;
const contentPath = ["message", "content"] as const;
const messageThinkingPath = ["message", "thinking"] as const;

/**
 * Merges Ollama's NDJSON chunks into the answer a non-streaming call returns.
 * `/api/chat` chunks carry `message` fragments: `content` and `thinking`
 * joined, `tool_calls` (each sent whole) appended; `/api/generate` chunks
 * carry `response` and `thinking` fragments, joined. Every other field takes
 * its last value, so the final chunk's `done`, `done_reason`, `created_at`,
 * `context` and timings win. `{"error": "..."}` is the provider's error.
 */
export class OllamaMerger extends MergeCore<OllamaResponse> {
  readonly dialect = "ollama" as const;
  private readonly top: PlainObject = {};
  private readonly message: PlainObject = {};
  /** The fragments of each streamed text, in the order the texts first appeared (`message.content`, `response`...). */
  private readonly texts: Array<{ at: readonly string[]; fragments: string[] }> = [];
  private content: string[] | undefined;
  private messageThinking: string[] | undefined;
  private response: string[] | undefined;
  private thinking: string[] | undefined;
  private readonly toolCalls: unknown[] = [];
  private hasMessage = false;
  private done = false;
  /** Whether every field of the usual /api/chat chunk, and of the usual /api/generate chunk, is in the merged answer already (see `usualChunk`). */
  private chatReady = false;
  private generateReady = false;

  constructor(hooks: CoreHooks = {}) {
    super(hooks);
  }

  protected apply(chunk: PlainObject): void {
    if ((this.chatReady || this.generateReady) && this.usualChunk(chunk)) return;
    if (typeof chunk.error === "string" || isObject(chunk.error)) {
      this.recordError(this.keep(chunk));
      return;
    }
    const top = this.top;
    for (const key in chunk) {
      if (inheritedKeys && !Object.hasOwn(chunk, key)) continue;
      const value = chunk[key];
      // The fields every chunk carries are written by name: a store V8 can cache, where a computed key cannot be.
      switch (key) {
        case "model":
          top.model = value;
          break;
        case "created_at":
          top.created_at = value;
          break;
        case "done":
          top.done = value;
          break;
        case "message":
          if (isObject(value)) this.messagePart(value);
          else this.report("unplaced-content", `message must be an object, found ${describeValue(value)}; it was left out`, { data: value });
          continue;
        case "response":
        case "thinking":
          if (typeof value === "string") {
            if (key === "response") this.response = this.text(this.response, responsePath, value, "text-delta");
            else this.thinking = this.text(this.thinking, thinkingPath, value, "reasoning-delta");
          } else if (value !== null && value !== undefined) this.report("unplaced-content", `${key} must be a string, found ${describeValue(value)}; it was left out`, { data: value });
          continue;
        default:
          setOwn(top, key, value);
      }
      this.trace?.value([key], [key]);
    }
    if (!this.chatReady || !this.generateReady) this.lookIfReady();
    if (chunk.done === true) {
      this.done = true;
      const reason = typeof chunk.done_reason === "string" ? chunk.done_reason : "stop";
      this.emit?.({ type: "finish", finishReason: reason, event: this.event, choice: 0 });
      if (typeof chunk.eval_count === "number") this.emit?.({ type: "usage", usage: { prompt_eval_count: chunk.prompt_eval_count, eval_count: chunk.eval_count }, event: this.event, choice: 0 });
    }
  }

  /**
   * Nearly every chunk is `{model, created_at, message: {role, content}, done: false}` (or `response` for
   * `message` in /api/generate). Once each of those fields is in the merged answer, such a chunk changes no
   * key's place: it is merged here by name, as the loop in `apply` would merge it, without a keyed read
   * and a switch per key (about 0.1× of the JSON.parse floor on 120-byte chunks). Any other chunk, or one with any
   * other key, is left to `apply`, unchanged: then this returns false.
   */
  private usualChunk(chunk: PlainObject): boolean {
    for (const key in chunk) if (key !== "model" && key !== "created_at" && key !== "done" && key !== "message" && key !== "response") return false;
    const { done, message, response } = chunk;
    if (done !== false || chunk.model === undefined || chunk.created_at === undefined) return false;
    if (message !== undefined) {
      if (!this.chatReady || response !== undefined || !isObject(message)) return false;
      for (const key in message) if (key !== "role" && key !== "content") return false;
      const content = message.content;
      if (typeof content !== "string" || message.role === undefined) return false;
      this.message.role = message.role;
      this.content = this.text(this.content, contentPath, content, "text-delta");
    } else if (!this.generateReady || typeof response !== "string") return false;
    else this.response = this.text(this.response, responsePath, response, "text-delta");
    const top = this.top;
    top.model = chunk.model;
    top.created_at = chunk.created_at;
    top.done = done;
    return true;
  }

  /** Sets `chatReady` and `generateReady` once the merged answer has every field of the usual chunk (never when tracing for a residual: that takes the loop). */
  private lookIfReady(): void {
    const top = this.top;
    if (this.trace !== undefined || inheritedKeys || !Object.hasOwn(top, "model") || !Object.hasOwn(top, "created_at") || !Object.hasOwn(top, "done")) return;
    this.chatReady = this.content !== undefined && Object.hasOwn(this.message, "role");
    this.generateReady = this.response !== undefined;
  }

  private messagePart(message: PlainObject): void {
    if (!this.hasMessage) setOwn(this.top, "message", this.message);
    this.hasMessage = true;
    const merged = this.message;
    for (const key in message) {
      if (inheritedKeys && !Object.hasOwn(message, key)) continue;
      const value = message[key];
      if (key === "content" && typeof value === "string") this.content = this.text(this.content, contentPath, value, "text-delta");
      else if (key === "role" && value !== undefined) {
        merged.role = value;
        this.trace?.value(["message", key], ["message", key]);
      } else if (key === "thinking" && typeof value === "string") this.messageThinking = this.text(this.messageThinking, messageThinkingPath, value, "reasoning-delta");
      else if (key === "tool_calls" && Array.isArray(value)) {
        if (!Object.hasOwn(merged, key)) setOwn(merged, key, this.toolCalls);
        value.forEach((call, entry) => {
          const position = this.toolCalls.push(this.keep(call)) - 1;
          this.trace?.value(["message", key, entry], ["message", key, position]);
          const fn = isObject(call) && isObject(call.function) ? call.function : undefined;
          const id = isObject(call) && typeof call.id === "string" ? call.id : undefined;
          this.emit?.({ type: "tool-call-end", toolCall: position, id, name: typeof fn?.name === "string" ? fn.name : undefined, arguments: JSON.stringify(fn?.arguments ?? {}), event: this.event, choice: 0 });
        });
      } else if (value !== undefined) {
        setOwn(merged, key, value);
        this.trace?.value(["message", key], ["message", key]);
      }
    }
  }

  /** Appends a text fragment; the first one places the text where it first appeared. */
  private text(fragments: string[] | undefined, at: readonly string[], value: string, type: "text-delta" | "reasoning-delta"): string[] {
    let list = fragments;
    if (list === undefined) {
      list = [];
      this.texts.push({ at, fragments: list });
      setOwn(at.length === 1 ? this.top : this.message, at.at(-1)!, "");
    }
    list.push(value);
    this.trace?.slice(at as string[], at as string[]);
    if (value !== "") this.emit?.({ type, delta: value, event: this.event, choice: 0 });
    return list;
  }

  protected build() {
    for (const { at, fragments } of this.texts) setOwn(at.length === 1 ? this.top : this.message, at.at(-1)!, fragments.join(""));
    const end = this.eventsRead;
    if (end === 0 && !this.hasError) this.report("empty-stream", "the stream held no chunk", { event: end });
    else if (!this.done && !this.hasError) this.report("incomplete-stream", 'the stream ended without a chunk with "done": true (it may have been cut)', { event: end });
    return { merged: this.top as OllamaResponse, complete: this.done };
  }
}
