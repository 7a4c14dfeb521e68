import { readFileSync } from "node:fs";
import { bodyText, type Interaction, parseCassette } from "@tapedeck/cassette";
import { cassettePath, listCassettes, listSyntheticCassettes, syntheticCassettePath } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { detectDialect } from "./detect.js";
import type { DialectName, Framing } from "./dialect.js";
import { dialects } from "./dialects/index.js";
import { mergeInteraction } from "./merge-interaction.js";

// Every stream of every fixture, recorded and synthetic: detected, merged without a diagnostic,
// split back byte for byte with its residual, and split canonically into a stream that merges back.

const load = (path: string) => parseCassette(readFileSync(path));

/** What each synthetic cassette holds, as its generator (tools/synthetic-fixtures) wrote it. */
const synthetic: Record<string, { dialect: DialectName; framing: Framing }> = {
  anthropic_bedrock: { dialect: "anthropic", framing: "aws-event-stream" },
  anthropic_direct: { dialect: "anthropic", framing: "sse" },
  anthropic_vertex: { dialect: "anthropic", framing: "sse" },
  bedrock_converse: { dialect: "bedrock-converse", framing: "aws-event-stream" },
  cohere: { dialect: "cohere", framing: "sse" },
  gemini_api: { dialect: "gemini", framing: "sse" },
  gemini_api_json_array: { dialect: "gemini", framing: "json-array" },
  gemini_vertex: { dialect: "gemini", framing: "sse" },
  ollama: { dialect: "ollama", framing: "ndjson" },
  openai_completions: { dialect: "openai-completions", framing: "sse" },
  openai_responses: { dialect: "openai-responses", framing: "sse" },
  openai_responses_azure: { dialect: "openai-responses", framing: "sse" },
};

it("lists every synthetic cassette above", () => {
  expect(listSyntheticCassettes()).toEqual(Object.keys(synthetic).sort());
});

const all = [
  ...listCassettes().map((name) => ({ name, cassette: load(cassettePath(name)), dialect: "openai-chat" as DialectName, framing: "sse" as Framing })),
  ...listSyntheticCassettes().map((name) => ({ name, cassette: load(syntheticCassettePath(name)), ...synthetic[name]! })),
].map((fixture) => ({ ...fixture, indexes: fixture.cassette.interactions.map((_interaction, index) => index) }));

describe.each(all)("$name", ({ cassette, dialect, framing, indexes }) => {
  it.each(indexes)(`is ${dialect} over ${framing}, and interaction %i merges with no diagnostic, complete`, (index) => {
    const interaction = cassette.interactions[index]!;
    expect(detectDialect(interaction)).toMatchObject({ dialect, framing });
    const result = mergeInteraction(interaction);
    expect(result.diagnostics).toEqual([]);
    expect(result.complete).toBe(true);
  });

  it.each(indexes)("splits interaction %i back byte for byte from its merge and residual", (index) => {
    const body = cassette.interactions[index]!.response.body!;
    const { merged, residual } = dialects[dialect].merge(body, { framing, residual: true });
    const again = dialects[dialect].split(merged, { residual: residual! });
    expect(typeof again === "string" ? again : Buffer.from(again).toString("base64")).toBe(typeof body === "string" ? body : Buffer.from(body).toString("base64"));
  });

  it.each(indexes)("splits interaction %i canonically into a stream that merges back to the same object", (index) => {
    const body = cassette.interactions[index]!.response.body!;
    const { merged } = dialects[dialect].merge(body, { framing });
    const result = dialects[dialect].merge(dialects[dialect].split(merged, { framing, fragment: 5 }), { framing });
    expect(result.diagnostics).toEqual([]);
    expect(result.merged).toEqual(merged);
  });
});

/** The normalized turns of a synthetic cassette. */
function turns(interactions: Interaction[]) {
  return interactions.map((interaction) => {
    const result = mergeInteraction(interaction);
    return dialects[result.dialect!].normalize(result.merged);
  });
}

// Legacy completions have no tools: their cassette holds the answer only.
describe.each(all.filter(({ dialect }) => dialect !== "openai-chat" && dialect !== "openai-completions"))("the synthetic $name", ({ cassette }) => {
  it("streams the two calls of the scenario, then the answer", () => {
    const [first, second] = turns(cassette.interactions);
    expect(first!.toolCalls.map(({ name, arguments: args }) => [name, args])).toEqual([
      ["add", { a: 2, b: 3 }],
      ["multiply", { a: 2, b: 3 }],
    ]);
    expect(second!.text).toBe("2 + 3 = 5, and 2 × 3 = 6.");
    expect(second!.toolCalls).toEqual([]);
  });
});

// What the client sent back in the next turn (the "Next turn" section of each page in docs/dialects/) must equal the merge
// where a client keeps values: ids, signatures and arguments byte for byte, inputs as values.
describe("the next-turn requests of the synthetic cassettes agree with the merge", () => {
  const next = (name: string) => {
    const { cassette } = all.find((item) => item.name === name)!;
    return { merged: mergeInteraction(cassette.interactions[0]!).merged as never, request: JSON.parse(bodyText(cassette.interactions[1]!.request.body)) };
  };

  it.each(["anthropic_direct", "anthropic_vertex", "anthropic_bedrock"])("%s: thinking and its signature, tool_use ids and inputs", (name) => {
    const { merged, request } = next(name) as { merged: { content: Array<Record<string, unknown>> }; request: { messages: Array<{ role: string; content: Array<Record<string, unknown>> }> } };
    const sent = request.messages.find((message) => message.role === "assistant")!.content;
    const kept = merged.content.map(({ caller: _caller, ...block }) => block);
    expect(sent).toEqual(kept);
  });

  it.each(["openai_responses", "openai_responses_azure"])("%s: function calls sent back with their call_id and arguments byte for byte", (name) => {
    const { merged, request } = next(name) as { merged: { output: Array<Record<string, unknown>> }; request: { input: Array<Record<string, unknown>> } };
    const sent = request.input.filter((item) => item.type === "function_call");
    const calls = merged.output.filter((item) => item.type === "function_call").map(({ call_id, name: callName, arguments: args }) => ({ type: "function_call", call_id, name: callName, arguments: args }));
    expect(sent).toEqual(calls);
  });

  it.each(["gemini_api", "gemini_vertex"])("%s: function calls with their ids and thought signature on the same part", (name) => {
    const { merged, request } = next(name) as { merged: { candidates: Array<{ content: { parts: Array<Record<string, unknown>> } }> }; request: { contents: Array<{ role: string; parts: unknown[] }> } };
    const sent = request.contents.find((content) => content.role === "model")!.parts;
    const calls = merged.candidates[0]!.content.parts.filter((part) => part.functionCall !== undefined);
    expect(sent).toEqual(calls);
  });

  it("bedrock_converse: the text and toolUse blocks", () => {
    const { merged, request } = next("bedrock_converse") as { merged: { output: { message: { content: unknown[] } } }; request: { messages: Array<{ role: string; content: unknown[] }> } };
    expect(request.messages.find((message) => message.role === "assistant")!.content).toEqual(merged.output.message.content);
  });
});
