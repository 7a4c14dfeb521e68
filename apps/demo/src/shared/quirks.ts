import type { ChatCompletionChunk, ToolCallDelta } from "@tapedeck/codec/openai-chat";

/**
 * Names the ways a recorded stream departs from OpenAI's own shape
 * (docs/dialects/openai-chat.md), read straight off the raw chunks.
 */
export function detectQuirks(chunks: readonly ChatCompletionChunk[]): string[] {
  const quirks = new Set<string>();
  const seenIndex = new Set<number>();
  let sawText = false;
  let sawToolCall = false;
  chunks.forEach((chunk, number) => {
    const choices = chunk.choices ?? [];
    if (chunk.usage != null && choices.length > 0 && choices.every((choice) => isEmptyDelta(choice.delta))) quirks.add("usage in a chunk of its own, with an empty choice");
    if (chunk.usage != null && choices.length === 0) quirks.add("usage in a chunk with choices: []");
    if (chunk.system_fingerprint === "") quirks.add('system_fingerprint: ""');
    if (chunk.error != null) quirks.add("an error object mid-stream");
    for (const choice of choices) {
      const delta = choice.delta ?? {};
      if ("native_finish_reason" in choice) quirks.add("native_finish_reason beside finish_reason");
      if (number > 0 && delta.role !== undefined && delta.role !== null) quirks.add("role repeated on every delta");
      if (delta.content === "" && !(number === 0 && delta.role)) quirks.add('content: "" deltas');
      if (typeof delta.content === "string" && delta.content !== "") {
        sawText = true;
        if (sawToolCall) quirks.add("text after tool calls");
      }
      for (const call of (delta.tool_calls ?? []) as ToolCallDelta[]) {
        if (!sawToolCall && sawText) quirks.add("text before the tool calls");
        sawToolCall = true;
        const index = typeof call.index === "number" ? call.index : -1;
        if (call.index === undefined || call.index === null) quirks.add("tool-call deltas without index");
        const opener = !seenIndex.has(index);
        seenIndex.add(index);
        const fn = call.function ?? {};
        if (opener) {
          if (typeof call.id === "string" && /^functions\.\w+:\d+$/.test(call.id)) quirks.add("Kimi tool-call ids (functions.name:n), not unique");
          if (typeof call.id === "string" && /^\w+:\d+$/.test(call.id)) quirks.add("Kimi-style tool-call ids (name:n), not unique");
          if (!("arguments" in fn)) quirks.add("opening delta without arguments");
          if (fn.arguments === "") quirks.add('opening delta with arguments: ""');
          continue;
        }
        if (call.id === null) quirks.add('"id": null on continuations');
        if (!("id" in call)) quirks.add("no id key on continuations");
        if (fn.name === null) quirks.add('"name": null on continuations');
        if (typeof call.id === "string" && call.id !== "") quirks.add("id repeated on continuations");
        if (fn.arguments === "") quirks.add('empty arguments: "" fragments');
      }
    }
  });
  return [...quirks];
}

function isEmptyDelta(delta: unknown): boolean {
  if (delta === null || delta === undefined) return true;
  return Object.entries(delta as Record<string, unknown>).every(([key, value]) => key === "role" || value === "" || value === null);
}
