import { readFileSync } from "node:fs";
import { bodyText, type Interaction, parseCassette } from "@tapedeck/cassette";
import { streamPayloads } from "@tapedeck/codec";
import { cassettePath, listCassettes } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { ChatCompletionChunkSchema, ChatCompletionRequestSchema } from "./validators.js";

/** The JSON of each event of an interaction's stream. */
const chunkPayloads = (interaction: Interaction) => streamPayloads(interaction.response.body ?? "").map((payload) => ({ json: JSON.parse(payload.data) as unknown }));

const cassettes = listCassettes().map((name) => ({ name, cassette: parseCassette(readFileSync(cassettePath(name), "utf8")) }));

describe("the generated validators", () => {
  it.each(cassettes)("accept every chunk and request body of $name", ({ cassette }) => {
    let checked = 0;
    for (const interaction of cassette.interactions) {
      expect(ChatCompletionRequestSchema.safeParse(JSON.parse(bodyText(interaction.request.body))).success).toBe(true);
      for (const { json } of chunkPayloads(interaction)) {
        const result = ChatCompletionChunkSchema.safeParse(json);
        expect(result.error?.issues ?? []).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("reject a chunk whose choice index is a string, with the path to the field", () => {
    const [first] = chunkPayloads(cassettes[0]!.cassette.interactions[0]!);
    const mutated = structuredClone(first!.json) as { choices: Array<{ index: unknown }> };
    mutated.choices[0]!.index = "0";
    const result = ChatCompletionChunkSchema.safeParse(mutated);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([["choices", 0, "index"]]);
  });

  it("reject a chunk without choices", () => {
    const [first] = chunkPayloads(cassettes[0]!.cassette.interactions[0]!);
    const { choices: _choices, ...rest } = first!.json as Record<string, unknown>;
    const result = ChatCompletionChunkSchema.safeParse(rest);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([["choices"]]);
  });
});
