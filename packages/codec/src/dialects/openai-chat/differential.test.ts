import { readFileSync } from "node:fs";
import { bodyText, parseCassette } from "@tapedeck/cassette";
import { providerCassettePath, providers } from "@tapedeck/fixtures";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import type { MergeResult } from "../../dialect.js";
import { openaiChat } from "./index.js";
import { quirkCases } from "../../test-support/chat-quirk-cases.js";
import { chunk, sseBody } from "../../test-support/chat-chunks.js";
import type { ChatCompletion } from "./types.js";

type Merge = MergeResult<ChatCompletion>;

/** openai-node's own accumulator (`ChatCompletionStream`), fed the same bytes through its client. */
async function openaiNode(body: string): Promise<{ completion?: ChatCompletion; error?: string }> {
  const client = new OpenAI({
    apiKey: "test",
    baseURL: "http://127.0.0.1:9/v1",
    maxRetries: 0,
    fetch: async () => new Response(body, { headers: { "content-type": "text/event-stream" } }),
  });
  try {
    const stream = client.chat.completions.stream({ model: "m", messages: [{ role: "user", content: "x" }] });
    return { completion: (await stream.finalChatCompletion()) as unknown as ChatCompletion };
  } catch (error) {
    return { error: (error as Error).message.split("\n")[0] };
  }
}

/** What a user of either merger acts on. */
function essentials(completion: ChatCompletion) {
  return {
    choices: completion.choices.map((choice) => ({
      content: choice.message.content ?? null,
      finish_reason: choice.finish_reason,
      tool_calls: (choice.message.tool_calls ?? []).map((call) =>
        call === undefined ? null : { id: call.id ?? null, name: call.function?.name ?? null, arguments: call.function?.arguments ?? null },
      ),
    })),
    usage: completion.usage ?? null,
  };
}

describe("tapedeck and openai-node on the recordings", () => {
  for (const provider of providers) {
    for (const interaction of [0, 1]) {
      it(`agree on ${provider} interaction ${interaction}, except native_finish_reason`, async () => {
        const cassette = parseCassette(readFileSync(providerCassettePath(provider), "utf8"));
        const body = bodyText(cassette.interactions[interaction]!.response.body);
        const ours = openaiChat.merge(body).merged;
        const theirs = (await openaiNode(body)).completion!;
        expect(essentials(theirs)).toEqual(essentials(ours));
        // openai-node copies every choice field of every chunk over the last: the usage chunk's
        // native_finish_reason: null erases the real one. tapedeck keeps the last non-null value.
        expect(theirs.choices[0]!.native_finish_reason).toBeNull();
        expect(ours.choices[0]!.native_finish_reason).toBe(interaction === 0 ? "tool_calls" : "stop");
      });
    }
  }
});

/**
 * Where openai-node differs: what it does, what tapedeck does instead, and why
 * tapedeck's answer is right. Both sides are checked: if either changes, this
 * table must change with it.
 */
const differences: Record<
  string,
  { openaiNode: (result: { completion?: ChatCompletion; error?: string }) => unknown; theirs: unknown; tapedeck: (result: Merge) => unknown; ours: unknown; why: string }
