import { chunk, finishChunk, toolChunk } from "../test-support/chat-chunks.js";
import type { ChatCompletionChunk } from "../dialects/openai-chat/types.js";

/**
 * Synthetic streams, one per quirk of docs/dialects/openai-chat.md, "Seen elsewhere", for tests
 * that compare tapedeck with other mergers.
 */
export const quirkCases: Record<string, ChatCompletionChunk[]> = {
  "id, type and name repeated on every delta": [
    toolChunk({ index: 0, id: "call_1", type: "function", function: { name: "add", arguments: '{"a"' } }),
    toolChunk({ index: 0, id: "call_1", type: "function", function: { name: "add", arguments: ":1}" } }),
    finishChunk("tool_calls"),
  ],
  'name: "" on every continuation': [
    toolChunk({ index: 0, id: "c", type: "function", function: { name: "add", arguments: "" } }),
    toolChunk({ index: 0, function: { name: "", arguments: "{}" } }),
    finishChunk("tool_calls"),
  ],
  "a whole call in one delta with the finish reason": [
    chunk({ tool_calls: [{ index: 0, id: "c1", type: "function", function: { name: "add", arguments: '{"a":2}' } }] }, { finish_reason: "tool_calls" }),
  ],
  "several complete calls in one delta": [
    toolChunk(
      { index: 0, id: "a", type: "function", function: { name: "add", arguments: "{}" } },
      { index: 1, id: "b", type: "function", function: { name: "multiply", arguments: "{}" } },
    ),
    finishChunk("tool_calls"),
  ],
  "no index at all": [
    toolChunk({ id: "g1", type: "function", function: { name: "add", arguments: "{}" } }),
    toolChunk({ id: "g2", type: "function", function: { name: "multiply", arguments: "{}" } }),
    finishChunk("tool_calls"),
  ],
  "every call at index 0, told apart by a new id": [
    toolChunk({ index: 0, id: "x1", type: "function", function: { name: "add", arguments: "{}" } }),
    toolChunk({ index: 0, id: "x2", type: "function", function: { name: "multiply", arguments: "{}" } }),
    finishChunk("tool_calls"),
  ],
  "indexes starting at 1 after text": [
    chunk({ role: "assistant", content: "Checking." }),
    toolChunk({ index: 1, id: "t1", type: "function", function: { name: "add", arguments: "{}" } }),
    finishChunk("tool_calls"),
  ],
  "two entries with the same index in one delta": [
    toolChunk({ index: 0, id: "v", type: "function", function: { name: "add" } }, { index: 0, function: { arguments: '{"a":1}' } }),
    finishChunk("tool_calls"),
  ],
  "the name arriving after the first delta": [
    toolChunk({ index: 0, id: "c", type: "function", function: { arguments: "{" } }),
    toolChunk({ index: 0, function: { name: "lookup", arguments: "}" } }),
    finishChunk("tool_calls"),
  ],
  "arguments as an object": [
    toolChunk({ index: 0, id: "c", type: "function", function: { name: "f", arguments: { a: 1 } } }),
    finishChunk("tool_calls"),
  ],
  "a trailing repeat of the whole arguments": [
    toolChunk({ index: 0, id: "c", type: "function", function: { name: "f", arguments: '{"a":' } }),
    toolChunk({ index: 0, function: { arguments: "1}" } }),
    toolChunk({ index: 0, function: { arguments: '{"a":1}' } }),
    finishChunk("tool_calls"),
  ],
  "usage: null after the real usage": [
    chunk({ role: "assistant", content: "hi" }),
    finishChunk("stop", { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
    { ...chunk({}), choices: [], usage: null },
  ],
  "reasoning deltas": [
    chunk({ role: "assistant", reasoning: "Think" }),
    chunk({ reasoning: "ing." }),
    chunk({ content: "Done." }),
    finishChunk("stop"),
  ],
  'finish_reason "" meaning "not yet"': [
    chunk({ role: "assistant", content: "a" }, { finish_reason: "" }),
    finishChunk("stop"),
  ],
  "no finish reason (a cut stream)": [chunk({ role: "assistant", content: "a" })],
  "a choice first seen late (n > 1)": [
    chunk({ role: "assistant", content: "A" }, { index: 0 }),
    chunk({ role: "assistant", content: "B" }, { index: 1 }),
    chunk({}, { index: 0, finish_reason: "stop" }),
    chunk({}, { index: 1, finish_reason: "stop" }),
  ],
  "a chunk id that changes": [
    chunk({ role: "assistant", content: "a" }, {}, { id: "one" }),
    finishChunk("stop", { id: "two" }),
  ],
  "an error object mid-stream": [
    chunk({ role: "assistant", content: "partial" }),
    { ...chunk({}, { finish_reason: "error" }), error: { message: "Provider returned error", code: 502 } },
    { ...finishChunk("stop"), error: null },
  ],
  "a per-call extra field in a delta of its own": [
    toolChunk({ index: 0, id: "g", type: "function", function: { name: "f", arguments: "{}" } }),
    toolChunk({ index: 0, extra_content: { google: { thought_signature: "sig==" } } }),
    finishChunk("tool_calls"),
  ],
};
