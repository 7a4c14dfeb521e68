import { resolve } from "node:path";
import { bodyText, type Cassette, durationToMilliseconds, type Interaction, layoutName } from "@tapedeck/cassette";
import { type DialectName, dialects, mergeInteraction, responseDialect, streamFraming, streamPayloads } from "@tapedeck/codec";
import { readCassette } from "@tapedeck/cassette/node";
import type { CommandInput } from "../commands.js";
import { expandCassettePaths, requirePaths } from "../files.js";
import type { CommandIo } from "../io.js";
import { renderTable } from "../table.js";

/** What `inspect` tells of one interaction. */
interface InteractionSummary {
  id: number;
  method: string;
  url: string;
  status: string;
  durationMilliseconds: number;
  /** Events with data; `undefined` for a response that is not a stream. */
  events: number | undefined;
  /** The stream's dialect, or a whole JSON answer's; `null` when no dialect fits a stream, `undefined` for another response. */
  dialect: DialectName | null | undefined;
  /** The merged answer, normalized: what a user acts on. */
  answer?: { textLength: number; toolCalls: string[]; finishReason: string | null; inputTokens?: number; outputTokens?: number; model?: string };
  /** Hosts named in the stream (OpenRouter's `provider` field). */
  providers: string[];
  diagnostics: number;
}

function summarize(interaction: Interaction): InteractionSummary {
  const { request, response } = interaction;
  const framing = streamFraming(response);
  const providers = new Set<string>();
  const summary: InteractionSummary = {
    id: interaction.id,
    method: request.method,
    url: request.url,
    status: response.status || String(response.code),
    durationMilliseconds: response.duration === undefined ? 0 : durationToMilliseconds(response.duration),
    events: undefined,
    dialect: undefined,
    providers: [],
    diagnostics: 0,
  };
  if (framing === undefined) {
    // A whole JSON answer (a non-streamed call): read with its dialect's normalized view, like a merged stream.
    const json = tryJson(bodyText(response.body));
    const provider = providerOf(json);
    if (provider !== undefined) summary.providers = [provider];
    const dialect = responseDialect(json);
    if (dialect !== undefined) {
      summary.dialect = dialect;
      summary.answer = answerOf(dialect, json);
    }
    return summary;
  }
  const payloads = streamPayloads(response.body ?? "", { framing });
  summary.events = payloads.length;
  for (const payload of payloads) {
    const provider = providerOf(tryJson(payload.data));
    if (provider !== undefined) providers.add(provider);
  }
  summary.providers = [...providers];
  const result = mergeInteraction(interaction);
  summary.dialect = result.dialect ?? null;
  summary.diagnostics = result.diagnostics.length;
  if (result.dialect !== undefined) summary.answer = answerOf(result.dialect, result.merged);
  return summary;
}

/** What a user acts on in a merged stream or a whole answer. */
function answerOf(dialect: DialectName, merged: unknown): NonNullable<InteractionSummary["answer"]> {
  const normalized = dialects[dialect].normalize(merged);
  return {
    textLength: [...normalized.text].length,
    toolCalls: normalized.toolCalls.map((call) => call.name),
    finishReason: normalized.finishReason,
    ...(normalized.usage?.inputTokens === undefined ? {} : { inputTokens: normalized.usage.inputTokens }),
    ...(normalized.usage?.outputTokens === undefined ? {} : { outputTokens: normalized.usage.outputTokens }),
    ...(normalized.model === undefined ? {} : { model: normalized.model }),
  };
}

function providerOf(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const { provider } = value as { provider?: unknown };
  return typeof provider === "string" ? provider : undefined;
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
  if (name === undefined) return `${writer}, indent ${indent}${compactSequences ? ", compact sequences" : ""}`;
  return name === "goccy" ? "goccy/go-yaml" : `go-yaml, layout ${name}`;
}

const dash = "-";

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

/** Bedrock and Vertex name the model in the path (`/model/<id>/converse-stream`, `/models/<id>:streamGenerateContent`). */
function modelInPath(url: string): string | undefined {
  const match = /\/models?\/([^/:]+)/.exec(url);
  return match === null ? undefined : decodeURIComponent(match[1]!);
}

/** The URL's path without host or query; a long one keeps its last segment, where the API's method is. */
function shortPath(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return url;
  }
  return path.length <= 32 ? path : `…/${path.slice(path.lastIndexOf("/") + 1)}`;
}

/** `tapedeck inspect <file|dir>... [--json]`: a table per cassette. */
export async function run({ positionals, values }: CommandInput, io: CommandIo): Promise<number> {
  const files = await expandCassettePaths(requirePaths(positionals), io.cwd);
  const reports = [];
  for (const file of files) {
    const cassette = await readCassette(resolve(io.cwd, file), { source: file });
    reports.push({ file, layout: describeLayout(cassette), interactions: cassette.interactions.map(summarize) });
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    return 0;
  }
  for (const { file, layout, interactions } of reports) {
    const hosts = [...new Set(interactions.map((summary) => hostOf(summary.url)))].join(", ");
    io.stdout.write(`${file}  (${layout}, ${interactions.length} interaction${interactions.length === 1 ? "" : "s"}${hosts === "" ? "" : ` with ${hosts}`})\n`);
    io.stdout.write(
      renderTable(
        ["#", "request", "status", "to headers", "events", "dialect", "model", "text", "tool calls", "finish", "tokens in/out", "served by"],
        interactions.map((summary) => [
          String(summary.id),
          `${summary.method} ${shortPath(summary.url)}`,
          summary.status,
          `${(summary.durationMilliseconds / 1000).toFixed(3)}s`,
          summary.events === undefined ? dash : String(summary.events),
          summary.dialect === undefined ? dash : (summary.dialect ?? "unknown"),
          summary.answer?.model ?? modelInPath(summary.url) ?? dash,
          summary.answer === undefined ? dash : `${summary.answer.textLength} chars`,
          summary.answer?.toolCalls.join(", ") || dash,
          summary.answer?.finishReason ?? dash,
          summary.answer === undefined ? dash : `${summary.answer.inputTokens ?? "?"}/${summary.answer.outputTokens ?? "?"}`,
          summary.providers.join(", ") || dash,
        ]),
      ),
    );
    io.stdout.write("\n");
  }
  return 0;
}
