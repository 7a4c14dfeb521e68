import { readFileSync } from "node:fs";
import { bodyText, parseCassette } from "@tapedeck/cassette";
import { providerCassettePath, providers } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { streamPayloads } from "../../framing/payloads.js";
import type { FragmentField } from "../../shared/fragment.js";
import { openaiChat } from "./index.js";
import { splitChunks } from "./split.js";
import type { ChatCompletionChunk } from "./types.js";

function recorded(provider: (typeof providers)[number], interaction: number): ChatCompletionChunk[] {
  const cassette = parseCassette(readFileSync(providerCassettePath(provider), "utf8"));
  return streamPayloads(bodyText(cassette.interactions[interaction]!.response.body)).map((payload) => JSON.parse(payload.data) as ChatCompletionChunk);
}

/** The non-empty text and argument fragments, in the order the recording sent them. */
function recordedFragments(chunks: ChatCompletionChunk[]) {
  const content: string[] = [];
  const argumentsByCall = new Map<number, string[]>();
  for (const chunk of chunks) {
    const delta = chunk.choices?.[0]?.delta;
    if (typeof delta?.content === "string" && delta.content !== "") content.push(delta.content);
    for (const entry of delta?.tool_calls ?? []) {
      const fragment = entry.function?.arguments;
      if (typeof fragment === "string" && fragment !== "") {
        argumentsByCall.set(entry.index!, [...(argumentsByCall.get(entry.index!) ?? []), fragment]);
      }
    }
  }
  const calls = [...argumentsByCall.entries()].sort(([a], [b]) => a - b).map(([, fragments]) => fragments);
  return (text: string, field: FragmentField) => {
    if (field === "text") return content;
    if (field === "arguments") return calls.shift()!;
    return [text];
  };
}

/** What each chunk says about choice 0, with the top-level usage: the shape a dialect must reproduce. */
const shapeOf = (chunks: ChatCompletionChunk[]) =>
  chunks.map((chunk) => ({ choices: chunk.choices, hasUsage: chunk.usage !== undefined }));

describe.each(providers)("the %s host", (provider) => {
  it.each([0, 1])("re-creates interaction %i delta for delta from its merged completion", (interaction) => {
    const chunks = recorded(provider, interaction);
    const { merged } = openaiChat.mergeEvents(chunks);
    // OpenRouter routed the Chutes cassette's second turn to BaseTen, which streams text the way Together does.
    const host = provider === "chutes" && interaction === 1 ? "together" : provider;
    const again = splitChunks(merged, { host, fragment: recordedFragments(chunks) });
    expect(shapeOf(again)).toEqual(shapeOf(chunks));
  });
});

describe("the openai host", () => {
  it("writes the specification's shape: role chunk, call opener, fragments without id, finish, usage with choices: []", () => {
    const chunks = splitChunks(
      {
        id: "c",
        object: "chat.completion",
        created: 1,
        model: "m",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: null, refusal: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "add", arguments: '{"a":2}' } }] },
            finish_reason: "tool_calls",
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      },
      { fragment: 4 },
    );
    expect(chunks.map((chunk) => [chunk.choices, chunk.usage])).toEqual([
      [[{ index: 0, delta: { role: "assistant", content: "", refusal: null }, finish_reason: null, logprobs: null }], undefined],
      [[{ index: 0, delta: { tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "add", arguments: "" } }] }, finish_reason: null, logprobs: null }], undefined],
      [[{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a"' } }] }, finish_reason: null, logprobs: null }], undefined],
      [[{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: ":2}" } }] }, finish_reason: null, logprobs: null }], undefined],
      [[{ index: 0, delta: {}, finish_reason: "tool_calls", logprobs: null }], undefined],
      [[], { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 }],
    ]);
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk" && chunk.id === "c" && chunk.model === "m")).toBe(true);
  });
});
