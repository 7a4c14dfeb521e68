import { anthropic } from "./anthropic/index.js";
import { bedrockConverse } from "./bedrock-converse/index.js";
import type { Dialect, DialectName } from "./dialect.js";
import { gemini } from "./gemini/index.js";
import { openaiChat } from "./openai-chat/index.js";
import { openaiResponses } from "./openai-responses/index.js";

/**
 * Every dialect by name, for code that learns the name at run time (from
 * `detectDialect`, a CLI flag, a stored residual).
 *
 * @example
 * ```ts
 * const dialect = dialects[detected.dialect];
 * dialect.normalize(dialect.merge(body).merged);
 * ```
 */
export const dialects: Readonly<Record<DialectName, Dialect<unknown, string | Uint8Array, object>>> = {
  "openai-chat": openaiChat as Dialect<unknown, string | Uint8Array, object>,
  "openai-responses": openaiResponses as Dialect<unknown, string | Uint8Array, object>,
  anthropic: anthropic as Dialect<unknown, string | Uint8Array, object>,
  gemini: gemini as Dialect<unknown, string | Uint8Array, object>,
  "bedrock-converse": bedrockConverse as Dialect<unknown, string | Uint8Array, object>,
};

/** The dialect names, in a stable order. */
export const dialectNames = Object.keys(dialects) as DialectName[];
