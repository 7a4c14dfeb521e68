import { readFileSync } from "node:fs";
import { bodyText, parseCassette } from "@tapedeck/cassette";
import { providerCassettePath, providers } from "@tapedeck/fixtures";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openaiChat } from "./index.js";

/** Runs per property: TAPEDECK_PROPERTY_RUNS when set (`pnpm fuzz` sets 100,000), else a count that keeps `pnpm test` fast. */
const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 200;
const bodies = providers.flatMap((provider) =>
  parseCassette(readFileSync(providerCassettePath(provider), "utf8")).interactions.map((interaction) => bodyText(interaction.response.body)),
);

describe("random edits of the recorded streams", () => {
  it("never make merging throw: whatever is odd becomes a located diagnostic", { timeout: 300_000 }, () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat(40),
      insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("\n\n", "data: ", "{", "}", '"', "null", "[DONE]", ":", '"index":-1', '"tool_calls":7', "\r")),
    });
    fc.assert(
      fc.property(fc.nat(bodies.length - 1), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, edits) => {
        let text = bodies[which]!;
        for (const { at, remove, insert } of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
        }
        const result = openaiChat.merge(text);
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.event).toBeGreaterThanOrEqual(0);
          expect(diagnostic.message.length).toBeGreaterThan(0);
        }
        expect(result.merged.object).toBe("chat.completion");
      }),
      { numRuns: runs },
    );
  });
});
