import { parseAwsEventStream, serializeAwsEventStream } from "@tapedeck/aws-event-stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anthropic } from "./dialects/anthropic/index.js";
import type { AnthropicMessage } from "./dialects/anthropic/types.js";
import { bedrockConverse } from "./dialects/bedrock-converse/index.js";
import type { ConverseResponse } from "./dialects/bedrock-converse/types.js";
import type { Dialect, Framing } from "./dialect.js";
import { gemini } from "./dialects/gemini/index.js";
import { dialectNames, dialects } from "./dialects/index.js";
import type { GenerateContentResponse } from "./dialects/gemini/types.js";
import { openaiResponses } from "./dialects/openai-responses/index.js";
import type { Response } from "./dialects/openai-responses/types.js";
import type { Fragmenter } from "./shared/fragment.js";
import { cutInto, propertyRuns, referenceCount } from "./test-support/json-style.js";

// For every dialect other than chat (openai-chat/roundtrip.property.test.ts): generated objects,
// split into streams with generated padding, pings, obfuscation and fragment boundaries.

const runs = propertyRuns(150);
const text = fc.string({ minLength: 1, maxLength: 30, unit: fc.oneof(fc.constantFrom("a", " ", "\n", '"', "\\", "é", "×", "🎉", "{", "/"), fc.string({ minLength: 1, maxLength: 1, unit: "binary" })) });
const opaque = fc.string({ minLength: 4, maxLength: 40, unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") });
// Through JSON once: what a wire can carry (no -0).
const json = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
const fragmenter: fc.Arbitrary<Fragmenter> = fc.oneof(
  fc.integer({ min: 1, max: 9 }),
  fc.infiniteStream(fc.integer({ min: 1, max: 7 })).map((sizes): Fragmenter => {
    const iterator = sizes[Symbol.iterator]();
    return (value) => {
      const characters = Array.from(value);
      const pieces: string[] = [];
      for (let start = 0; start < characters.length; ) {
        const size = iterator.next().value as number;
        pieces.push(characters.slice(start, start + size).join(""));
        start += size;
      }
      return pieces;
    };
  }),
);

const anthropicMessage: fc.Arbitrary<AnthropicMessage> = fc
  .record({
    id: opaque,
    blocks: fc.array(
      fc.oneof(
        fc.record({ type: fc.constant("text"), text }),
        fc.record({ citations: fc.array(fc.record({ type: fc.constant("web_search_result_location"), cited_text: text, encrypted_index: opaque }), { minLength: 1, maxLength: 2 }), type: fc.constant("text"), text }),
        fc.record({ type: fc.constant("thinking"), thinking: text, signature: opaque }),
        fc.record({ type: fc.constant("tool_use"), id: opaque, name: fc.constantFrom("add", "multiply"), input: json }),
        fc.record({ type: fc.constant("redacted_thinking"), data: opaque }),
      ),
      { maxLength: 4 },
    ),
    stop: fc.constantFrom("end_turn", "tool_use", "max_tokens"),
    input: fc.nat(5000),
    output: fc.integer({ min: 1, max: 5000 }),
  })
  .map(({ id, blocks, stop, input, output }) => ({
    id: `msg_${id}`,
    type: "message" as const,
    role: "assistant",
    model: "claude-sonnet-4-5",
    content: blocks,
    stop_reason: stop,
    stop_sequence: null,
    usage: { input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: output },
  }));

const responsesResponse: fc.Arbitrary<Response> = fc
  .record({
    items: fc.array(
      fc.oneof(
        fc.record({ id: opaque, type: fc.constant("reasoning"), encrypted_content: opaque, summary: fc.array(fc.record({ type: fc.constant("summary_text"), text }), { maxLength: 3 }) }),
        fc.record({ id: opaque, type: fc.constant("message"), status: fc.constant("completed"), content: fc.array(fc.record({ type: fc.constant("output_text"), annotations: fc.constant<unknown[]>([]), logprobs: fc.constant<unknown[]>([]), text }), { minLength: 1, maxLength: 2 }), role: fc.constant("assistant") }),
        fc.record({ id: opaque, type: fc.constant("function_call"), status: fc.constant("completed"), arguments: json.map((value) => JSON.stringify(value)), call_id: opaque, name: fc.constantFrom("add", "multiply") }),
      ),
      { maxLength: 4 },
    ),
    input: fc.nat(3000),
    output: fc.nat(3000),
  })
  .map(({ items, input, output }) => ({
    id: "resp_1",
    object: "response" as const,
    created_at: 1760000000,
    status: "completed",
    completed_at: 1760000002,
    model: "gpt-5",
    output: items,
    temperature: 1,
    usage: { input_tokens: input, output_tokens: output, total_tokens: input + output },
  }));

/** Parts in which no two neighbours are text of the same kind: a merge would join those. */
const geminiParts = fc
  .array(
    fc.oneof(
      fc.record({ text, thought: fc.constant(true) }),
      fc.record({ text, thoughtSignature: opaque }),
      fc.record({ functionCall: fc.record({ name: fc.constantFrom("add", "multiply"), args: json, id: opaque }), thoughtSignature: opaque }),
      fc.record({ functionCall: fc.record({ name: fc.constantFrom("add", "multiply"), args: json }) }),
    ),
    { maxLength: 4 },
  )
  .filter((parts) => parts.every((part, index) => index === 0 || !("text" in part) || !("text" in parts[index - 1]!) || (part as { thought?: boolean }).thought !== (parts[index - 1] as { thought?: boolean }).thought));

const geminiResponse: fc.Arbitrary<GenerateContentResponse> = fc.record({ parts: geminiParts, prompt: fc.nat(999), candidates: fc.nat(999) }).map(({ parts, prompt, candidates }) => ({
  candidates: [{ content: { parts, role: "model" }, finishReason: "STOP", index: 0 }],
  usageMetadata: { promptTokenCount: prompt, candidatesTokenCount: candidates, totalTokenCount: prompt + candidates },
  modelVersion: "gemini-3-pro-preview",
  responseId: "r1",
}));

const converseResponse: fc.Arbitrary<ConverseResponse> = fc
  .record({
    blocks: fc.array(
      fc.oneof(
        fc.record({ text }),
        fc.record({ toolUse: fc.record({ toolUseId: opaque, name: fc.constantFrom("add", "multiply"), input: json }) }),
        fc.record({ reasoningContent: fc.record({ reasoningText: fc.record({ text, signature: opaque }) }) }),
      ),
      { maxLength: 4 },
    ),
    stop: fc.constantFrom("end_turn", "tool_use"),
  })
  .map(({ blocks, stop }) => ({ output: { message: { role: "assistant", content: blocks } }, stopReason: stop, usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 }, metrics: { latencyMs: 12 } }));

/** What each provider adds on the wire, applied to a canonical stream: padding, pings, obfuscation, `p`, line ends. */
const wire = {
  anthropicSse: (text: string, seeds: number[]) => {
    let turn = 0;
    const next = () => seeds[turn++ % seeds.length]!;
    return text
      .split("\n\n")
      .filter((event) => event !== "")
      .map((event) => {
        const padded = event.replace(/\}$/, `${" ".repeat(next() % 16)}}`);
        return `${padded}\n\n${next() % 5 === 0 ? 'event: ping\ndata: {"type": "ping"}\n\n' : ""}`;
      })
      .join("");
  },
  responsesSse: (text: string, seeds: number[]) => {
    let turn = 0;
    return text
      .replaceAll('"temperature":1,', '"temperature":1.0,')
      .replace(/("type":"response\.[a-z_.]+\.delta".*?),"sequence_number"/g, (_match, head: string) => `${head},"obfuscation":"${"abcXYZ".repeat(1 + (seeds[turn++ % seeds.length]! % 3))}","sequence_number"`);
  },
  geminiSse: (text: string, seeds: number[]) => (seeds[0]! % 2 === 0 ? text : text.replaceAll("\r\n", "\n")),
  paddedFrames: (bytes: Uint8Array, seeds: number[]) =>
    serializeAwsEventStream(
      parseAwsEventStream(bytes).map((message, index) => {
        const payload = JSON.parse(new TextDecoder().decode(message.payload)) as Record<string, unknown>;
        payload.p = "abcdefghijklmnopqrstuvwxyz".slice(0, 1 + (seeds[index % seeds.length]! % 26));
        return { headers: message.headers, payload: new TextEncoder().encode(JSON.stringify(payload)) };
      }),
    ),
};

