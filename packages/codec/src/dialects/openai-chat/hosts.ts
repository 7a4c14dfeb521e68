import type { ChunkDelta, ToolCall, ToolCallDelta } from "./types.js";

/**
 * The hosts whose way of streaming chat chunks `split` can imitate: `openai`
 * (the specification's) and the five OpenRouter hosts of the recordings.
 */
export type ChatHost = "openai" | "novita" | "together" | "fireworks" | "siliconflow" | "chutes";

/**
 * How one host shapes its deltas (see docs/dialects/openai-chat.md, "The five recordings", and the
 * recorded fixtures). Every function returns a fresh object.
 */
export interface HostShape {
  /** The delta that opens a choice, or `undefined` when the first text delta opens it. */
  opening(role: string, hasText: boolean): ChunkDelta | undefined;
  /** A text fragment (`content`, `refusal`, `reasoning`, `reasoning_content`). */
  text(role: string, field: string, fragment: string): ChunkDelta;
  /** A delta sent between text and the first tool call, if any. */
  beforeToolCalls?(role: string): ChunkDelta;
  /** The delta wrapping tool-call entries. */
  toolCalls(role: string, entries: ToolCallDelta[]): ChunkDelta;
  /** The first entry of a call: its id, type and name. */
  toolCallOpener(index: number, call: ToolCall): ToolCallDelta;
  /** An arguments fragment of a call. */
  toolCallFragment(index: number, call: ToolCall, fragment: string): ToolCallDelta;
  /** An entry after a call's last fragment (Fireworks' trailing `""`). */
  toolCallCloser?(index: number, call: ToolCall): ToolCallDelta;
  /** The delta of the chunk that carries `finish_reason`. */
  finish(role: string): ChunkDelta;
  /** Whether the usage chunk carries an empty choice (OpenRouter) or `choices: []` (OpenAI). */
  usageCarriesChoice: boolean;
}

const openai: HostShape = {
  opening: (role) => ({ role, content: "", refusal: null }),
  text: (_role, field, fragment) => ({ [field]: fragment }),
  toolCalls: (_role, entries) => ({ tool_calls: entries }),
  toolCallOpener: (index, call) => ({ index, id: call.id, type: call.type, function: { name: call.function.name, arguments: "" } }),
  toolCallFragment: (index, _call, fragment) => ({ index, function: { arguments: fragment } }),
  finish: () => ({}),
  usageCarriesChoice: false,
};

/** What the five OpenRouter hosts share: every delta names the role, tool deltas carry `content: null`. */
const openRouterBase = {
  opening: (role: string) => ({ role, content: "" }),
  text: (role: string, field: string, fragment: string) => ({ role, [field]: fragment }),
  toolCalls: (role: string, entries: ToolCallDelta[]) => ({ role, content: null, tool_calls: entries }),
  finish: (role: string) => ({ role, content: "" }),
  usageCarriesChoice: true,
};

const novita: HostShape = {
  ...openRouterBase,
  toolCallOpener: (index, call) => ({ index, id: call.id, type: call.type, function: { name: call.function.name } }),
  toolCallFragment: (index, call, fragment) => ({ index, function: { arguments: fragment }, type: call.type }),
};

const together: HostShape = {
  ...openRouterBase,
  opening: (role, hasText) => (hasText ? undefined : { role, content: "" }),
  beforeToolCalls: (role) => ({ role, content: "" }),
  toolCallOpener: (index, call) => ({ index, id: call.id, type: call.type, function: { name: call.function.name, arguments: "" } }),
  toolCallFragment: (index, call, fragment) => ({ index, function: { arguments: fragment }, type: call.type }),
};

const fireworks: HostShape = {
  ...openRouterBase,
  toolCallOpener: (index, call) => ({ index, id: call.id, type: call.type, function: { name: call.function.name } }),
  toolCallFragment: (index, call, fragment) => ({ index, id: null, type: call.type, function: { arguments: fragment } }),
  toolCallCloser: (index, call) => ({ index, id: null, type: call.type, function: { arguments: "" } }),
};

const siliconflow: HostShape = {
  ...openRouterBase,
  toolCallOpener: (index, call) => ({ index, id: call.id, type: call.type, function: { name: call.function.name, arguments: "" } }),
  toolCallFragment: (index, call, fragment) => ({ index, id: null, type: call.type, function: { arguments: fragment } }),
};

const chutes: HostShape = {
  ...openRouterBase,
  toolCallOpener: (index, call) => ({ id: call.id, index, type: call.type, function: { name: call.function.name, arguments: "" } }),
  toolCallFragment: (index, call, fragment) => ({ id: null, index, type: call.type, function: { name: null, arguments: fragment } }),
};

/**
 * The host shapes, by name: `openai` is the specification's; the others
 * reproduce what each host recorded in the fixtures sent through OpenRouter.
 */
export const hostShapes: Readonly<Record<ChatHost, HostShape>> = {
  openai,
  novita,
  together,
  fireworks,
  siliconflow,
  chutes,
};
