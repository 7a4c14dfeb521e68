import { resolve } from "node:path";
import { readCassette } from "@tapedeck/cassette/node";
import { bodyText, type Cassette, durationToMilliseconds, type Interaction, layoutName } from "@tapedeck/cassette";
import { streamFraming, streamPayloads } from "@tapedeck/codec";
import { expandCassettePaths } from "../files.js";
import type { CommandIo } from "../io.js";
import { renderTable } from "../table.js";

/** What `inspect` tells of one interaction. */
export interface InteractionSummary {
  id: number;
  method: string;
  url: string;
  status: string;
  durationMilliseconds: number;
  /** Events with data, `[DONE]` included; `undefined` for a body that is not an event stream. */
  events: number | undefined;
  providers: string[];
  models: string[];
}

/** Summarizes an interaction: request line, status, time to headers, events, providers and models seen. */
export function summarizeInteraction(interaction: Interaction): InteractionSummary {
  const { request, response } = interaction;
  const providers = new Set<string>();
  const models = new Set<string>();
  const note = (value: unknown) => {
    if (value === null || typeof value !== "object") return;
    const { provider, model } = value as { provider?: unknown; model?: unknown };
    if (typeof provider === "string") providers.add(provider);
    if (typeof model === "string") models.add(model);
  };
  let events: number | undefined;
  const framing = streamFraming(response);
  if (framing !== undefined) {
    events = 0;
    for (const payload of streamPayloads(response.body ?? "", { framing })) {
      events += 1;
      note(tryJson(payload.data));
    }
  } else {
    note(tryJson(bodyText(response.body)));
  }
  return {
    id: interaction.id,
    method: request.method,
    url: request.url,
    status: response.status || String(response.code),
    durationMilliseconds: response.duration === undefined ? 0 : durationToMilliseconds(response.duration),
    events,
    providers: [...providers],
    models: [...models],
  };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeLayout(cassette: Cassette): string {
  const name = layoutName(cassette.layout);
  const { writer, indent, compactSequences } = cassette.layout;
  return name === undefined
    ? `${writer}, indent ${indent}${compactSequences ? ", compact sequences" : ""}`
    : name === "goccy"
      ? "goccy/go-yaml"
      : `go-yaml, layout ${name}`;
}

/** `tapedeck inspect <file|dir>... [--json]`: a table per cassette. */
export async function inspect(paths: readonly string[], io: CommandIo, options: { json?: boolean } = {}): Promise<number> {
  const files = await expandCassettePaths(paths, io.cwd);
  const reports = [];
  for (const file of files) {
    const cassette = await readCassette(resolve(io.cwd, file), { source: file });
    const interactions = cassette.interactions.map(summarizeInteraction);
    reports.push({ file, layout: describeLayout(cassette), interactions });
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    return 0;
  }
  for (const { file, layout, interactions } of reports) {
    io.stdout.write(`${file}  (${layout}, ${interactions.length} interaction${interactions.length === 1 ? "" : "s"})\n`);
    io.stdout.write(
      renderTable(
        ["#", "method", "url", "status", "duration", "events", "providers", "models"],
        interactions.map((summary) => [
          String(summary.id),
          summary.method,
          summary.url,
          summary.status,
          `${(summary.durationMilliseconds / 1000).toFixed(3)}s`,
          summary.events === undefined ? "-" : String(summary.events),
          summary.providers.join(", ") || "-",
          summary.models.join(", ") || "-",
        ]),
      ),
    );
    io.stdout.write("\n");
  }
  return 0;
}
