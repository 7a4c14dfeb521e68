import { bodyText, type Cassette } from "@tapedeck/cassette";
import { readCassette } from "@tapedeck/cassette/node";
import { providerCassettePath, providers } from "@tapedeck/fixtures";
import { createReplayFetch } from "@tapedeck/replay";
import OpenAI from "openai";
import { analyzeInteraction, essentials, type TurnReport } from "../shared/analyze.js";
import { createStyle, oneLine, renderTable, type Style } from "./table.js";

/** What the demo found for one turn, with openai-node's verdict. */
export interface DemoTurn extends TurnReport {
  openaiNode: { agrees: boolean; detail: string };
}

/**
 * Replays every recorded turn through openai-node (against a replay fetch) and
 * through tapedeck's codec, validates every chunk with the generated validators,
 * and compares the two.
 */
export async function collectDemo(): Promise<Array<{ provider: string; file: string; turns: DemoTurn[] }>> {
  const result = [];
  for (const provider of providers) {
    const file = providerCassettePath(provider);
    const cassette = await readCassette(file);
    result.push({ provider, file: file.split("/").pop()!, turns: await replayTurns(cassette) });
  }
  return result;
}

async function replayTurns(cassette: Cassette): Promise<DemoTurn[]> {
  const client = new OpenAI({ apiKey: "replay", baseURL: "https://openrouter.ai/api/v1", fetch: createReplayFetch(cassette), maxRetries: 0 });
  const turns: DemoTurn[] = [];
  for (const interaction of cassette.interactions) {
    const report = analyzeInteraction(interaction);
    if (report === undefined) continue;
    let openaiNode: DemoTurn["openaiNode"];
    try {
      const params = JSON.parse(bodyText(interaction.request.body)) as OpenAI.ChatCompletionCreateParamsStreaming;
      const theirs = await client.chat.completions.stream(params).finalChatCompletion();
      const agrees = JSON.stringify(essentials(theirs as never)) === JSON.stringify(essentials(report.completion));
      openaiNode = { agrees, detail: agrees ? "same text, calls and finish" : "differs" };
    } catch (error) {
      openaiNode = { agrees: false, detail: `threw: ${(error as Error).message.split("\n")[0]}` };
    }
    turns.push({ ...report, openaiNode });
  }
  return turns;
}

/** Joins items with " · ", breaking lines before `width` characters. */
function wrap(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line === "" ? item : `${line} · ${item}`;
    if (next.length > width && line !== "") {
      lines.push(line);
      line = item;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function tokens(report: TurnReport): string {
  const usage = report.completion.usage;
  if (usage === undefined) return "-";
  return `${usage.prompt_tokens ?? "?"} in\n${usage.completion_tokens ?? "?"} out`;
}

function cost(report: TurnReport): string {
  const value = report.completion.usage?.cost;
  return typeof value === "number" ? `$${value.toFixed(6)}` : "-";
}

function turnRow(turn: DemoTurn, style: Style): string[] {
  const [choice] = turn.completion.choices;
  const calls = choice?.message.tool_calls ?? [];
  const callText = calls.length === 0 ? style.dim("-") : calls.map((call) => `${style.cyan(call.id)}  ${call.function.name}  ${call.function.arguments}`).join("\n");
  const valid = turn.validated - new Set(turn.failures.map((failure) => failure.chunk)).size;
  return [
    String(turn.interaction),
    turn.provider ?? "?",
    oneLine(choice?.message.content ?? "", 36) || style.dim("(none)"),
    callText,
    choice?.finish_reason ?? style.red("none"),
    tokens(turn),
    cost(turn),
    valid === turn.validated ? style.green(`${valid}/${turn.validated}`) : style.red(`${valid}/${turn.validated}`),
    turn.openaiNode.agrees ? style.green("✓ agrees") : style.red(`✗ ${turn.openaiNode.detail}`),
  ];
}

/** Prints the demo: a table per provider. Returns the exit code (1 if any turn failed validation or merging). */
export async function runDemo(options: { stdout: { write(text: string): unknown }; color: boolean; width?: number }): Promise<number> {
  const style = createStyle(options.color);
  const out = options.stdout;
  out.write(`${style.bold("tapedeck demo")} ${style.dim("— every fixture replayed through openai-node, merged by @tapedeck/codec, validated by @tapedeck/chunk-types")}\n\n`);
  let problems = 0;
  for (const { provider, file, turns } of await collectDemo()) {
    out.write(`${style.bold(style.yellow(provider))}  ${style.dim(file)}\n`);
    out.write(
      renderTable(
        ["turn", "served by", "text", "tool calls (id, name, arguments)", "finish", "tokens", "cost", "valid chunks", "openai-node"],
        turns.map((turn) => turnRow(turn, style)),
        style,
      ),
    );
    const quirks = [...new Set(turns.flatMap((turn) => turn.quirks))];
    out.write(`  ${style.bold("quirks")}  ${quirks.length === 0 ? style.dim("none") : wrap(quirks, Math.max(60, (options.width ?? 120) - 12)).join("\n          ")}\n`);
    const diagnostics = turns.flatMap((turn) => turn.diagnostics.map((diagnostic) => `turn ${turn.interaction}, event ${diagnostic.event}: ${diagnostic.code}: ${diagnostic.message}`));
    if (diagnostics.length > 0) out.write(`  ${style.bold("diagnostics")}\n${diagnostics.map((line) => `    ${style.red(line)}`).join("\n")}\n`);
    out.write("\n");
    problems += diagnostics.length + turns.reduce((sum, turn) => sum + turn.failures.length, 0);
  }
  return problems === 0 ? 0 : 1;
}
