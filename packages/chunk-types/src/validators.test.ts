import { readFileSync } from "node:fs";
import { bodyText, parseCassette } from "@tapedeck/cassette";
import { type DialectName, detectDialect, type StreamPayload, streamPayloads } from "@tapedeck/codec";
import { cassettePath, listCassettes, listSyntheticCassettes, syntheticCassettePath } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { anthropic, bedrockConverse, cohere, gemini, ollama, openaiChat, openaiCompletions, openaiResponses } from "./validators.js";

/** The schema each dialect's events are checked with: by `type` inside the union, by `:event-type` for Bedrock. */
const eventSchema: Record<DialectName, (payload: StreamPayload) => z.ZodType> = {
  "openai-completions": () => openaiCompletions.CompletionSchema,
  "openai-chat": () => openaiChat.ChatCompletionChunkSchema,
  "openai-responses": () => openaiResponses.ResponseStreamEventSchema,
  anthropic: () => anthropic.MessageStreamEventSchema,
  gemini: () => gemini.GenerateContentResponseSchema,
  "bedrock-converse": (payload) => bedrockConverse.ConverseStreamEventSchemas[payload.type as keyof typeof bedrockConverse.ConverseStreamEventSchemas],
  ollama: (payload) => (payload.data.includes('"message":') ? ollama.ChatResponseSchema : ollama.GenerateResponseSchema),
  cohere: () => cohere.StreamedChatResponseSchema,
};
const requestSchema: Record<DialectName, z.ZodType> = {
  "openai-completions": openaiCompletions.CompletionCreateParamsSchema,
  "openai-chat": openaiChat.ChatCompletionCreateParamsSchema,
  "openai-responses": openaiResponses.ResponseCreateParamsSchema,
  anthropic: anthropic.MessageCreateParamsSchema,
  gemini: gemini.GenerateContentRequestSchema,
  "bedrock-converse": bedrockConverse.ConverseStreamRequestSchema,
  ollama: ollama.OllamaRequestSchema,
  cohere: cohere.ChatRequestSchema,
};

const fixtures = [
  ...listCassettes().map((name) => ({ name, path: cassettePath(name) })),
  ...listSyntheticCassettes().map((name) => ({ name, path: syntheticCassettePath(name) })),
].map(({ name, path }) => ({ name, cassette: parseCassette(readFileSync(path, "utf8")) }));

/** Every streamed event of a fixture, with its dialect. */
function eventsOf(name: string): Array<{ dialect: DialectName; payload: StreamPayload; json: Record<string, unknown> }> {
  const { cassette } = fixtures.find((fixture) => fixture.name === name)!;
  return cassette.interactions.flatMap((interaction) => {
    const { dialect, framing } = detectDialect(interaction)!;
    return streamPayloads(interaction.response.body ?? "", { framing }).map((payload) => ({ dialect, payload, json: JSON.parse(payload.data) as Record<string, unknown> }));
  });
}

describe("the generated validators", () => {
  it.each(fixtures)("accept every event and request body of $name", ({ name, cassette }) => {
    const events = eventsOf(name);
    for (const { dialect, payload, json } of events) expect(eventSchema[dialect](payload).safeParse(json).error?.issues ?? [], `event ${payload.event}`).toEqual([]);
    for (const interaction of cassette.interactions) {
      const { dialect } = detectDialect(interaction)!;
      expect(requestSchema[dialect].safeParse(JSON.parse(bodyText(interaction.request.body))).error?.issues ?? []).toEqual([]);
    }
    expect(events.length).toBeGreaterThan(5);
  });

  /** The first event of a fixture that passes `test`, deep-copied for mutation. */
  function sample(name: string, test: (json: Record<string, unknown>) => boolean) {
    const found = eventsOf(name).find(({ json }) => test(json))!;
    return { ...found, json: structuredClone(found.json) };
  }

  /** Sets the value at a path of keys and indexes. */
  function setAt(json: unknown, path: readonly (string | number)[], value: unknown): void {
    let target = json as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path.at(-1)!] = value;
  }

  const ofType = (type: string) => (json: Record<string, unknown>) => json.type === type;
  it.each([
    ["chat: a choice index sent as a string", "multi_tool_streaming_kimi-k2_novita", () => true, ["choices", 0, "index"], "0"],
    ["Anthropic: a delta's index sent as a string", "anthropic_direct", ofType("content_block_delta"), ["index"], "0"],
    ["Anthropic: an event type never recorded", "anthropic_direct", ofType("ping"), ["type"], "made_up"],
    ["Responses: a sequence number sent as a string", "openai_responses", ofType("response.output_text.delta"), ["sequence_number"], "7"],
    ["Gemini: parts sent as a string", "gemini_api", () => true, ["candidates", 0, "content", "parts"], "x"],
    ["completions: a choice's text sent as a number", "openai_completions", () => true, ["choices", 0, "text"], 7],
    ["Ollama: done sent as a string", "ollama", () => true, ["done"], "false"],
    ["Cohere: a tool call index sent as a string", "cohere", ofType("tool-call-delta"), ["index"], "0"],
    ["Bedrock: a content block index sent as a string", "bedrock_converse", (json: Record<string, unknown>) => "delta" in json, ["contentBlockIndex"], "0"],
  ] as const)("reject %s, at its path", (_title, name, test, path, value) => {
    const { dialect, payload, json } = sample(name, test);
    expect(eventSchema[dialect](payload).safeParse(json).success).toBe(true);
    setAt(json, path, value);
    const result = eventSchema[dialect](payload).safeParse(json);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([path]);
  });

  it("keep the fields a provider adds later when parsing (nothing the user gave is dropped)", () => {
    const { json } = sample("anthropic_direct", (event) => event.type === "content_block_delta");
    const parsed = anthropic.MessageStreamEventSchema.parse({ ...json, added_later: 1 });
    expect(parsed).toMatchObject({ added_later: 1 });
  });
});
