import type { NormalizedUsage } from "@tapedeck/codec";
import { collectDemo, type DemoTurn } from "./collect.js";
import { createStyle, renderTable, type Style, wrapText } from "@tapedeck/cli";

/** Where the demo writes, and how. */
export interface DemoOptions {
  stdout: { write(text: string): unknown };
  color: boolean;
  /** Terminal width; the table fits it (at least 80 columns are assumed). Default 100. */
  width?: number;
}

function tokens(usage: NormalizedUsage | undefined): string {
  return usage === undefined ? "-" : `${usage.inputTokens ?? "?"}/${usage.outputTokens ?? "?"}`;
}

function turnRow(turn: DemoTurn, style: Style): string[] {
  const invalid = new Set(turn.failures.map((failure) => failure.event)).size;
  const { client } = turn;
  return [
    String(turn.interaction),
    turn.dialect,
    turn.normalized.toolCalls.map((call) => call.name).join("\n") || style.dim("-"),
    turn.normalized.finishReason ?? style.red("none"),
    tokens(turn.normalized.usage),
    invalid === 0 ? style.green(`${turn.events.length} ✓`) : style.red(`${turn.events.length} ✗${invalid}`),
    client === undefined ? style.dim("-") : client.agrees ? style.green(`✓ ${client.client}`) : style.red(`✗ ${client.client}`),
  ];
}

/**
 * Prints the demo: one table over every fixture and dialect, each turn with
 * its dialect, tool calls, finish, tokens, events (✓ when every one validates)
 * and the official client's agreement, its text on the line below. Returns the
 * exit code: 1 when any turn has a diagnostic, an invalid event or a client
 * that disagrees.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const style = createStyle(options.color);
  const width = Math.max(80, options.width ?? 100);
  const out = options.stdout;
  out.write(`${style.bold("tapedeck demo")}\n${style.dim(wrapText("every fixture merged by @tapedeck/codec, its events checked by @tapedeck/chunk-types, replayed into the official client where there is one", width - 2).join("\n"))}\n\n`);
  const cassettes = await collectDemo();
  const rows: string[][] = [];
  const notes: string[] = [];
  let problems = 0;
  for (const { name, origin, turns } of cassettes) {
    rows.push([`${style.bold(style.yellow(name))} ${style.dim(`(${origin})`)}`]);
    for (const turn of turns) {
      rows.push(turnRow(turn, style));
      const text = turn.normalized.text.replace(/\s+/g, " ").trim();
      const servedBy = turn.servedBy.length === 0 ? "" : `${turn.servedBy.join(", ")}: `;
      const lines = wrapText(`${servedBy}${text === "" ? "(no text)" : `"${text}"`}`, width - 8, 2);
      rows.push(["", style.dim(lines.join("\n"))]);
      for (const diagnostic of turn.diagnostics) notes.push(`${name} turn ${turn.interaction}, event ${diagnostic.event}: ${diagnostic.code}: ${diagnostic.message}`);
      for (const failure of turn.failures) notes.push(`${name} turn ${turn.interaction}, event ${failure.event}: ${failure.path}: ${failure.message}`);
      if (turn.client !== undefined && !turn.client.agrees) notes.push(`${name} turn ${turn.interaction}: ${turn.client.client} ${turn.client.detail}`);
      problems += turn.diagnostics.length + turn.failures.length + (turn.client?.agrees === false ? 1 : 0);
    }
  }
  out.write(renderTable(["#", "dialect", "tools", "finish", "tokens", "events", "client"], rows, { style, rule: true }));
  const dialects = new Set(cassettes.flatMap((cassette) => cassette.turns.map((turn) => turn.dialect)));
  const turns = cassettes.reduce((sum, cassette) => sum + cassette.turns.length, 0);
  out.write(`\n${wrapText(`${cassettes.length} cassettes, ${turns} turns, ${dialects.size} dialects (${[...dialects].join(", ")}).`, width - 2).map((line) => `  ${line}`).join("\n")}\n`);
  const quirks = [...new Set(cassettes.flatMap((cassette) => cassette.turns.flatMap((turn) => turn.quirks)))];
  if (quirks.length > 0) out.write(`${style.bold("  chat quirks seen")}\n${wrapText(quirks.join(" · "), width - 4).map((line) => `    ${line}`).join("\n")}\n`);
  if (notes.length > 0) out.write(`${style.bold(style.red("  problems"))}\n${notes.flatMap((note) => wrapText(note, width - 4)).map((line) => `    ${style.red(line)}`).join("\n")}\n`);
  return problems === 0 ? 0 : 1;
}
