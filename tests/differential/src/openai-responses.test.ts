import { createOpenAI } from "@ai-sdk/openai";
import { openaiResponses } from "@tapedeck/codec/openai-responses";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { aiSdk, recorded, serving } from "./support.js";

// tapedeck's Responses merge against openai-node's responses.stream().finalResponse() and the
// AI SDK's OpenAI Responses provider, on the same bytes.

type Loose = Record<string, unknown>;

const azure = "https://tapedeck-synthetic.openai.azure.com/openai/v1";

/** openai-node's parse helpers: `parsed_arguments` on function calls, `parsed` on text parts. */
function withoutHelpers(response: Loose): Loose {
  const output = (response.output as Loose[]).map(({ parsed_arguments: _arguments, ...item }) =>
    Array.isArray(item.content) ? { ...item, content: (item.content as Loose[]).map(({ parsed: _parsed, ...part }) => part) } : item,
  );
  const { output_text: _text, output_parsed: _parsed, ...rest } = response;
  return { ...rest, output };
}

async function finalResponse(fetch: typeof globalThis.fetch, baseURL?: string): Promise<{ response?: Loose; error?: string }> {
  const client = new OpenAI({ apiKey: "test", fetch, maxRetries: 0, ...(baseURL ? { baseURL } : {}) });
  try {
    return { response: (await client.responses.stream({ model: "gpt-5", input: "x" }).finalResponse()) as unknown as Loose };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe("openai-node responses.stream().finalResponse()", () => {
  it.each(["openai_responses", "openai_responses_azure"])("agrees with tapedeck on %s, but for the parse helpers it adds", async (name) => {
    for (const index of [0, 1]) {
      const { fetch, body } = recorded(name, index);
      const theirs = (await finalResponse(fetch, name.endsWith("azure") ? azure : undefined)).response!;
      expect((theirs.output as Loose[]).filter((item) => item.type === "function_call").every((item) => item.parsed_arguments === null)).toBe(true);
      expect(withoutHelpers(theirs)).toEqual(openaiResponses.merge(body).merged);
    }
  });

  it("throws at an error event after response.created; tapedeck returns the response so far, not complete, with the error", async () => {
    const created = { type: "response.created", response: { id: "resp_1", object: "response", status: "in_progress", model: "gpt-5", output: [], usage: null }, sequence_number: 0 };
    const error = { type: "error", code: "server_error", message: "The server had an error", param: null, sequence_number: 1 };
    const body = [created, error].map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join("");
    const theirs = await finalResponse(serving("https://api.openai.com/v1/responses", body));
    expect(theirs.response).toBeUndefined();
    expect(theirs.error).toMatch(/server had an error/);
    const ours = openaiResponses.merge(body);
    expect([ours.merged.status, ours.complete, ours.error]).toEqual(["in_progress", false, error]);
  });
});

describe("the AI SDK's OpenAI Responses provider (streamText)", () => {
  it.each(["openai_responses", "openai_responses_azure"])("agrees on %s: reasoning, calls by call_id, text, usage", async (name) => {
    for (const index of [0, 1]) {
      const { fetch, body } = recorded(name, index);
      const theirs = await aiSdk(createOpenAI({ apiKey: "test", fetch, baseURL: name.endsWith("azure") ? azure : undefined }).responses("gpt-5"));
      const ours = openaiResponses.normalize(openaiResponses.merge(body).merged);
      expect(theirs.errors).toEqual([]);
      expect(theirs.text).toBe(ours.text);
      expect(theirs.reasoning ?? "").toBe(ours.reasoning);
      expect(theirs.toolCalls).toEqual(ours.toolCalls.map(({ id, name: tool, arguments: input }) => ({ id, name: tool, input })));
      expect(theirs.usage).toMatchObject({ inputTokens: ours.usage!.inputTokens, outputTokens: ours.usage!.outputTokens, reasoningTokens: ours.usage!.reasoningTokens });
    }
  });

  it("keeps the encrypted_content of output_item.done; tapedeck (and the API's own response.completed) has a third value", async () => {
    const { fetch, body, events } = recorded("openai_responses", 0);
    const theirs = await aiSdk(createOpenAI({ apiKey: "test", fetch }).responses("gpt-5"));
    const reasoning = (type: string) => events().find((event) => event.type === type && (event.item as Loose | undefined)?.type === "reasoning")!.item as Loose;
    const done = reasoning("response.output_item.done").encrypted_content;
    const added = reasoning("response.output_item.added").encrypted_content;
    const ours = openaiResponses.merge(body).merged.output[0]!.encrypted_content;
    // encrypted_content is re-encrypted each time it is serialized (docs/dialects/openai-responses.md, "Merge"): the three values differ
    // and each decrypts to the same state. The merged object is the provider's completed response, so it takes that one.
    expect(theirs.metadata[0]).toMatchObject({ type: "reasoning", metadata: { openai: { reasoningEncryptedContent: done } } });
    expect(new Set([added, done, ours]).size).toBe(3);
  });
});
