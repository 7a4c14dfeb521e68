import { describeValue, isJson, isObject, keepLast, nonEmpty, type PlainObject } from "../../shared/data.js";
import type { ChoiceState } from "./choice-state.js";
import type { OpenaiChatMerger } from "./merger.js";
import { ToolCallState } from "./tool-call-state.js";
import { inheritedKeys } from "../../shared/own-keys.js";

/** Merges one tool-call fragment of a delta (entry `entry` of `choices[position].delta.tool_calls`). */
export function pushToolCall(core: OpenaiChatMerger, state: ChoiceState, delta: unknown, position: number, entry: number): void {
  if (!isObject(delta)) {
    core.report("unplaced-delta", `expected a tool-call object, found ${describeValue(delta)}`, { choice: state.index, data: delta });
    return;
  }
  const call = placeToolCall(core, state, delta);
  if (call !== undefined) applyToolCall(core, state, call, delta, ["choices", position, "delta", "tool_calls", entry]);
}

/**
 * Which call a fragment belongs to: its `index`; a new non-empty id different
 * from the open call's id at that index starts a new call; with no index, the
 * call with that id, else the only open call.
 */
function placeToolCall(core: OpenaiChatMerger, state: ChoiceState, delta: PlainObject): ToolCallState | undefined {
  const index = delta.index;
  const id = nonEmpty(delta.id);
  if (typeof index === "number" && Number.isInteger(index) && index >= 0) {
    const open = state.openByIndex.get(index);
    if (open !== undefined && !(id !== undefined && open.id !== undefined && id !== open.id)) return open;
    if (open !== undefined) endCall(core, state, open);
    const call = startCall(state, index);
    state.openByIndex.set(index, call);
    return call;
  }
  if (index !== undefined && index !== null) {
    core.report("unplaced-delta", `tool_calls[].index must be a whole number, found ${describeValue(index)}`, { choice: state.index, data: delta });
    return undefined;
  }
  if (id !== undefined) {
    const known = state.callsById.get(id);
    if (known !== undefined) return known;
    for (const call of state.openWithoutIndex) endCall(core, state, call);
    return startCall(state, undefined);
  }
  if (state.openCalls.size === 1) return state.openCalls.values().next().value;
  core.report(
    "unplaced-delta",
    state.openCalls.size === 0
      ? "a tool-call fragment without index or id arrived while no call was open"
      : `a tool-call fragment without index or id arrived while ${state.openCalls.size} calls were open`,
    { choice: state.index, data: delta },
  );
  return undefined;
}

function startCall(state: ChoiceState, index: number | undefined): ToolCallState {
  const call = new ToolCallState(state.toolCalls.length, index);
  state.toolCalls.push(call);
  state.openCalls.add(call);
  if (index === undefined) state.openWithoutIndex.add(call);
  return call;
}

function applyToolCall(core: OpenaiChatMerger, state: ChoiceState, call: ToolCallState, delta: PlainObject, at: Array<string | number>): void {
  const isNew = !call.started;
  const to = ["choices", state, "message", "tool_calls", call];
  core.tracer?.value(at, to);
  let learnedId: string | undefined;
  let learnedName: string | undefined;
  let fragment = "";
  for (const key in delta) {
    if (inheritedKeys && !Object.hasOwn(delta, key)) continue;
    const value = delta[key];
    switch (key) {
      case "index":
        break;
      case "id":
        learnedId = firstValue(core, state, call, "id", value);
        break;
      case "type":
        firstValue(core, state, call, "type", value);
        break;
      case "function":
        if (isObject(value)) {
          for (const functionKey in value) {
            const item = value[functionKey];
            if (functionKey === "name") learnedName = firstValue(core, state, call, "name", item);
            else if (functionKey === "arguments") {
              const piece = argumentsFragment(core, state, call, item);
              if (piece !== "") {
                fragment += piece;
                if (typeof item === "string") core.tracer?.slice([...at, "function", "arguments"], [...to, "function", "arguments"]);
              }
            } else keepLast(call.functionExtras, functionKey, item);
          }
        } else if (value !== null && value !== undefined) {
          core.report("invalid-event", `tool_calls[].function must be an object, found ${describeValue(value)}`, { choice: state.index, toolCall: call.position, data: value });
        }
        break;
      default:
        keepLast(call.extras, key, value);
    }
  }
  const emit = core.emitter;
  if (isNew) {
    call.started = true;
    emit?.({ type: "tool-call-start", choice: state.index, toolCall: call.position, id: call.id, name: call.name, event: core.eventNumber });
    learnedId = undefined;
    learnedName = undefined;
  }
  if (emit !== undefined && (fragment !== "" || learnedId !== undefined || learnedName !== undefined)) {
    const event: Parameters<typeof emit>[0] = { type: "tool-call-delta", choice: state.index, toolCall: call.position, argumentsDelta: fragment, event: core.eventNumber };
    if (learnedId !== undefined) event.id = learnedId;
    if (learnedName !== undefined) event.name = learnedName;
    emit(event);
  }
}

