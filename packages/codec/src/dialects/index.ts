import type { Dialect, DialectName } from "../dialect.js";
import { anthropic } from "./anthropic/index.js";
import { bedrockConverse } from "./bedrock-converse/index.js";
import { cohere } from "./cohere/index.js";
import { gemini } from "./gemini/index.js";
import { ollama } from "./ollama/index.js";
import { openaiChat } from "./openai-chat/index.js";
import { openaiCompletions } from "./openai-completions/index.js";
import { openaiResponses } from "./openai-responses/index.js";

type AnyDialect = Dialect<unknown, string | Uint8Array, object>;

/**
 * Every dialect by name, for code that learns the name at run time (from
 * `detectDialect`, a CLI flag, a stored residual), in the order detection asks
 * them (the more particular first: legacy completions before chat). A dialect
 * is one folder of `dialects/`; adding one means its folder, a line here (its
 * name in `DialectName` too) and a fixture generator.
 *
 * @example
 * ```ts
 * const dialect = dialects[detected.dialect];
 * dialect.normalize(dialect.merge(body).merged);
 * ```
 */
export const dialects: Readonly<Record<DialectName, AnyDialect>> = {
  "openai-completions": openaiCompletions as AnyDialect,
  "openai-chat": openaiChat as AnyDialect,
  "openai-responses": openaiResponses as AnyDialect,
  anthropic: anthropic as AnyDialect,
  gemini: gemini as AnyDialect,
  "bedrock-converse": bedrockConverse as AnyDialect,
  ollama: ollama as AnyDialect,
  cohere: cohere as AnyDialect,
};

/** The dialect names, in detection order. */
export const dialectNames = Object.keys(dialects) as DialectName[];
