import { describeValue, isObject, keepLast, nonEmpty, type PlainObject } from "../../shared/data.js";
import type { OpenaiChatMerger } from "./merger.js";
import { ChoiceState } from "./choice-state.js";
import { ContentParts } from "./content-parts.js";
import { ReasoningDetailsState } from "./reasoning-details.js";
import { endCall, pushToolCall } from "./tool-call-merger.js";
import { inheritedKeys } from "../../shared/own-keys.js";

/** Merges one entry of a chunk's `choices` (at `position` in that array). */
export function pushChoice(core: OpenaiChatMerger, choice: unknown, position: number): void {
  if (!isObject(choice)) {
    core.report("invalid-event", `expected a choice object, found ${describeValue(choice)}`, { data: choice });
    return;
  }
  const index = choice.index ?? 0;
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0) {
    core.report("invalid-event", `choices[].index must be a whole number, found ${describeValue(index)}`, { data: choice });
    return;
  }
  let state = core.lastChoice?.index === index ? core.lastChoice : core.choices.get(index);
  if (state === undefined) {
    state = new ChoiceState(index);
    core.choices.set(index, state);
  }
  core.lastChoice = state;
  core.tracer?.value(["choices", position], ["choices", state]);
  let finishReason: string | undefined;
  for (const key in choice) {
    if (inheritedKeys && !Object.hasOwn(choice, key)) continue;
    const value = choice[key];
    switch (key) {
      case "index":
        break;
      case "delta":
        if (isObject(value)) pushDelta(core, state, value, position);
        else if (value !== null && value !== undefined) {
          core.report("invalid-event", `delta must be an object, found ${describeValue(value)}`, { choice: index, data: value });
        }
        break;
      case "finish_reason":
        finishReason = nonEmpty(value);
        break;
      case "logprobs":
        if (isObject(value)) state.addLogprobs(value);
        break;
      case "text":
        // A legacy completion's text in a chat stream: a chat message has no place for it.
        if (value !== null && value !== undefined) {
          core.report("unplaced-content", 'a chat chunk\'s choice has a "text" field (a legacy completion\'s; see openai-completions), which a chat message has no place for; it was left out', { choice: index, data: value });
        }
        break;
      default:
        // A merged choice's own key: a chunk's choice may not overwrite it with a field of its own.
        if (key === "message") {
          core.report("invalid-event", `a chunk's choice has a "${key}" field, which a merged choice uses for itself; it was left out`, { choice: index, data: value });
        } else keepLast(state.extras, key, value);
    }
  }
  if (finishReason !== undefined) {
    if (state.finishReason === null) core.finishedAChoice = true;
    state.finishReason = finishReason;
    for (const call of state.openCalls) endCall(core, state, call);
    core.emitter?.({ type: "finish", choice: index, finishReason, event: core.eventNumber });
  }
}

