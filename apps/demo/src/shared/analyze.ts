import type { Interaction } from "@tapedeck/cassette";
import { ChatCompletionChunkSchema } from "@tapedeck/chunk-types/validators";
import { type Diagnostic, type StreamPayload, streamFraming, streamPayloads } from "@tapedeck/codec";
import { type ChatCompletion, type ChatCompletionChunk, openaiChat } from "@tapedeck/codec/openai-chat";
import { detectQuirks } from "./quirks.js";

/** A chunk that does not look like the recordings the types were generated from. */
export interface ValidationFailure {
  chunk: number;
  path: string;
  message: string;
}

/** Everything the demo shows about one recorded turn. */
export interface TurnReport {
  interaction: number;
  provider: string | undefined;
  events: StreamPayload[];
  /** The JSON of each data event, in order (`[DONE]` left out); `undefined` where it was not JSON. */
  chunks: unknown[];
  completion: ChatCompletion;
  diagnostics: Diagnostic[];
  validated: number;
  failures: ValidationFailure[];
  quirks: string[];
}

/** Reads, merges, validates and describes one interaction's event stream; `undefined` for other responses. */
export function analyzeInteraction(interaction: Interaction): TurnReport | undefined {
  const framing = streamFraming(interaction.response);
  if (framing === undefined) return undefined;
  const events = streamPayloads(interaction.response.body ?? "", { framing });
  const chunks: unknown[] = [];
  for (const event of events) {
    try {
      chunks.push(JSON.parse(event.data));
    } catch {
      chunks.push(undefined);
    }
  }
  const { merged: completion, diagnostics } = openaiChat.mergeEvents(chunks);
  const failures: ValidationFailure[] = [];
  chunks.forEach((chunk, number) => {
    const result = ChatCompletionChunkSchema.safeParse(chunk);
    for (const issue of result.error?.issues ?? []) failures.push({ chunk: number, path: issue.path.join(".") || "(chunk)", message: issue.message });
  });
  return {
    interaction: interaction.id,
    provider: typeof completion.provider === "string" ? completion.provider : undefined,
    events,
    chunks,
    completion,
    diagnostics,
    validated: chunks.length,
    failures,
    quirks: detectQuirks(chunks.filter((chunk): chunk is ChatCompletionChunk => typeof chunk === "object" && chunk !== null)),
  };
}

/** What a user acts on, to compare mergers: text, tool calls and finish reason of each choice. */
export function essentials(completion: ChatCompletion) {
  return completion.choices.map((choice) => ({
    text: choice.message.content ?? "",
    toolCalls: (choice.message.tool_calls ?? []).map((call) => ({ id: call?.id, name: call?.function?.name, arguments: call?.function?.arguments })),
    finishReason: choice.finish_reason,
  }));
}
