import { type CoreHooks, MergeCore } from "../../core.js";
import { describeValue, isObject, type PlainObject, setOwn } from "../../shared/data.js";
import { inheritedKeys } from "../../shared/own-keys.js";
import type { GenerateContentResponse } from "./types.js";

/** A merged part: a run of text fragments (same `thought`), or a part kept as sent (a function call...). */
class PartState {
  position = -1;
  readonly texts: string[] = [];

  constructor(
    /** The first fragment (or the whole part): its keys and their order. */
    readonly part: PlainObject,
    readonly run: boolean,
  ) {
    if (run) this.texts.push(part.text as string);
  }

  get thought(): boolean {
    return this.part.thought === true;
  }

  finish(): PlainObject {
    if (this.run) setOwn(this.part, "text", this.texts.join(""));
    return this.part;
  }
}

class CandidateState {
  position = -1;
  readonly fields: PlainObject = {};
  readonly content: PlainObject = {};
  readonly parts: PartState[] = [];
  toolCalls = 0;
  /** Whether the merged content has its `parts` and `role` keys yet (in the order they first came). */
  placedParts = false;
  placedRole = false;

  constructor(readonly index: number) {}

  get lastPart(): PartState | undefined {
    return this.parts[this.parts.length - 1];
  }
}

/**
 * Merges a Gemini stream into one `GenerateContentResponse`
 * (docs/dialects/gemini.md, "Merge"): candidates by `index` (missing: 0); parts in
 * order, adjacent text parts of the same `thought` joined; a `thoughtSignature`
 * kept on its text run (moved there from a trailing empty part, a new run when
 * it differs); empty text parts without a signature dropped; function calls
 * never merged; finish reasons, metadata and usage the last seen.
 */
export class GeminiMerger extends MergeCore<GenerateContentResponse> {
  readonly dialect = "gemini" as const;
  private readonly top: PlainObject = {};
  private readonly candidates = new Map<number, CandidateState>();
  private chunks = 0;
  /** Whether `candidates` has its place in the merged object's key order yet. */
  private placedCandidates = false;

  constructor(hooks: CoreHooks = {}) {
    super(hooks);
  }

  protected apply(chunk: PlainObject): void {
    this.chunks += 1;
    if (isObject(chunk.error) && chunk.candidates === undefined) {
      // An error where a chunk was expected ({"error": {code, message, status}}), as Google's APIs send mid-stream.
      this.recordError(this.keep(chunk));
      return;
    }
    const top = this.top;
    for (const key in chunk) {
      if (inheritedKeys && !Object.hasOwn(chunk, key)) continue;
      const value = chunk[key];
      if (key === "candidates") {
        // A place in the key order; filled at the end.
        if (!this.placedCandidates) {
          this.placedCandidates = true;
          top.candidates = [];
        }
        continue;
      }
      // The fields every chunk carries are written by name: a store V8 can cache, where a computed key cannot be.
      if (value !== undefined) {
        if (key === "usageMetadata") top.usageMetadata = value;
        else if (key === "modelVersion") top.modelVersion = value;
        else if (key === "responseId") top.responseId = value;
        else setOwn(top, key, value);
      }
      this.trace?.value([key], [key]);
      if (key === "usageMetadata" && isObject(value)) this.emit?.({ type: "usage", usage: value, event: this.event, choice: 0 });
    }
    const candidates = chunk.candidates;
    if (candidates === undefined) return;
    if (!Array.isArray(candidates)) {
      this.report("invalid-event", `candidates must be an array, found ${describeValue(candidates)}`, { data: candidates });
      return;
    }
    for (let position = 0; position < candidates.length; position += 1) this.candidate(candidates[position], position);
  }