/** Keeps the first non-empty id, type or name; returns it when it is new. A different repeat is reported. */
function firstValue(core: OpenaiChatMerger, state: ChoiceState, call: ToolCallState, field: "id" | "type" | "name", value: unknown): string | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  const current = call[field];
  if (current === undefined) {
    call[field] = text;
    if (field === "id") state.callsById.set(text, call);
    return text;
  }
  if (current !== text) {
    core.report("conflicting-tool-call", `tool call ${call.position} has ${field} "${current}"; a later "${text}" was ignored`, { choice: state.index, toolCall: call.position, data: value });
  }
  return undefined;
}

function argumentsFragment(core: OpenaiChatMerger, state: ChoiceState, call: ToolCallState, value: unknown): string {
  let fragment: string;
  if (typeof value === "string") fragment = value;
  else if (isObject(value) || Array.isArray(value)) fragment = JSON.stringify(value);
  else {
    if (value !== null && value !== undefined) {
      core.report("invalid-event", `arguments must be a string, found ${describeValue(value)}`, { choice: state.index, toolCall: call.position, data: value });
    }
    return "";
  }
  if (fragment === "") return "";
  if (fragment.length === call.argumentsLength && isWholeRepeat(call.arguments, fragment)) {
    core.report("repeated-arguments", `tool call ${call.position} repeated its whole arguments after they were complete; the repeat was ignored`, {
      choice: state.index,
      toolCall: call.position,
      data: fragment,
    });
    return "";
  }
  call.appendArguments(fragment);
  return fragment;
}

/** Ends a call: its `tool-call-end` event, once. */
export function endCall(core: OpenaiChatMerger, state: ChoiceState, call: ToolCallState): void {
  if (call.ended) return;
  call.ended = true;
  state.openCalls.delete(call);
  state.openWithoutIndex.delete(call);
  core.emitter?.({ type: "tool-call-end", choice: state.index, toolCall: call.position, id: call.id, name: call.name, arguments: call.arguments, event: core.eventNumber });
}

/** End-of-stream findings about a choice's calls: no id or name, arguments that are not JSON. */
export function validateCalls(core: OpenaiChatMerger, state: ChoiceState, end: number): void {
  for (const call of state.toolCalls) {
    const where = { event: end, choice: state.index, toolCall: call.position };
    if (call.id === undefined || call.name === undefined) {
      const missing = [call.id === undefined ? "an id" : "", call.name === undefined ? "a name" : ""].filter(Boolean).join(" or ");
      core.report("incomplete-tool-call", `tool call ${call.position} never got ${missing}`, where);
    }
    const text = call.arguments;
    if (!isJson(text)) {
      core.report("invalid-arguments", text === "" ? `tool call ${call.position} has no arguments` : `tool call ${call.position} arguments are not valid JSON`, { ...where, data: text });
    }
  }
}

/** A fragment that repeats the whole, complete arguments (a JSON object or array) already received. */
function isWholeRepeat(received: string, fragment: string): boolean {
  if (received !== fragment) return false;
  const first = received.trimStart()[0];
  return (first === "{" || first === "[") && isJson(received);
}