function pushDelta(core: OpenaiChatMerger, state: ChoiceState, delta: PlainObject, position: number): void {
  core.tracer?.value(["choices", position, "delta"], ["choices", state, "message"]);
  for (const key in delta) {
    if (inheritedKeys && !Object.hasOwn(delta, key)) continue;
    const value = delta[key];
    switch (key) {
      case "role":
        if (state.role === undefined) state.role = nonEmpty(value);
        break;
      case "content":
        if (Array.isArray(value)) pushContentParts(core, state, value);
        else if (isText(core, state, key, value)) {
          if (state.contentParts !== undefined) state.contentParts.addText(value);
          else {
            state.content.push(value);
            core.tracer?.slice(["choices", position, "delta", key], ["choices", state, "message", "content"]);
          }
          core.emitter?.({ type: "text-delta", choice: state.index, delta: value, event: core.eventNumber });
        }
        break;
      case "refusal":
        if (isText(core, state, key, value)) {
          state.refusal.push(value);
          core.tracer?.slice(["choices", position, "delta", key], ["choices", state, "message", "refusal"]);
          core.emitter?.({ type: "refusal-delta", choice: state.index, delta: value, event: core.eventNumber });
        }
        break;
      case "reasoning":
      case "reasoning_content":
        if (isText(core, state, key, value)) {
          if (key === "reasoning") {
            state.reasoning ??= [];
            state.reasoning.push(value);
          } else {
            state.reasoningContent ??= [];
            state.reasoningContent.push(value);
          }
          core.tracer?.slice(["choices", position, "delta", key], ["choices", state, "message", key]);
          core.emitter?.({ type: "reasoning-delta", choice: state.index, delta: value, event: core.eventNumber });
        }
        break;
      case "reasoning_details":
        if (Array.isArray(value)) pushReasoningDetails(core, state, value, position);
        else if (value !== null && value !== undefined) {
          core.report("invalid-event", `reasoning_details must be an array, found ${describeValue(value)}`, { choice: state.index, data: value });
        }
        break;
      case "tool_calls":
        if (Array.isArray(value)) for (let entry = 0; entry < value.length; entry += 1) pushToolCall(core, state, value[entry], position, entry);
        else if (value !== null && value !== undefined) {
          core.report("invalid-event", `tool_calls must be an array, found ${describeValue(value)}`, { choice: state.index, data: value });
        }
        break;
      default:
        addMessageExtra(state, key, value);
    }
  }
}

/** Content given as a list of parts (Mistral): merged part by part, kept in the provider's own shape. */
function pushContentParts(core: OpenaiChatMerger, state: ChoiceState, parts: unknown[]): void {
  state.contentParts ??= new ContentParts(state.content.join(""));
  for (const part of parts) {
    const added = state.contentParts.add(part);
    if (added === undefined) {
      core.report("unplaced-content", `a content part must be an object, found ${describeValue(part)}; it was left out`, { choice: state.index, data: part });
    } else if (added.kind !== "other" && added.text !== "") {
      core.emitter?.({ type: added.kind === "text" ? "text-delta" : "reasoning-delta", choice: state.index, delta: added.text, event: core.eventNumber });
    }
  }
}

function pushReasoningDetails(core: OpenaiChatMerger, state: ChoiceState, fragments: unknown[], position: number): void {
  state.reasoningDetails ??= new ReasoningDetailsState();
  fragments.forEach((fragment, entry) => {
    const added = state.reasoningDetails!.add(fragment);
    if (added === undefined) {
      core.report("invalid-event", `a reasoning_details entry must be an object, found ${describeValue(fragment)}`, { choice: state.index, data: fragment });
      return;
    }
    core.tracer?.value(["choices", position, "delta", "reasoning_details", entry], ["choices", state, "message", "reasoning_details", added.position]);
    if (added.field !== undefined && added.text !== undefined) {
      core.tracer?.slice(["choices", position, "delta", "reasoning_details", entry, added.field], ["choices", state, "message", "reasoning_details", added.position, added.field]);
    }
  });
}

/** An unnamed message field: arrays are concatenated (into an array of our own, in linear time), other values keep the last non-null. */
function addMessageExtra(state: ChoiceState, key: string, value: unknown): void {
  const current = state.messageExtras.get(key);
  if (Array.isArray(value)) {
    if (Array.isArray(current) && state.ownArrays.has(key)) {
      for (const item of value) current.push(item);
      return;
    }
    if (Array.isArray(current)) {
      state.messageExtras.set(key, [...current, ...value]);
      state.ownArrays.add(key);
      return;
    }
  }
  keepLast(state.messageExtras, key, value);
  state.ownArrays.delete(key);
}

/** Whether a text field holds text to add; a non-string, non-null value is reported. */
function isText(core: OpenaiChatMerger, state: ChoiceState, key: string, value: unknown): value is string {
  if (typeof value === "string") return value !== "";
  if (value !== null && value !== undefined) {
    core.report("invalid-event", `delta.${key} must be a string, found ${describeValue(value)}`, { choice: state.index, data: value });
  }
  return false;
}
