import { describe, expect, it } from "vitest";
import { runDemo } from "./run-demo.js";

async function capture(options: { color: boolean; width?: number }) {
  let output = "";
  const code = await runDemo({ stdout: { write: (text: string) => (output += text) }, ...options });
  return { code, output };
}

const width = (line: string) => [...line.replace(/\u001b\[\d+m/g, "")].length;

describe("the demo", { timeout: 60_000 }, () => {
  it("shows every fixture of every dialect in one table, the clients agreeing on every turn they read", async () => {
    const { code, output } = await capture({ color: false });
    expect(code).toBe(0);
    expect(output).not.toMatch(/\u001b\[/);
    for (const name of ["multi_tool_streaming_kimi-k2_chutes (recording)", "anthropic_bedrock (synthetic)", "gemini_vertex (synthetic)", "bedrock_converse (synthetic)", "openai_responses_azure (synthetic)"]) {
      expect(output).toContain(`  ${name}\n`);
    }
    // Read off the recordings: Chutes' first turn has 41 JSON events and 197 prompt / 55 completion tokens; BaseTen served its second.
    expect(output).toMatch(/^ {2}0 {2}openai-chat +add +tool_calls +197\/55 +41 ✓ +✓ openai-node$/m);
    expect(output).toContain('BaseTen: "The results are:');
    // Read off the synthetic fixtures (docs/dialects/): Anthropic's tool turn, Gemini's text turn.
    expect(output).toMatch(/^ {2}0 {2}anthropic +add +tool_use +612\/189 +47 ✓ +✓ anthropic-sdk$/m);
    expect(output).toMatch(/^ {2}1 {2}gemini +- +STOP +160\/14 +6 ✓ +-$/m);
    expect(output).toMatch(/^ {2}0 {2}openai-responses +add +completed +214\/96 +31 ✓ +✓ openai-node$/m);
    // And the synthetic fixtures of the newer dialects: Cohere's tool turn, Ollama's generate turn, vLLM's completion cut at max_tokens.
    expect(output).toMatch(/^ {2}0 {2}cohere +add +TOOL_CALL +1502\/71 +27 ✓ +-$/m);
    expect(output).toMatch(/^ {2}2 {2}ollama +- +stop +31\/15 +7 ✓ +-$/m);
    expect(output).toMatch(/^ {2}1 {2}openai-completions +- +length +41\/16 +8 ✓ +-$/m);
    expect(output).toContain("17 cassettes, 35 turns, 8 dialects");
    expect(output.match(/✓ (openai-node|anthropic-sdk)/g)).toHaveLength(16);
    expect(output).not.toContain("✗");
    expect(output).toContain('"id": null on continuations');
  });

  it("fits 100 columns, and 80", async () => {
    for (const columns of [100, 80]) {
      const { output } = await capture({ color: true, width: columns });
      const lines = output.split("\n");
      expect(lines.filter((line) => width(line) > columns), `${columns} columns`).toEqual([]);
    }
  });

  it("colours the output in a terminal", async () => {
    const { output } = await capture({ color: true });
    expect(output).toMatch(/\u001b\[32m✓ openai-node\u001b\[39m/);
  });
});