interface Case<Merged> {
  name: string;
  dialect: Dialect<Merged, string | Uint8Array, object>;
  merged: fc.Arbitrary<Merged>;
  framing: Framing;
  onWire: (body: string | Uint8Array, seeds: number[]) => string | Uint8Array;
}

const cases: Array<Case<unknown>> = [
  { name: "anthropic", dialect: anthropic, merged: anthropicMessage, framing: "sse", onWire: (body: string | Uint8Array, seeds: number[]) => wire.anthropicSse(body as string, seeds) },
  { name: "anthropic over Bedrock", dialect: anthropic, merged: anthropicMessage, framing: "aws-event-stream", onWire: (body: string | Uint8Array, seeds: number[]) => wire.paddedFrames(body as Uint8Array, seeds) },
  { name: "openai-responses", dialect: openaiResponses, merged: responsesResponse, framing: "sse", onWire: (body: string | Uint8Array, seeds: number[]) => wire.responsesSse(body as string, seeds) },
  { name: "gemini", dialect: gemini, merged: geminiResponse, framing: "sse", onWire: (body: string | Uint8Array, seeds: number[]) => wire.geminiSse(body as string, seeds) },
  { name: "bedrock-converse", dialect: bedrockConverse, merged: converseResponse, framing: "aws-event-stream", onWire: (body: string | Uint8Array, seeds: number[]) => wire.paddedFrames(body as Uint8Array, seeds) },
] as Array<Case<unknown>>;

