import type { ToolCall } from "../types.js";
import { type PlainObject, setOwn } from "./data.js";

/** A tool call being assembled from its fragments. */
export class ToolCallState {
  id: string | undefined;
  type: string | undefined;
  name: string | undefined;
  /** Fragments, joined once at the end: O(n) overall. */
  readonly parts: string[] = [];
  argumentsLength = 0;
  ended = false;
  /** Whether `tool-call-start` was emitted. */
  started = false;
  readonly extras: PlainObject = Object.create(null);
  readonly functionExtras: PlainObject = Object.create(null);

  constructor(
    /** Position in `message.tool_calls`. */
    readonly position: number,
    /** The stream's `index`, when it had one. */
    readonly index: number | undefined,
  ) {}

  appendArguments(fragment: string): void {
    this.parts.push(fragment);
    this.argumentsLength += fragment.length;
  }

  get arguments(): string {
    if (this.parts.length > 1) {
      const joined = this.parts.join("");
      this.parts.length = 0;
      this.parts.push(joined);
    }
    return this.parts[0] ?? "";
  }

  toToolCall(): ToolCall {
    const fn: ToolCall["function"] = { name: this.name ?? "", arguments: this.arguments };
    for (const key of Object.keys(this.functionExtras)) setOwn(fn, key, this.functionExtras[key]);
    const call: ToolCall = { id: this.id ?? "", type: this.type ?? "function", function: fn };
    for (const key of Object.keys(this.extras)) setOwn(call, key, this.extras[key]);
    return call;
  }
}
