import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { GoogleGenAI } from "@google/genai";
import { gemini } from "@tapedeck/codec/gemini";
import { afterEach, describe, expect, it } from "vitest";
import { streamPayloads } from "@tapedeck/codec";
import { aiSdk, recorded } from "./support.js";

const recordedChunks = (body: string | Uint8Array) => streamPayloads(body).length;

// tapedeck's Gemini merge against the AI SDK's Google provider and @google/genai, on the same bytes.

const vertexBase = "https://us-central1-aiplatform.googleapis.com/v1/projects/tapedeck-synthetic/locations/us-central1/publishers/google";

describe("the AI SDK's Google provider (streamText)", () => {
  it.each([
    ["gemini_api", undefined, "gemini-3-pro-preview"],
    ["gemini_vertex", vertexBase, "gemini-2.5-flash"],
  ])("agrees on %s: thought summaries, calls, text, usage, and each thought signature on the part it came with", async (name, baseURL, model) => {
    for (const index of [0, 1]) {
      const { fetch, body } = recorded(name, index);
      const theirs = await aiSdk(createGoogleGenerativeAI({ apiKey: "test", fetch, ...(baseURL ? { baseURL } : {}) })(model));
      const merged = gemini.merge(body).merged;
      const ours = gemini.normalize(merged);
      expect(theirs.errors).toEqual([]);
      expect(theirs.text).toBe(ours.text);
      expect(theirs.reasoning ?? "").toBe(ours.reasoning);
      expect(theirs.toolCalls.map(({ name: tool, input }) => ({ name: tool, input }))).toEqual(ours.toolCalls.map(({ name: tool, arguments: input }) => ({ name: tool, input })));
      expect(theirs.usage).toMatchObject({ inputTokens: ours.usage!.inputTokens, totalTokens: ours.usage!.totalTokens });
      const signatures = merged.candidates![0]!.content!.parts!.filter((part) => part.thought !== true).map((part) => part.thoughtSignature);
      const theirSignatures = theirs.metadata.filter((part) => part.type !== "reasoning").map((part) => (part.metadata as { google?: { thoughtSignature?: string } } | undefined)?.google?.thoughtSignature);
      expect(theirSignatures).toEqual(signatures);
    }
  });

  it("invents tool-call ids where Vertex sent none; tapedeck keeps the parts as sent (no id)", async () => {
    const { fetch, body } = recorded("gemini_vertex", 0);
    const theirs = await aiSdk(createGoogleGenerativeAI({ apiKey: "test", fetch, baseURL: vertexBase })("gemini-2.5-flash"));
    const ours = gemini.normalize(gemini.merge(body).merged);
    // Vertex rejects ids in the next turn (docs/dialects/gemini.md, "Next turn"): an invented id must never be sent back.
    expect(theirs.toolCalls.every((call) => call.id.length > 0)).toBe(true);
    expect(ours.toolCalls.map((call) => call.id)).toEqual(["", ""]);
  });

  it("uses the ids the Gemini API sent", async () => {
    const { fetch, body } = recorded("gemini_api", 0);
    const theirs = await aiSdk(createGoogleGenerativeAI({ apiKey: "test", fetch })("gemini-3-pro-preview"));
    expect(theirs.toolCalls.map((call) => call.id)).toEqual(gemini.normalize(gemini.merge(body).merged).toolCalls.map((call) => call.id));
  });
});

describe("@google/genai", () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it("has no accumulator: its chat keeps one model turn per chunk, the signature alone on the last; tapedeck merges it onto the one text part", async () => {
    const { fetch, body } = recorded("gemini_api", 1);
    globalThis.fetch = fetch;
    const chat = new GoogleGenAI({ apiKey: "test" }).chats.create({ model: "gemini-3-pro-preview" });
    let text = "";
    for await (const chunk of await chat.sendMessageStream({ message: "x" })) text += chunk.text ?? "";
    const history = chat.getHistory().filter((content) => content.role === "model");
    const merged = gemini.merge(body).merged;
    const chunks = recordedChunks(body);
    expect(text).toBe(gemini.normalize(merged).text);
    // docs/dialects/gemini.md's note ("Next turn") says the SDK's chat saw this chunk dropped; version 2.32.0 keeps it, as a model turn of its own with
    // an empty text part. Sent back, that history is a turn per chunk; the non-streaming shape is one signed text part.
    expect(history).toHaveLength(chunks);
    expect(history.at(-1)!.parts).toEqual([{ text: "", thoughtSignature: merged.candidates![0]!.content!.parts![0]!.thoughtSignature }]);
    expect(merged.candidates![0]!.content!.parts).toEqual([{ text: gemini.normalize(merged).text, thoughtSignature: expect.stringMatching(/^Cq/) }]);
  });
});

describe("Gemini without alt=sse (one JSON array)", () => {
  // No JavaScript client asks for the array (both above send alt=sse), so the reference is the SSE stream of the same
  // chunks, which the AI SDK agrees with above: the generator writes gemini_api_json_array from gemini_api's chunks.
  it("merges to what the SSE stream of the same chunks merges to", () => {
    for (const index of [0, 1]) {
      const sse = gemini.merge(recorded("gemini_api", index).body);
      const array = gemini.merge(recorded("gemini_api_json_array", index).body);
      expect(array.diagnostics).toEqual([]);
      expect(array.complete).toBe(true);
      expect(array.merged).toEqual(sse.merged);
      expect(recorded("gemini_api_json_array", index).events()).toEqual(recorded("gemini_api", index).events());
    }
  });
});
