import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Fragmenter } from "../../shared/fragment.js";
import { cutInto, jsonStyle, propertyRuns, referenceCount, styledJson } from "../../test-support/json-style.js";
import { type ChatHost, hostShapes } from "./hosts.js";
import { openaiChat } from "./index.js";
import { splitChunks } from "./split.js";
import { sseBody } from "../../test-support/chat-chunks.js";
import type { ChatCompletion, CompletionChoice, ToolCall } from "./types.js";

const runs = propertyRuns(200);

const text = fc.string({ minLength: 1, maxLength: 40, unit: fc.oneof(fc.constantFrom("a", " ", "\n", "{", '"', "é", "🎉", "\\"), fc.string({ minLength: 1, maxLength: 1, unit: "binary" })) });
const optionalText = fc.option(text, { nil: null });

const toolCall: fc.Arbitrary<ToolCall> = fc.record({
  id: fc.oneof(fc.constantFrom("functions.add:0", "call_1"), fc.string({ minLength: 1, maxLength: 12 })),
  type: fc.constant("function"),
  function: fc.record({
    name: fc.string({ minLength: 1, maxLength: 10 }),
    arguments: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  }),
});

const choice = (index: number): fc.Arbitrary<CompletionChoice> =>
  fc
    .record(
      {
        content: optionalText,
        refusal: optionalText,
        reasoning: text,
        tool_calls: fc.array(toolCall, { minLength: 1, maxLength: 5 }),
        finish_reason: fc.constantFrom("stop", "tool_calls", "length", "content_filter"),
        native_finish_reason: fc.constantFrom("stop", "tool_calls", null),
      },
      { requiredKeys: ["content", "refusal", "finish_reason"] },
    )
    .map(({ content, refusal, reasoning, tool_calls, finish_reason, native_finish_reason }) => {
      const message: CompletionChoice["message"] = { role: "assistant", content, refusal };
      if (tool_calls !== undefined) message.tool_calls = tool_calls;
      if (reasoning !== undefined) message.reasoning = reasoning;
      const result: CompletionChoice = { index, message, finish_reason, logprobs: null };
      if (native_finish_reason !== undefined) result.native_finish_reason = native_finish_reason;
      return result;
    });

const completion: fc.Arbitrary<ChatCompletion> = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 20 }),
      created: fc.nat(),
      model: fc.string({ minLength: 1, maxLength: 20 }),
      indexes: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 4 }),
      usage: fc.record({ prompt_tokens: fc.nat(), completion_tokens: fc.nat(), total_tokens: fc.nat() }),
      provider: fc.constantFrom("Novita", "Fireworks"),
    },
    { requiredKeys: ["id", "created", "model", "indexes"] },
  )
  .chain(({ indexes, usage, provider, ...rest }) =>
    fc.tuple(...[...indexes].sort((a, b) => a - b).map(choice)).map((choices) => {
      const result: ChatCompletion = { ...rest, object: "chat.completion", choices };
      if (usage !== undefined) result.usage = usage;
      if (provider !== undefined) result.provider = provider;
      return result;
    }),
  );

const host = fc.constantFrom(...(Object.keys(hostShapes) as ChatHost[]));

/** Fixed sizes, or random cuts (empty pieces included). */
const fragmenter: fc.Arbitrary<Fragmenter> = fc.oneof(
  fc.integer({ min: 1, max: 12 }),
  fc.infiniteStream(fc.nat(6)).map((sizes): Fragmenter => {
    const iterator = sizes[Symbol.iterator]();
    return (value) => {
      const pieces: string[] = [];
      for (let start = 0; start < value.length; ) {
        const size = iterator.next().value as number;
        pieces.push(value.slice(start, start + size));
        start += size;
      }
      return pieces;
    };
  }),
);

describe("split, then merge", () => {
  it("gives back any completion, for any host and fragmentation", () => {
    fc.assert(
      fc.property(completion, host, fragmenter, (original, name, fragment) => {
        const chunks = splitChunks(original, { host: name, fragment });
        expect(openaiChat.mergeEvents(chunks).merged).toEqual(original);
      }),
      { numRuns: runs },
    );
  });

  it("gives the same result when the SSE bytes are cut into network-sized pieces", () => {
    fc.assert(
      fc.property(completion, host, fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 20 }), (original, name, sizes) => {
        const text = sseBody(splitChunks(original, { host: name, fragment: 5 }));
        const merger = openaiChat.createStreamMerger();
        for (const piece of cutInto(new TextEncoder().encode(text), sizes)) merger.feed(piece);
        const whole = openaiChat.merge(text);
        expect(merger.finish()).toEqual(whole);
        expect(whole.merged).toEqual(original);
      }),
      { numRuns: runs },
    );
  });

  it("reads pieces from an async source too", async () => {
    const original = fc.sample(completion, { numRuns: 1, seed: 7 })[0]!;
    const text = sseBody(splitChunks(original, { host: "fireworks", fragment: 2 }));
    const bytes = new TextEncoder().encode(text);
    const pieces = (async function* () {
      for (let start = 0; start < bytes.length; start += 13) yield bytes.slice(start, start + 13);
    })();
    expect((await openaiChat.merge(pieces)).merged).toEqual(original);
  });
});

describe("merge, then split with the residual", () => {
  it("gives back the very bytes of any stream: any host, JSON spelling, comments and line ends", () => {
    const lineEnd = fc.constantFrom("\n", "\r\n");
    fc.assert(
      fc.property(completion, host, fragmenter, jsonStyle, lineEnd, fc.boolean(), (original, name, fragment, style, end, comment) => {
        const chunks = splitChunks(original, { host: name, fragment });
        const events = chunks.map((item) => `data: ${styledJson(item, { ...style, padding: 0 })}${end}${end}`);
        const text = `${comment ? `: OPENROUTER PROCESSING${end}${end}` : ""}${events.join("")}data: [DONE]${end}${end}`;
        const { merged, residual } = openaiChat.merge(text, { residual: true });
        expect(merged).toEqual(original);
        expect(openaiChat.split(merged, { residual: residual! })).toBe(text);
        // The text lives in the merged object, not in the residual.
        expect(referenceCount(residual)).toBeGreaterThan(0);
      }),
      { numRuns: runs },
    );
  });
});