> = {
  "no index at all": {
    openaiNode: (result) => essentials(result.completion!).choices[0]!.tool_calls,
    theirs: [],
    tapedeck: (result) => essentials(result.merged).choices[0]!.tool_calls,
    ours: [
      { id: "g1", name: "add", arguments: "{}" },
      { id: "g2", name: "multiply", arguments: "{}" },
    ],
    why: 'it files both calls under tool_calls["undefined"], a property no array method sees, so both calls vanish; tapedeck places each by its id',
  },
  "every call at index 0, told apart by a new id": {
    openaiNode: (result) => essentials(result.completion!).choices[0]!.tool_calls,
    theirs: [{ id: "x2", name: "multiply", arguments: "{}{}" }],
    tapedeck: (result) => essentials(result.merged).choices[0]!.tool_calls,
    ours: [
      { id: "x1", name: "add", arguments: "{}" },
      { id: "x2", name: "multiply", arguments: "{}" },
    ],
    why: "it merges two calls into one, keeping the second id and name and both arguments; tapedeck starts a new call on a new id",
  },
  "indexes starting at 1 after text": {
    openaiNode: (result) => result.error,
    theirs: "Cannot read properties of undefined (reading 'type')",
    tapedeck: (result) => essentials(result.merged).choices[0],
    ours: { content: "Checking.", finish_reason: "tool_calls", tool_calls: [{ id: "t1", name: "add", arguments: "{}" }] },
    why: "it leaves a hole at tool_calls[0] and crashes on it with a TypeError; tapedeck lists calls in the order they began",
  },
  "arguments as an object": {
    openaiNode: (result) => essentials(result.completion!).choices[0]!.tool_calls,
    theirs: [{ id: "c", name: "f", arguments: "[object Object]" }],
    tapedeck: (result) => essentials(result.merged).choices[0]!.tool_calls,
    ours: [{ id: "c", name: "f", arguments: '{"a":1}' }],
    why: "it concatenates the object to a string; tapedeck serializes it once as JSON",
  },
  "a trailing repeat of the whole arguments": {
    openaiNode: (result) => essentials(result.completion!).choices[0]!.tool_calls,
    theirs: [{ id: "c", name: "f", arguments: '{"a":1}{"a":1}' }],
    tapedeck: (result) => [essentials(result.merged).choices[0]!.tool_calls, result.diagnostics.map((diagnostic) => diagnostic.code)],
    ours: [[{ id: "c", name: "f", arguments: '{"a":1}' }], ["repeated-arguments"]],
    why: "it appends the repeat and yields invalid JSON; tapedeck drops the repeat and reports it",
  },
  "usage: null after the real usage": {
    openaiNode: (result) => result.completion!.usage,
    theirs: null,
    tapedeck: (result) => result.merged.usage,
    ours: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    why: "it copies top-level fields of every chunk, so the later usage: null erases the usage; tapedeck keeps the last non-null usage",
  },
  "reasoning deltas": {
    openaiNode: (result) => result.completion!.choices[0]!.message.reasoning,
    theirs: "ing.",
    tapedeck: (result) => result.merged.choices[0]!.message.reasoning,
    ours: "Thinking.",
    why: "it copies unknown delta fields over each other, keeping only the last fragment; tapedeck concatenates reasoning text",
  },
  "no finish reason (a cut stream)": {
    openaiNode: (result) => result.error,
    theirs: "missing finish_reason for choice 0",
    tapedeck: (result) => [result.merged.choices[0]!.message.content, result.complete, result.diagnostics.map((diagnostic) => diagnostic.code)],
    ours: ["a", false, ["missing-finish-reason"]],
    why: "it throws away the whole partial message; tapedeck returns it, not complete, with a missing-finish-reason diagnostic",
  },
  "a chunk id that changes": {
    openaiNode: (result) => result.completion!.id,
    theirs: "two",
    tapedeck: (result) => result.merged.id,
    // The stream opens with the role chunk (id chatcmpl-1), then "one", then "two".
    ours: "chatcmpl-1",
    why: "it keeps the last id; tapedeck keeps the first, the id the response was announced with",
  },
  "an error object mid-stream": {
    openaiNode: (result) => result.error ?? result.completion!.error,
    theirs: "Provider returned error",
    tapedeck: (result) => [result.merged.choices[0]!.message.content, result.error, result.complete],
    ours: ["partial", { message: "Provider returned error", code: 502 }, false],
    why: "it throws when a chunk carries an error, losing the partial text; tapedeck keeps both the text and the error",
  },
};

describe("tapedeck and openai-node on every quirk", () => {
  for (const [name, chunks] of Object.entries(quirkCases)) {
    it(name, async () => {
      // Every real stream names the role first; openai-node throws without it ("missing role").
      const body = sseBody([chunk({ role: "assistant" }), ...chunks]);
      const ours = openaiChat.merge(body);
      const theirs = await openaiNode(body);
      const difference = differences[name];
      if (difference === undefined) {
        expect(theirs.error).toBeUndefined();
        expect(essentials(theirs.completion!)).toEqual(essentials(ours.merged));
      } else {
        expect(difference.openaiNode(theirs)).toEqual(difference.theirs);
        expect(difference.tapedeck(ours)).toEqual(difference.ours);
      }
    });
  }

  it("covers every difference in the table with a quirk case", () => {
    expect(Object.keys(differences).filter((name) => !(name in quirkCases))).toEqual([]);
  });
});
