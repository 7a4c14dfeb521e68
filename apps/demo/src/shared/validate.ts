import * as validators from "@tapedeck/chunk-types/validators";
import { type DialectName, dialects, eventSchemasName, generatedNamespace, schemaName, type StreamPayload } from "@tapedeck/codec";

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

/**
 * The generated schema of one event, found by the dialect's own naming: the
 * union of its events (Anthropic, Responses), the schema of its event type
 * (ConverseStream's `:event-type`), or its one chunk type (chat, Gemini).
 */
function schemaOf(dialect: DialectName, payload: StreamPayload, json: unknown): Schema | undefined {
  const { codegen } = dialects[dialect];
  const module = (validators as unknown as Record<string, Record<string, unknown> | undefined>)[generatedNamespace(dialect)];
  if (module === undefined) return undefined;
  if (codegen.grouping.kind === "discriminated-union") return module[schemaName(codegen.grouping.name)] as Schema | undefined;
  const type = typeof json === "object" && json !== null ? codegen.eventType(json as Record<string, unknown>, payload.type) : undefined;
  if (type === undefined) return undefined;
  if (codegen.grouping.kind === "event-map") return (module[eventSchemasName(codegen.grouping.name)] as Record<string, Schema | undefined> | undefined)?.[type];
  return module[schemaName(codegen.member(type))] as Schema | undefined;
}


/**
 * Checks each event against `@tapedeck/chunk-types`' validators of its dialect;
 * an event type the types have never seen is a failure too.
 */
export function validateEvents(dialect: DialectName, events: ReadonlyArray<{ payload: StreamPayload; json: unknown }>): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  for (const { payload, json } of events) {
    const schema = schemaOf(dialect, payload, json);
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
