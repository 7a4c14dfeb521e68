import { readFileSync } from "node:fs";
import { join } from "node:path";
import { badInputsDirectory } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import type { ChatCompletion } from "./dialects/openai-chat/types.js";
import type { DialectName, Framing, MergeResult } from "./dialect.js";
import { dialects } from "./dialects/index.js";
import { openaiChat } from "./dialects/openai-chat/index.js";

interface BadStream {
  file?: string;
  generate?: string;
  kind: "cassette" | "stream" | "recording";
  /** The dialect to merge with; OpenAI chat chunks when absent. */
  dialect?: DialectName;
  /** How the body is framed, when not the dialect's usual framing (Bedrock's Anthropic stream). */
  framing?: Framing;
  note: string;
  expect: {
    diagnostics?: string[];
    providerError?: unknown;
    content?: string;
    framing?: { code: string; line: number };
  };
}

const cases = (JSON.parse(readFileSync(join(badInputsDirectory, "cases.json"), "utf8")) as BadStream[]).filter((item) => item.kind === "stream");

describe("the bad-input corpus, merged as event streams", () => {
  it("has the broken streams the corpus promises", () => {
    expect(cases.length).toBeGreaterThanOrEqual(55);
    expect(new Set(cases.map((item) => item.dialect ?? "openai-chat"))).toEqual(new Set(Object.keys(dialects)));
  });

  for (const item of cases.filter((entry) => entry.file !== undefined)) {
    it(`${item.file}: gives its documented diagnostics and nothing else`, () => {
      const dialect = dialects[item.dialect ?? "openai-chat"];
      const result = dialect.merge(new Uint8Array(readFileSync(join(badInputsDirectory, item.file!))), item.framing ? { framing: item.framing } : {}) as MergeResult<unknown>;
      expect(result.diagnostics.map((diagnostic) => diagnostic.code), item.note).toEqual(item.expect.diagnostics);
      for (const diagnostic of result.diagnostics) expect(diagnostic.event).toBeGreaterThanOrEqual(0);
      if (item.expect.providerError !== undefined || !item.expect.diagnostics?.includes("provider-error")) expect(result.error, item.note).toEqual(item.expect.providerError);
      else expect(result.error, item.note).toBeDefined();
      if (item.expect.content !== undefined) expect((result.merged as ChatCompletion).choices[0]!.message.content).toBe(item.expect.content);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it("stops a 100 MB line that never ends at maxLineLength, fed in 1 MB pieces, with a diagnostic and no throw", () => {
    const item = cases.find((entry) => entry.generate === "huge-sse-line")!;
    const merger = openaiChat.createStreamMerger();
    const piece = "x".repeat(1024 * 1024);
    merger.feed("data: ");
    for (let fed = 0; fed < 100; fed += 1) merger.feed(piece);
    const result = merger.finish();
    expect(result.diagnostics.map((diagnostic) => diagnostic.code), item.note).toEqual(item.expect.diagnostics);
    expect(result.diagnostics[0]!.data).toEqual(item.expect.framing);
    expect(result.complete).toBe(false);
  });
});
