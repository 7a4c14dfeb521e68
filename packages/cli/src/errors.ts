/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * The one line to print for one of tapedeck's own typed errors (a cassette,
 * codec, replay or framing error): never a stack. `undefined` for anything else.
 */
export function typedErrorLine(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const typed = error as Error & { code?: unknown; format?: () => string };
  if (typeof typed.format === "function" && error.name === "CassetteError") return typed.format();
  if (["CodecError", "CodegenError", "ReplayError", "AwsEventStreamError", "EventStreamError"].includes(error.name) && typeof typed.code === "string") {
    return `tapedeck: ${typed.code}: ${error.message}`;
  }
  return undefined;
}
