/*
 * The names `@tapedeck/codegen` gives what it generates, in one place: codegen
 * writes them, and whoever reads the generated modules (the demo's validation,
 * a user's own) finds them with the same functions.
 */

/**
 * A dialect's namespace in the generated `index.ts` and `validators.ts`: its
 * name in camel case, as the codec names its dialect objects.
 *
 * @example
 * ```ts
 * generatedNamespace("openai-chat"); // "openaiChat"
 * ```
 */
export function generatedNamespace(dialect: string): string {
  return dialect.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * The zod schema generated for a type.
 *
 * @example
 * ```ts
 * schemaName("MessageStartEvent"); // "MessageStartEventSchema"
 * ```
 */
export function schemaName(typeName: string): string {
  return `${typeName}Schema`;
}

/**
 * The map from each event type to its schema, generated beside an event map
 * (a dialect whose event type travels beside the payload, as ConverseStream's).
 *
 * @example
 * ```ts
 * eventSchemasName("ConverseStreamEventMap"); // "ConverseStreamEventSchemas"
 * ```
 */
export function eventSchemasName(eventMapName: string): string {
  return eventMapName.replace(/Map$/, "Schemas");
}
