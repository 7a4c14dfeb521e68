import type { ToolCall } from "./types.js";
import { assignExtras, type Extras } from "../../shared/data.js";

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
  readonly extras: Extras = new Map();
  readonly functionExtras: Extras = new Map();

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
    assignExtras(fn, this.functionExtras);
    const call: ToolCall = { id: this.id ?? "", type: this.type ?? "function", function: fn };
    assignExtras(call, this.extras);
    return call;
  }
}
