import { anthropic, bedrockConverse, gemini, openaiChat, openaiResponses } from "@tapedeck/chunk-types/validators";
import type { DialectName, StreamPayload } from "@tapedeck/codec";

/** The structural check every generated zod schema offers. */
interface Schema {
  safeParse(value: unknown): { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

/** An event that does not look like what the types were generated from. */
export interface ValidationFailure {
  event: number;
  path: string;
  message: string;
}

const converseSchemas: Record<string, Schema | undefined> = bedrockConverse.ConverseStreamEventSchemas;

/** The generated schema of one event: by `type` for Anthropic and Responses, by `:event-type` for Bedrock. */
function schemaOf(dialect: DialectName, payload: StreamPayload): Schema | undefined {
  switch (dialect) {
    case "openai-chat":
      return openaiChat.ChatCompletionChunkSchema;
    case "openai-responses":
      return openaiResponses.ResponseStreamEventSchema;
    case "anthropic":
      return anthropic.MessageStreamEventSchema;
    case "gemini":
      return gemini.GenerateContentResponseSchema;
    case "bedrock-converse":
      return payload.type === undefined ? undefined : converseSchemas[payload.type];
  }
}

/**
 * Checks each event against `@tapedeck/chunk-types`' validators of its dialect;
 * an event type the types have never seen is a failure too.
 */
export function validateEvents(dialect: DialectName, events: ReadonlyArray<{ payload: StreamPayload; json: unknown }>): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  for (const { payload, json } of events) {
    const schema = schemaOf(dialect, payload);
    if (schema === undefined) {
      failures.push({ event: payload.event, path: "(event)", message: `no generated type for event type ${JSON.stringify(payload.type)}` });
      continue;
    }
    for (const issue of schema.safeParse(json).error?.issues ?? []) {
      failures.push({ event: payload.event, path: issue.path.map(String).join(".") || "(event)", message: issue.message });
    }
  }
  return failures;
}
