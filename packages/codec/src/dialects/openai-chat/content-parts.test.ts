import { describe, expect, it } from "vitest";
import { openaiChat } from "./index.js";

// Mistral (Magistral) streams delta.content as a list of parts: thinking parts holding text parts, then text
// parts (written from Mistral's API reference and the shapes its clients parse).
const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "cmpl-m", object: "chat.completion.chunk", created: 1750000000, model: "magistral-medium-2506", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const thinking = (text: string) => [{ type: "thinking", thinking: [{ type: "text", text }] }];
const text = (value: string) => [{ type: "text", text: value }];

describe("openai-chat content given as a list of parts (Mistral)", () => {
  const body = [
    chunk({ role: "assistant", content: "" }),
    chunk({ content: thinking("The user") }),
    chunk({ content: thinking(" wants a number.") }),
    chunk({ content: text("The answer") }),
    chunk({ content: text(" is 4.") }),
    chunk({ content: [] }, "stop"),
  ].join("") + "data: [DONE]\n\n";

  it("merges the parts, adjacent ones of a kind joined, into the list the provider returns whole, and loses no word", () => {
    const { merged, complete, diagnostics, residual } = openaiChat.merge(body, { residual: true });
    expect(diagnostics).toEqual([]);
    expect(complete).toBe(true);
    expect(merged.choices[0]!.message.content).toEqual([
      { type: "thinking", thinking: [{ type: "text", text: "The user wants a number." }] },
      { type: "text", text: "The answer is 4." },
    ]);
    expect(openaiChat.normalize(merged)).toMatchObject({ text: "The answer is 4.", reasoning: "The user wants a number.", finishReason: "stop" });
    expect(openaiChat.split(merged, { residual: residual! })).toBe(body);
  });

  it("splits a list of parts into list deltas that merge back to it", () => {
    const { merged } = openaiChat.merge(body);
    expect(openaiChat.merge(openaiChat.split(merged, { fragment: 3 })).merged).toEqual(merged);
  });

  it("keeps a part it does not know as sent, and turns earlier string content into a text part", () => {
    const mixed = [chunk({ role: "assistant", content: "Hello" }), chunk({ content: [{ type: "reference", reference_ids: [1] }, ...text(" world")] }, "stop")].join("") + "data: [DONE]\n\n";
    const { merged, complete } = openaiChat.merge(mixed);
    expect(complete).toBe(true);
    expect(merged.choices[0]!.message.content).toEqual([{ type: "text", text: "Hello" }, { type: "reference", reference_ids: [1] }, { type: "text", text: " world" }]);
  });

  it("reports a part that is not an object, keeps it in the diagnostic, and is not complete", () => {
    const broken = [chunk({ role: "assistant", content: text("A") }), chunk({ content: ["B"] }, "stop")].join("") + "data: [DONE]\n\n";
    const { complete, diagnostics } = openaiChat.merge(broken);
    expect(complete).toBe(false);
    expect(diagnostics).toMatchObject([{ code: "unplaced-content", event: 1, data: "B" }]);
  });
});