  private candidate(value: unknown, position: number): void {
    if (!isObject(value)) {
      this.report("invalid-event", `a candidate must be an object, found ${describeValue(value)}`, { data: value });
      return;
    }
    const index = value.index ?? 0;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0) {
      this.report("invalid-event", `a candidate's index must be a whole number, found ${describeValue(index)}`, { data: value });
      return;
    }
    let state = this.candidates.get(index);
    if (state === undefined) {
      state = new CandidateState(index);
      this.candidates.set(index, state);
    }
    this.trace?.value(["candidates", position], ["candidates", state]);
    const fields = state.fields;
    for (const key in value) {
      if (inheritedKeys && !Object.hasOwn(value, key)) continue;
      const field = value[key];
      if (key === "content") fields.content = state.content;
      else if (field === undefined) continue;
      else if (key === "index") fields.index = field;
      else if (key === "finishReason") fields.finishReason = field;
      else setOwn(fields, key, field);
    }
    if (isObject(value.content)) this.content(state, value.content, position);
    else if (value.content !== undefined) this.report("invalid-event", `a candidate's content must be an object, found ${describeValue(value.content)}`, { choice: index, data: value });
    if (typeof value.finishReason === "string" && value.finishReason !== "") {
      this.emit?.({ type: "finish", finishReason: value.finishReason, event: this.event, choice: index });
    }
  }

  /** A candidate's content, the candidate at `position` in its chunk. */
  private content(state: CandidateState, content: PlainObject, position: number): void {
    const merged = state.content;
    for (const key in content) {
      if (inheritedKeys && !Object.hasOwn(content, key)) continue;
      if (key === "parts") {
        if (!state.placedParts) {
          state.placedParts = true;
          merged.parts = [];
        }
      } else if (key === "role") {
        // The first role stays.
        if (!state.placedRole) {
          state.placedRole = true;
          merged.role = content.role;
        }
      } else setOwn(merged, key, content[key]);
    }
    this.trace?.value(["candidates", position, "content"], ["candidates", state, "content"]);
    const parts = content.parts;
    if (parts === undefined) return;
    if (!Array.isArray(parts)) {
      this.report("invalid-event", `content.parts must be an array, found ${describeValue(parts)}`, { choice: state.index, data: parts });
      return;
    }
    for (let at = 0; at < parts.length; at += 1) this.part(state, parts[at], position, at);
  }

  /** Part `at` of the content of the candidate at `position` in its chunk. */
  private part(state: CandidateState, part: unknown, position: number, at: number): void {
    if (!isObject(part)) {
      this.report("invalid-event", `a part must be an object, found ${describeValue(part)}`, { choice: state.index, data: part });
      return;
    }
    if (typeof part.text !== "string") {
      const kept = new PartState(this.keep(part), false);
      state.parts.push(kept);
      this.trace?.value(["candidates", position, "content", "parts", at], ["candidates", state, "content", "parts", kept]);
      if (isObject(part.functionCall)) {
        const call = part.functionCall;
        const toolCall = state.toolCalls;
        state.toolCalls += 1;
        const id = typeof call.id === "string" ? call.id : undefined;
        const name = typeof call.name === "string" ? call.name : undefined;
        const args = JSON.stringify(call.args ?? {});
        this.emit?.({ type: "tool-call-start", toolCall, id, name, event: this.event, choice: state.index });
        this.emit?.({ type: "tool-call-delta", toolCall, argumentsDelta: args, event: this.event, choice: state.index });
        this.emit?.({ type: "tool-call-end", toolCall, id, name, arguments: args, event: this.event, choice: state.index });
      }
      return;
    }
    const text = part.text;
    const thought = part.thought === true;
    const signature = typeof part.thoughtSignature === "string" ? part.thoughtSignature : undefined;
    const last = state.lastPart;
    const sameRun = last?.run === true && last.thought === thought;
    if (text === "") {
      // An empty part: its signature goes onto the run before it; without one it is dropped (the residual keeps it).
      if (signature === undefined) return;
      if (sameRun && (last.part.thoughtSignature === undefined || last.part.thoughtSignature === signature)) {
        setOwn(last.part, "thoughtSignature", signature);
        this.trace?.value(["candidates", position, "content", "parts", at], ["candidates", state, "content", "parts", last]);
        return;
      }
      const kept = new PartState(this.keep(part), true);
      state.parts.push(kept);
      this.trace?.value(["candidates", position, "content", "parts", at], ["candidates", state, "content", "parts", kept]);
      return;
    }
    let run: PartState;
    if (sameRun && (signature === undefined || last.part.thoughtSignature === undefined || last.part.thoughtSignature === signature)) {
      run = last;
      run.texts.push(text);
      for (const key in part) if (key !== "text" && !Object.hasOwn(run.part, key) && (!inheritedKeys || Object.hasOwn(part, key))) setOwn(run.part, key, this.keep(part[key]));
    } else {
      run = new PartState(this.keep(part), true);
      state.parts.push(run);
    }
    this.trace?.value(["candidates", position, "content", "parts", at], ["candidates", state, "content", "parts", run]);
    this.trace?.slice(["candidates", position, "content", "parts", at, "text"], ["candidates", state, "content", "parts", run, "text"]);
    this.emit?.({ type: thought ? "reasoning-delta" : "text-delta", delta: text, event: this.event, choice: state.index });
  }

  protected build() {
    const end = this.eventsRead;
    const ordered = [...this.candidates.values()].sort((left, right) => left.index - right.index);
    const candidates = ordered.map((state, position) => {
      state.position = position;
      if (Object.hasOwn(state.content, "parts") || state.parts.length > 0) {
        setOwn(
          state.content,
          "parts",
          state.parts.map((part, partPosition) => {
            part.position = partPosition;
            return part.finish();
          }),
        );
      }
      return state.fields;
    });
    if (Object.hasOwn(this.top, "candidates")) setOwn(this.top, "candidates", candidates);
    const blocked = isObject(this.top.promptFeedback) && typeof this.top.promptFeedback.blockReason === "string";
    const finished = ordered.length > 0 && ordered.every((state) => typeof state.fields.finishReason === "string");
    if (this.chunks === 0 && !this.hasError) this.report("empty-stream", "the stream held no chunk", { event: end });
    else if (!finished && !blocked && !this.hasError) {
      this.report("incomplete-stream", "no finish reason arrived for every candidate (the stream may have been cut)", { event: end });
    }
    return { merged: this.top as GenerateContentResponse, complete: finished || blocked };
  }
}
