import { readFileSync } from "node:fs";
import { bodyText, parseCassette } from "@tapedeck/cassette";
import { type Provider, providerCassettePath, providers } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { streamPayloads } from "../../framing/payloads.js";
import { openaiChat } from "./index.js";
import type { ChatCompletionChunk } from "./types.js";

const mergeChunks = (chunks: unknown[]) => openaiChat.mergeEvents(chunks);

function load(provider: Provider) {
  return parseCassette(readFileSync(providerCassettePath(provider), "utf8"));
}

/** The raw chunks of an interaction, as recorded. */
function recordedChunks(provider: Provider, interaction: number): ChatCompletionChunk[] {
  return streamPayloads(bodyText(load(provider).interactions[interaction]!.response.body)).map((payload) => JSON.parse(payload.data) as ChatCompletionChunk);
}

/** Per stream index: the first id and name sent, and every arguments fragment joined, read straight off the chunks. */
function recordedCalls(chunks: ChatCompletionChunk[]) {
  const calls = new Map<number, { id?: string; name?: string; arguments: string }>();
  for (const chunk of chunks) {
    for (const entry of chunk.choices?.[0]?.delta?.tool_calls ?? []) {
      const call = calls.get(entry.index!) ?? { arguments: "" };
      call.id ??= entry.id ?? undefined;
      call.name ??= entry.function?.name ?? undefined;
      call.arguments += (entry.function?.arguments as string | undefined) ?? "";
      calls.set(entry.index!, call);
    }
  }
  return [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
}

describe.each(providers)("the %s recording", (provider) => {
  it("merges interaction 0 into exactly the two calls it streamed", () => {
    const chunks = recordedChunks(provider, 0);
    const { merged: completion, diagnostics, complete } = mergeChunks(chunks);
    expect(diagnostics).toEqual([]);
    expect(complete).toBe(true);
    const [choice] = completion.choices;
    expect(completion.choices).toHaveLength(1);
    expect(choice!.finish_reason).toBe("tool_calls");
    const calls = choice!.message.tool_calls!;
    expect(calls.map((call) => call.function.name)).toEqual(["add", "multiply"]);
    for (const call of calls) expect(JSON.parse(call.function.arguments)).toEqual({ a: 2, b: 3 });
    const recorded = recordedCalls(chunks);
    expect(calls.map((call) => call.id)).toEqual(recorded.map((call) => call.id));
    expect(calls.map((call) => call.function.arguments)).toEqual(recorded.map((call) => call.arguments));
    expect(completion.usage).toEqual(chunks.at(-1)!.usage);
    expect(completion.usage!.cost).toBeGreaterThan(0);
    expect(completion.provider).toBe(chunks[0]!.provider);
    expect(completion.id).toBe(chunks[0]!.id);
    expect(choice!.native_finish_reason).toBe("tool_calls");
  });

  it("merges interaction 1 into a text answer that mentions 5 and 6", () => {
    const { merged: completion, diagnostics } = mergeChunks(recordedChunks(provider, 1));
    expect(diagnostics).toEqual([]);
    const [choice] = completion.choices;
    expect(choice!.finish_reason).toBe("stop");
    expect(choice!.message.content).toMatch(/5/);
    expect(choice!.message.content).toMatch(/6/);
    expect(choice!.message.tool_calls).toBeUndefined();
  });

  it("gives the message the Go client sent back in interaction 1", () => {
    const cassette = load(provider);
    const { merged: completion } = openaiChat.merge(bodyText(cassette.interactions[0]!.response.body));
    const request = JSON.parse(bodyText(cassette.interactions[1]!.request.body)) as {
      messages: Array<{ role: string; content?: string; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }> }>;
    };
    const witness = request.messages.find((message) => message.role === "assistant")!;
    const merged = completion.choices[0]!.message;
    // Go's client omits empty content; the merged message says null.
    expect(merged.content).toBe(witness.content ?? null);
    const calls = merged.tool_calls!.map((call) => ({ name: call.function.name, arguments: call.function.arguments }));
    expect(calls).toEqual(witness.tool_calls!.map((call) => ({ name: call.function.name, arguments: call.function.arguments })));
    if (provider === "chutes") {
      // The recording test replaced the ids with its own before sending them back.
      expect(witness.tool_calls!.every((call) => call.id.startsWith("test-"))).toBe(true);
    } else {
      expect(merged.tool_calls!.map((call) => call.id)).toEqual(witness.tool_calls!.map((call) => call.id));
    }
  });
});

describe("ids are kept exactly as sent", () => {
  it("keeps Kimi's non-unique functions.add:0 ids", () => {
    const { merged: completion } = mergeChunks(recordedChunks("fireworks", 0));
    expect(completion.choices[0]!.message.tool_calls!.map((call) => call.id)).toEqual(["functions.add:0", "functions.multiply:1"]);
  });
});
