import { ollama } from "@tapedeck/codec/ollama";
import { Ollama } from "ollama";
import { createOllama } from "ollama-ai-provider-v2";
import { describe, expect, it } from "vitest";
import { aiSdk, recorded } from "./support.js";

// tapedeck's Ollama merge against ollama-js (the official client, which yields chunks and keeps no accumulator:
// the test accumulates them the way its README shows) and the AI SDK's community Ollama provider, on the same bytes.

const host = "http://127.0.0.1:11434";

describe("ollama-js", () => {
  it("reads the same chunks: content and thinking joined, the tool calls, the done chunk's reason and counts", async () => {
    for (const index of [0, 1]) {
      const { fetch, body, request } = recorded("ollama", index);
      const client = new Ollama({ host, fetch });
      let content = "";
      let thinking = "";
      const toolCalls: unknown[] = [];
      let last: Record<string, unknown> = {};
      for await (const part of await client.chat({ ...(request as { model: string }), stream: true })) {
        content += part.message.content;
        thinking += part.message.thinking ?? "";
        toolCalls.push(...(part.message.tool_calls ?? []));
        last = part as unknown as Record<string, unknown>;
      }
      const { merged, complete, diagnostics } = ollama.merge(body);
      expect({ complete, diagnostics }).toEqual({ complete: true, diagnostics: [] });
      expect(merged.message!.content).toBe(content);
      expect(merged.message!.thinking ?? "").toBe(thinking);
      expect(merged.message!.tool_calls ?? []).toEqual(toolCalls);
      expect(merged).toMatchObject({ done: true, done_reason: last.done_reason, eval_count: last.eval_count, prompt_eval_count: last.prompt_eval_count, created_at: last.created_at });
    }
  });

  it("reads /api/generate the same: the response joined, the context of the done chunk", async () => {
    const { fetch, body, request } = recorded("ollama", 2);
    let response = "";
    let context: number[] | undefined;
    for await (const part of await new Ollama({ host, fetch }).generate({ ...(request as { model: string; prompt: string }), stream: true })) {
      response += part.response;
      context = part.context ?? context;
    }
    const { merged } = ollama.merge(body);
    expect(merged.response).toBe(response);
    expect(merged.response).toBe("2 + 3 = 5, and 2 × 3 = 6.");
    expect(merged.context).toEqual(context);
  });
});

describe("the AI SDK's Ollama provider (ollama-ai-provider-v2, streamText)", () => {
  it("agrees on the reasoning, the tool calls and the text", async () => {
    for (const index of [0, 1]) {
      const { fetch, body } = recorded("ollama", index);
      const theirs = await aiSdk(createOllama({ baseURL: `${host}/api`, fetch })("qwen3:8b"));
      const ours = ollama.normalize(ollama.merge(body).merged);
      expect(theirs.errors).toEqual([]);
      expect(theirs.text).toBe(ours.text);
      expect(theirs.reasoning ?? "").toBe(ours.reasoning);
      expect(theirs.toolCalls.map(({ name, input }) => ({ name, input }))).toEqual(ours.toolCalls.map(({ name, arguments: input }) => ({ name, input })));
    }
  });
});
