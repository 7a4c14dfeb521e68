import { bodyText, type Interaction } from "@tapedeck/cassette";
import { type DialectName, type Diagnostic, detectDialect, dialects, type Framing, type NormalizedMessage, type StreamPayload, streamPayloads } from "@tapedeck/codec";
import type { ChatCompletionChunk } from "@tapedeck/codec/openai-chat";
import { describeEvent, type EventLabel } from "./describe-event.js";
import { detectQuirks } from "./quirks.js";
import { type ValidationFailure, validateEvents } from "./validate.js";

/** One event of a stream, decoded: its payload as sent, its JSON, its timeline label. */
export interface StreamEvent {
  payload: StreamPayload;
  /** The parsed payload; `undefined` where it is not JSON. */
  json: unknown;
  label: EventLabel;
}

/** Everything the demo and the viewer show about one recorded turn. */
export interface TurnReport {
  interaction: number;
  dialect: DialectName;
  framing: Framing;
  request: { method: string; url: string; body: string };
  events: StreamEvent[];
  merged: unknown;
  normalized: NormalizedMessage;
  complete: boolean;
  diagnostics: Diagnostic[];
  failures: ValidationFailure[];
  /** Hosts named in the stream (OpenRouter's `provider` field). */
  servedBy: string[];
  /** The ways a chat stream departs from OpenAI's own (docs/dialects/openai-chat.md); empty for other dialects. */
  quirks: string[];
}

/**
 * Reads, merges, validates and describes one interaction's stream, whatever
 * its dialect; `undefined` for a response that is not a stream or a stream no
 * dialect fits.
 */
export function analyzeInteraction(interaction: Interaction): TurnReport | undefined {
  const detected = detectDialect(interaction);
  if (detected === undefined) return undefined;
  const { dialect, framing } = detected;
  const events = streamPayloads(interaction.response.body ?? "", { framing }).map((payload) => {
    const json = parseJson(payload.data);
    return { payload, json, label: describeEvent(payload, json) };
  });
  const result = dialects[dialect].merge(interaction.response.body ?? "", { framing });
  const servedBy = new Set<string>();
  for (const { json } of events) {
    const provider = (json as { provider?: unknown } | undefined)?.provider;
    if (typeof provider === "string") servedBy.add(provider);
  }
  const chunks = events.map((event) => event.json).filter((json): json is ChatCompletionChunk => typeof json === "object" && json !== null);
  return {
    interaction: interaction.id,
    dialect,
    framing,
    request: { method: interaction.request.method, url: interaction.request.url, body: bodyText(interaction.request.body) },
    events,
    merged: result.merged,
    normalized: dialects[dialect].normalize(result.merged as never),
    complete: result.complete,
    diagnostics: result.diagnostics,
    failures: validateEvents(dialect, events),
    servedBy: [...servedBy],
    quirks: dialect === "openai-chat" ? detectQuirks(chunks) : [],
  };
}

/**
 * The merge of the first `count` events: the message as it stood at that
 * point of the stream (the viewer's scrubber).
 */
export function mergePrefix(report: TurnReport, count: number): NormalizedMessage {
  const dialect = dialects[report.dialect];
  // An event type that travels beside the JSON (Bedrock's header) is put back in, as the dialect says.
  const events = report.events.slice(0, count).map(({ payload, json }) => (json === undefined ? payload.data : dialect.payloadEvent(json, payload.type)));
  return dialect.normalize(dialect.mergeEvents(events).merged as never);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
