import { CodecError } from "../../errors.js";
import { setOwn } from "../../shared/data.js";
import { cutText, type FragmentField, type Fragmenter } from "../../shared/fragment.js";
import { type ChatHost, type HostShape, hostShapes } from "./hosts.js";
import type { ChatCompletion, ChatCompletionChunk, ChunkChoice, ChunkDelta, CompletionChoice, ContentPart, ToolCallDelta } from "./types.js";

/** Options of {@link splitChunks}. */
export interface SplitChunksOptions {
  /** Whose way of streaming to imitate. Default `openai`. */
  host?: ChatHost;
  /** How to cut text and arguments: characters per delta, or a function. Default 8. */
  fragment?: Fragmenter;
}

const standardKeys = new Set(["id", "object", "created", "model", "choices", "usage"]);
const choiceKeys = new Set(["index", "message", "finish_reason", "logprobs"]);
const messageKeys = new Set(["role", "content", "refusal", "tool_calls", "reasoning", "reasoning_content"]);
const textFields = ["reasoning", "reasoning_content", "content", "refusal"] as const;
const fragmentField: Record<(typeof textFields)[number], FragmentField> = { reasoning: "reasoning", reasoning_content: "reasoning", content: "text", refusal: "refusal" };

/**
 * Splits a whole completion into the chunks a provider would stream for it, so
 * tests can synthesize any provider's stream. Merging the chunks gives the
 * completion back. Choices are interleaved (n > 1); usage comes last in a chunk
 * of its own.
 *
 * @example
 * ```ts
 * const chunks = splitChunks(completion, { host: "fireworks", fragment: 3 });
 * openaiChat.mergeEvents(chunks).merged; // deep-equals completion
 * openaiChat.split(completion, { host: "fireworks" }); // "data: {...}\n\n...data: [DONE]\n\n"
 * ```
 */
export function splitChunks(completion: ChatCompletion, options: SplitChunksOptions = {}): ChatCompletionChunk[] {
  const host = options.host ?? "openai";
  const shape = hostShapes[host];
  if (shape === undefined) {
    throw new CodecError("unknown-dialect", `unknown host "${host}"; expected one of ${Object.keys(hostShapes).join(", ")}`);
  }
  if (completion === null || typeof completion !== "object" || !Array.isArray(completion.choices)) {
    throw new CodecError("invalid-merged", "expected a completion with a choices array");
  }
  const fragment = options.fragment ?? 8;
  const base = (): ChatCompletionChunk => {
    const chunk: ChatCompletionChunk = {
      id: completion.id,
      object: "chat.completion.chunk",
      created: completion.created,
      model: completion.model,
    };
    for (const key of Object.keys(completion)) if (!standardKeys.has(key)) setOwn(chunk, key, completion[key]);
    return chunk;
  };
  const perChoice = completion.choices.map((choice, position) => choiceEntries(choice, shape, fragment, `choices[${position}]`));
  const chunks: ChatCompletionChunk[] = [];
  for (let step = 0; perChoice.some((entries) => step < entries.length); step += 1) {
    for (const entries of perChoice) {
      const entry = entries[step];
      if (entry !== undefined) chunks.push({ ...base(), choices: [entry] });
    }
  }
  if (completion.usage !== undefined) {
    const first = completion.choices[0];
    const choices: ChunkChoice[] =
      shape.usageCarriesChoice && first !== undefined
        ? [entry(first, shape.finish(first.message.role), null, null)]
        : [];
    chunks.push({ ...base(), choices, usage: completion.usage });
  }
  return chunks;
}

