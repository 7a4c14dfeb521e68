/**
 * Ollama's native API, `/api/chat` and `/api/generate`, streamed as
 * newline-delimited JSON (`application/x-ndjson`): merged into the answer a
 * non-streaming call returns, and split back.
 *
 * @example
 * ```ts
 * import { ollama } from "@tapedeck/codec/ollama";
 * const { merged } = ollama.merge(body);
 * merged.message?.content ?? merged.response; // the whole answer
 * ```
 * @module
 */
import { defineDialect } from "../../define-dialect.js";
import type { Dialect } from "../../dialect.js";
import { isObject } from "../../shared/data.js";
import { OllamaMerger } from "./merger.js";
import { normalizeOllama } from "./normalize.js";
import { splitOllama } from "./split.js";
import type { OllamaResponse } from "./types.js";

/**
 * The `ollama` dialect: one JSON chunk per line, the last with `done: true`.
 *
 * @example
 * ```ts
 * const { merged, residual } = ollama.merge(body, { residual: true });
 * ollama.split(merged, { residual }) === body; // true
 * ```
 */
export const ollama: Dialect<OllamaResponse> = defineDialect<OllamaResponse, string>({
  name: "ollama",
  framing: "ndjson",
  framings: ["ndjson"],
  lineEnding: "\n",
  awsPayload: "json",
  merger: (hooks) => new OllamaMerger(hooks),
  splitEvents: (answer, fragment) => splitOllama(answer, fragment),
  normalize: (answer) => normalizeOllama(answer),
  detection: {
    urls: [/\/api\/(chat|generate)(?:$|[?#])/],
    event: (json) => typeof json.model === "string" && typeof json.created_at === "string" && typeof json.done === "boolean" && (isObject(json.message) || typeof json.response === "string"),
    response: (json) => typeof json.model === "string" && json.done === true && (isObject(json.message) || typeof json.response === "string"),
  },
  codegen: {
    title: "Ollama chat and generate chunks",
    request: "OllamaRequest",
    grouping: { kind: "single" },
    eventType: (json) => ("error" in json ? "error" : isObject(json.message) ? "chat" : "generate"),
    member: (type) => (type === "chat" ? "ChatResponse" : type === "generate" ? "GenerateResponse" : "OllamaStreamError"),
  },
  example: (text) => ({
    model: "llama3.2",
    created_at: "2026-01-01T00:00:00.000000Z",
    message: { role: "assistant", content: text },
    done: true,
    done_reason: "stop",
    total_duration: 1200000000,
    load_duration: 20000000,
    prompt_eval_count: 10,
    prompt_eval_duration: 100000000,
    eval_count: 20,
    eval_duration: 1000000000,
  }),
});

export type * from "./types.js";
