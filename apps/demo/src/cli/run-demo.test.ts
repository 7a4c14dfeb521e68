import { providers } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { runDemo } from "./run-demo.js";

async function capture(color: boolean) {
  let output = "";
  const code = await runDemo({ stdout: { write: (text: string) => (output += text) }, color, width: 120 });
  return { code, output };
}

describe("the demo", () => {
  it("prints a plain table per provider when piped, with openai-node agreeing on every turn", async () => {
    const { code, output } = await capture(false);
    expect(code).toBe(0);
    expect(output).not.toMatch(/\u001b\[/);
    for (const provider of providers) expect(output).toContain(`${provider}  multi_tool_streaming_kimi-k2_${provider}.yaml`);
    expect(output.match(/✓ agrees/g)).toHaveLength(10);
    // Read off the recordings: Chutes' first turn has 41 chunks and costs $0.000158; BaseTen served its second.
    expect(output).toMatch(/0 +Chutes +I'll add and multiply the numbers 2… +functions\.add:0 +add +\{"a": 2, "b": 3\} +tool_calls +197 in +\$0\.000158 +41\/41 +✓ agrees/);
    expect(output).toMatch(/1 +BaseTen +The results are:/);
    expect(output).toContain('"id": null on continuations');
    expect(output).toContain('"name": null on continuations');
  });

  it("colours the output in a terminal", async () => {
    const { output } = await capture(true);
    expect(output).toMatch(/\u001b\[32m✓ agrees\u001b\[39m/);
  });
});
