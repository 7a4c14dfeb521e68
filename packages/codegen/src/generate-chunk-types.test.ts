import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cassetteLayouts, serializeCassette } from "@tapedeck/cassette";
import { type ChatCompletion, openaiChat } from "@tapedeck/codec/openai-chat";
import { cassettePath, cassettesDirectory, listCassettes } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { checkChunkTypes, generateChunkTypes, renderChunkTypes } from "./generate-chunk-types.js";

/** A new recording whose deltas carry a field no fixture has: `reasoning`, plus a timestamp-like string. */
function reasoningCassette(): string {
  const completion: ChatCompletion = {
    id: "gen-1",
    object: "chat.completion",
    created: 1760000000,
    model: "openai/gpt-oss-120b",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: "6", refusal: null, reasoning: "2 times 3 is 6." },
        finish_reason: "stop",
        logprobs: null,
      },
    ],
    provider: "Groq",
    served_at: "2025-09-22T10:00:00Z",
  };
  return serializeCassette({
    version: 2,
    layout: cassetteLayouts.C,
    interactions: [
      {
        id: 0,
        request: { method: "POST", url: "https://openrouter.ai/api/v1/chat/completions", body: '{"model":"openai/gpt-oss-120b","messages":[],"stream":true}' },
        response: { code: 200, status: "200 OK", headers: { "Content-Type": ["text/event-stream"] }, body: openaiChat.split(completion, { fragment: 4 }) },
      },
    ],
  });
}

describe("renderChunkTypes on the fixtures", () => {
  it("names the chunk and request types and their parts readably", { timeout: 60_000 }, async () => {
    const { types, validators, samples } = await renderChunkTypes({ cassettes: [cassettesDirectory] });
    expect(types).toContain("export type ChatCompletionChunk = {");
    expect(types).toContain("export type ChatCompletionRequest = {");
    expect(types).toContain("export type DeltaToolCallFunction = {");
    expect(types).toContain("export type MessageToolCallFunction = {");
    expect(types).not.toMatch(/Purple|Fluffy|Tentacled/);
    expect(validators).toContain("export const ChatCompletionChunkSchema = z.object({");
    expect(validators).toContain("export const DeltaToolCallFunctionSchema = z.object({");
    expect(samples).toHaveLength(listCassettes().length);
  });

  it("keeps types honest: no enums of ids or models, null kept in unions, optional when absent from some samples", { timeout: 60_000 }, async () => {
    const { types } = await renderChunkTypes({ cassettes: [cassettesDirectory] });
    const chunk = /export type ChatCompletionChunk = \{([^}]*)\}/.exec(types)![1]!;
    expect(chunk).toMatch(/\bid: +string;/);
    expect(chunk).toMatch(/\bmodel: +string;/);
    expect(chunk).toMatch(/\bprovider: +string;/);
    expect(chunk).toMatch(/\bsystem_fingerprint\?: +null \| string;/);
    expect(chunk).toMatch(/\busage\?: +ChatCompletionChunkUsage;/);
    const toolCall = /export type DeltaToolCall = \{([^}]*)\}/.exec(types)![1]!;
    expect(toolCall).toMatch(/\bid\?: +null \| string;/);
    expect(types).not.toMatch(/\benum\b|Date\b/);
  });

  it("is deterministic, whatever the order the cassettes are given in", { timeout: 60_000 }, async () => {
    const files = listCassettes().map((name) => cassettePath(name));
    const forward = await renderChunkTypes({ cassettes: files });
    const backward = await renderChunkTypes({ cassettes: [...files].reverse() });
    expect(backward.types).toBe(forward.types);
    expect(backward.validators).toBe(forward.validators);
    expect(forward.types).toMatch(/^\/\/ {3}multi_tool_streaming_kimi-k2_chutes\.yaml: 71 chunks, 2 requests$/m);
    expect(forward.types).not.toMatch(/20\d\d-\d\d-\d\d/);
  });
});

describe("regenerating from new cassettes, as a user would", () => {
  it("adds a field that only the new cassette has to the type and the validator", { timeout: 60_000 }, async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-codegen-"));
    const cassettes = join(directory, "cassettes");
    const out = join(directory, "generated");
    await mkdir(cassettes);
    for (const name of listCassettes()) await copyFile(cassettePath(name), join(cassettes, `${name}.yaml`));
    await generateChunkTypes({ cassettes: [cassettes], out });
    const before = await readFile(join(out, "types.ts"), "utf8");
    expect(before).not.toMatch(/\breasoning\?/);

    await writeFile(join(cassettes, "reasoning_gpt-oss_groq.yaml"), reasoningCassette());
    expect(await checkChunkTypes({ cassettes: [cassettes], out })).toEqual([join(out, "types.ts"), join(out, "validators.ts")]);
    await generateChunkTypes({ cassettes: [cassettes], out });
    const types = await readFile(join(out, "types.ts"), "utf8");
    const validators = await readFile(join(out, "validators.ts"), "utf8");
    const delta = /export type Delta = \{([^}]*)\}/.exec(types)![1]!;
    expect(delta).toMatch(/\breasoning\?: +string;/);
    expect(validators).toMatch(/"reasoning": z\.string\(\)\.optional\(\)/);
    // A timestamp-like string stays a string.
    expect(types).toMatch(/\bserved_at\?: +string;/);
    expect(types).toMatch(/reasoning_gpt-oss_groq\.yaml: \d+ chunks, 1 requests/);
    expect(await checkChunkTypes({ cassettes: [cassettes], out })).toEqual([]);
  });
});