function choiceEntries(choice: CompletionChoice, shape: HostShape, fragment: Fragmenter, path: string): ChunkChoice[] {
  const { message } = choice;
  if (message === null || typeof message !== "object") {
    throw new CodecError("invalid-merged", "expected a message object", `${path}.message`);
  }
  const role = message.role;
  const deltas: ChunkDelta[] = [];
  const hasText = textFields.some((field) => typeof message[field] === "string" && message[field] !== "");
  const opening = shape.opening(role, hasText);
  if (opening !== undefined) deltas.push(opening);
  for (const field of textFields) {
    const text = message[field];
    if (text === null || text === undefined) continue;
    if (field === "content" && Array.isArray(text)) {
      for (const parts of partDeltas(text, fragment, `${path}.message.content`)) deltas.push({ ...shape.text(role, "content", ""), content: parts });
      continue;
    }
    if (typeof text !== "string") throw new CodecError("invalid-merged", "expected a string or null", `${path}.message.${field}`);
    for (const piece of cutText(text, fragment, fragmentField[field], `${path}.message.${field}`)) deltas.push(shape.text(role, field, piece));
  }
  const toolCalls = message.tool_calls ?? [];
  if (toolCalls.length > 0 && shape.beforeToolCalls !== undefined) deltas.push(shape.beforeToolCalls(role));
  toolCalls.forEach((call, index) => {
    const callPath = `${path}.message.tool_calls[${index}]`;
    if (call === null || typeof call !== "object" || call.function === null || typeof call.function !== "object") {
      throw new CodecError("invalid-merged", "expected a tool call with a function object", callPath);
    }
    if (typeof call.function.arguments !== "string") {
      throw new CodecError("invalid-merged", "expected the arguments as a JSON string", `${callPath}.function.arguments`);
    }
    const opener = shape.toolCallOpener(index, call);
    copyExtras(call, opener, new Set(["id", "type", "function"]));
    copyExtras(call.function, opener.function as Record<string, unknown>, new Set(["name", "arguments"]));
    const entries: ToolCallDelta[] = [opener];
    for (const piece of cutText(call.function.arguments, fragment, "arguments", `${callPath}.function.arguments`)) {
      entries.push(shape.toolCallFragment(index, call, piece));
    }
    if (shape.toolCallCloser !== undefined) entries.push(shape.toolCallCloser(index, call));
    for (const item of entries) deltas.push(shape.toolCalls(role, [item]));
  });
  const extras: ChunkDelta = {};
  copyExtras(message, extras, messageKeys);
  if (Object.keys(extras).length > 0) deltas.push(extras);
  const entries = deltas.map((delta) => entry(choice, delta, null, null));
  entries.push(entry(choice, shape.finish(role), choice.finish_reason, choice.logprobs ?? null, true));
  return entries;
}

/** The deltas of a list of content parts: each text and thinking part cut into fragments, other parts whole. */
function partDeltas(parts: ContentPart[], fragment: Fragmenter, path: string): ContentPart[][] {
  const deltas: ContentPart[][] = [];
  parts.forEach((part, index) => {
    const at = `${path}[${index}]`;
    if (part.type === "text" && typeof part.text === "string" && Object.keys(part).length === 2) {
      for (const piece of cutText(part.text, fragment, "text", `${at}.text`)) deltas.push([{ type: "text", text: piece }]);
    } else if (part.type === "thinking" && Array.isArray(part.thinking) && part.thinking.every((inner) => inner.type === "text" && typeof inner.text === "string" && Object.keys(inner).length === 2)) {
      for (const piece of cutText(part.thinking.map((inner) => inner.text).join(""), fragment, "reasoning", `${at}.thinking`)) deltas.push([{ type: "thinking", thinking: [{ type: "text", text: piece }] }]);
    } else deltas.push([part]);
  });
  return deltas;
}

/** A choice of a chunk; the choice's unnamed fields are `null` until its finish chunk. */
function entry(
  choice: CompletionChoice,
  delta: ChunkDelta,
  finishReason: string | null,
  logprobs: CompletionChoice["logprobs"],
  last = false,
): ChunkChoice {
  const result: ChunkChoice = { index: choice.index, delta, finish_reason: finishReason, logprobs };
  for (const key of Object.keys(choice)) if (!choiceKeys.has(key)) setOwn(result, key, last ? choice[key] : null);
  return result;
}

function copyExtras(from: Record<string, unknown>, to: Record<string, unknown>, known: Set<string>): void {
  for (const key of Object.keys(from)) if (!known.has(key)) setOwn(to, key, from[key]);
}
