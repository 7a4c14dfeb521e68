import { assignExtras, type Extras, type PlainObject, setOwn } from "../../shared/data.js";
import type { ContentParts } from "./content-parts.js";
import type { ReasoningDetailsState } from "./reasoning-details.js";
import type { ToolCallState } from "./tool-call-state.js";
import type { AssistantMessage, CompletionChoice, ContentPart, Logprobs } from "./types.js";

/** One choice (`choices[].index`) being assembled. */
export class ChoiceState {
  role: string | undefined;
  readonly content: string[] = [];
  /** The content as a list of parts, once a delta gave it as one (Mistral). */
  contentParts: ContentParts | undefined;
  readonly refusal: string[] = [];
  reasoning: string[] | undefined;
  reasoningContent: string[] | undefined;
  reasoningDetails: ReasoningDetailsState | undefined;
  readonly toolCalls: ToolCallState[] = [];
  /** The call currently open at each stream index. */
  readonly openByIndex = new Map<number, ToolCallState>();
  /** Calls not yet ended, all and those without a stream index. */
  readonly openCalls = new Set<ToolCallState>();
  readonly openWithoutIndex = new Set<ToolCallState>();
  /** The first call that got each id, for fragments placed by id. */
  readonly callsById = new Map<string, ToolCallState>();
  /** Message extras whose array is a copy of our own (safe to append to). */
  readonly ownArrays = new Set<string>();
  finishReason: string | null = null;
  logprobs: { content: unknown[] | null; refusal: unknown[] | null; extras: PlainObject } | null = null;
  /** Unnamed choice fields (`native_finish_reason`...): the last non-null value. */
  readonly extras: Extras = new Map();
  /** Unnamed message fields: arrays concatenated, other values the last non-null. */
  readonly messageExtras: Extras = new Map();

  /** Position in the merged `choices`, known once merging ends (choices are sorted by index). */
  position = -1;

  constructor(readonly index: number) {}

  addLogprobs(value: Logprobs): void {
    this.logprobs ??= { content: null, refusal: null, extras: Object.create(null) };
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (key === "content" || key === "refusal") {
        if (Array.isArray(item)) {
          const current = this.logprobs[key];
          if (current === null) this.logprobs[key] = [...item];
          else for (const entry of item) current.push(entry);
        }
      } else if (item !== undefined && (item !== null || !Object.hasOwn(this.logprobs.extras, key))) {
        setOwn(this.logprobs.extras, key, item);
      }
    }
  }

  toChoice(): CompletionChoice {
    const message: AssistantMessage = {
      role: this.role ?? "assistant",
      content: this.contentParts !== undefined ? (this.contentParts.parts as ContentPart[]) : this.content.length > 0 ? this.content.join("") : null,
      refusal: this.refusal.length > 0 ? this.refusal.join("") : null,
    };
    if (this.toolCalls.length > 0) message.tool_calls = this.toolCalls.map((call) => call.toToolCall());
    if (this.reasoning !== undefined) message.reasoning = this.reasoning.join("");
    if (this.reasoningContent !== undefined) message.reasoning_content = this.reasoningContent.join("");
    if (this.reasoningDetails !== undefined) message.reasoning_details = this.reasoningDetails.toEntries();
    assignExtras(message, this.messageExtras);
    let logprobs: Logprobs | null = null;
    if (this.logprobs !== null) {
      logprobs = { content: this.logprobs.content, refusal: this.logprobs.refusal };
      for (const key of Object.keys(this.logprobs.extras)) setOwn(logprobs, key, this.logprobs.extras[key]);
    }
    const choice: CompletionChoice = { index: this.index, message, finish_reason: this.finishReason, logprobs };
    assignExtras(choice, this.extras);
    return choice;
  }
}
