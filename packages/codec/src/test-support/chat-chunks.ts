import type { ChatCompletionChunk, ChunkChoice, ChunkDelta, ToolCallDelta } from "../dialects/openai-chat/types.js";

/** Builds synthetic chunks for the quirk tests: one choice unless told otherwise. */
export function chunk(delta: ChunkDelta, choice: Partial<ChunkChoice> = {}, top: Partial<ChatCompletionChunk> = {}): ChatCompletionChunk {
  return {
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1700000000,
    model: "test-model",
    choices: [{ index: 0, delta, finish_reason: null, ...choice }],
    ...top,
  };
}

/** A chunk holding tool-call entries. */
export function toolChunk(...entries: ToolCallDelta[]): ChatCompletionChunk {
  return chunk({ tool_calls: entries });
}

/** A chunk that only finishes choice 0. */
export function finishChunk(reason: string, top: Partial<ChatCompletionChunk> = {}): ChatCompletionChunk {
  return chunk({}, { finish_reason: reason }, top);
}

/** Chunks as an SSE body, `data: [DONE]` last, written here so that tests do not lean on the code under test. */
export function sseBody(chunks: readonly unknown[]): string {
  return `${chunks.map((item) => `data: ${JSON.stringify(item)}\n\n`).join("")}data: [DONE]\n\n`;
}
