import { readFileSync } from "node:fs";
import { join } from "node:path";
import { badInputsDirectory } from "@tapedeck/fixtures";
import { EventStreamError } from "@tapedeck/sse";
import { describe, expect, it } from "vitest";
import { createEventStreamMerger, mergeEventStream } from "./decode/event-stream.js";

interface BadStream {
  file?: string;
  generate?: string;
  kind: "cassette" | "stream";
  note: string;
  expect: {
    diagnostics?: string[];
    providerError?: unknown;
    content?: string;
    throws?: { name: string; code: string; line: number };
  };
}

const cases = (JSON.parse(readFileSync(join(badInputsDirectory, "cases.json"), "utf8")) as BadStream[]).filter((item) => item.kind === "stream");

describe("the bad-input corpus, merged as event streams", () => {
  it("has the broken streams the corpus promises", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const item of cases.filter((entry) => entry.file !== undefined)) {
    it(`${item.file}: gives its documented diagnostics and nothing else`, () => {
      const result = mergeEventStream(readFileSync(join(badInputsDirectory, item.file!), "utf8"));
      expect(result.diagnostics.map((diagnostic) => diagnostic.code), item.note).toEqual(item.expect.diagnostics);
      for (const diagnostic of result.diagnostics) expect(diagnostic.chunk).toBeGreaterThanOrEqual(0);
      expect(result.error, item.note).toEqual(item.expect.providerError);
      if (item.expect.content !== undefined) expect(result.completion.choices[0]!.message.content).toBe(item.expect.content);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it("stops a 100 MB line that never ends at maxLineLength, fed in 1 MB pieces, with a typed error", () => {
    const item = cases.find((entry) => entry.generate === "huge-sse-line")!;
    const merger = createEventStreamMerger();
    const piece = "x".repeat(1024 * 1024);
    let caught: unknown;
    let fed = 0;
    try {
      merger.feed("data: ");
      for (; fed < 100; fed += 1) merger.feed(piece);
    } catch (error) {
      caught = error;
    }
    expect(caught, item.note).toBeInstanceOf(EventStreamError);
    expect({ name: (caught as EventStreamError).name, code: (caught as EventStreamError).code, line: (caught as EventStreamError).line }).toEqual(item.expect.throws);
    // It gave up at the 64th piece, as soon as the line passed 64 MiB, not after reading all 100 MB.
    expect(fed + 1).toBe(64);
  });
});