const sameBytes = (left: string | Uint8Array, right: string | Uint8Array) =>
  expect(typeof left === "string" ? left : Buffer.from(left).toString("base64")).toBe(typeof right === "string" ? right : Buffer.from(right).toString("base64"));

describe.each(cases)("$name, on generated streams", ({ dialect, merged: arbitrary, framing, onWire }) => {
  const stream = fc.tuple(arbitrary, fragmenter, fc.array(fc.nat(), { minLength: 1, maxLength: 8 })).map(([original, fragment, seeds]) => ({
    original,
    body: onWire(dialect.split(original, { framing, fragment }), seeds),
  }));

  it("merge gives the object back, and split with the residual gives the very bytes back", () => {
    fc.assert(
      fc.property(stream, ({ original, body }) => {
        const { merged, residual, diagnostics } = dialect.merge(body, { framing, residual: true });
        expect(diagnostics).toEqual([]);
        expect(merged).toEqual(original);
        sameBytes(dialect.split(merged, { residual: residual! }), body);
        expect(referenceCount(residual)).toBeGreaterThan(0);
      }),
      { numRuns: runs },
    );
  });

  it("merges the same however the bytes are cut", () => {
    fc.assert(
      fc.property(stream, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }), ({ body }, sizes) => {
        const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
        const merger = dialect.createStreamMerger({ framing });
        for (const piece of cutInto(bytes, sizes)) merger.feed(piece);
        expect(merger.finish()).toEqual(dialect.merge(body, { framing }));
      }),
      { numRuns: runs },
    );
  });
});

// Every dialect, in every framing it travels in, on its own example answer with generated text and cuts:
// a new dialect is covered here the day it is registered.
describe.each(dialectNames.flatMap((name) => dialects[name].framings.map((framing) => ({ name, framing }))))("$name over $framing, from its example answer", ({ name, framing }) => {
  const dialect = dialects[name];
  it("merges its own split back to the answer, complete and without a diagnostic, and splits it back byte for byte", () => {
    fc.assert(
      fc.property(text, fragmenter, (answer, fragment) => {
        const original = dialect.example(answer);
        const body = dialect.split(original, { framing, fragment });
        const { merged, residual, diagnostics, complete } = dialect.merge(body, { framing, residual: true });
        expect(diagnostics).toEqual([]);
        expect(complete).toBe(true);
        expect(merged).toEqual(original);
        expect(dialect.normalize(merged).text).toBe(answer);
        sameBytes(dialect.split(merged, { residual: residual! }), body);
      }),
      { numRuns: runs },
    );
  });

  it("merges the same however the bytes are cut", () => {
    fc.assert(
      fc.property(text, fragmenter, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }), (answer, fragment, sizes) => {
        const body = dialect.split(dialect.example(answer), { framing, fragment });
        const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
        const merger = dialect.createStreamMerger({ framing, residual: true });
        for (const piece of cutInto(bytes, sizes)) merger.feed(piece);
        const whole = dialect.merge(body, { framing, residual: true });
        const cut = merger.finish();
        expect(cut).toEqual(whole);
        sameBytes(dialect.split(cut.merged, { residual: cut.residual! }), body);
      }),
      { numRuns: runs },
    );
  });
});
