/**
 * OpenAI's legacy completions (`text_completion` chunks, `POST /v1/completions`),
 * as OpenAI, vLLM, llama.cpp and other OpenAI-compatible servers stream them:
 * SSE `data:` chunks ended by `data: [DONE]`, merged into the completion a
 * non-streaming call returns, and split back.
 *
 * @example
 * ```ts
 * import { openaiCompletions } from "@tapedeck/codec/openai-completions";
 * const { merged } = openaiCompletions.merge(body);
 * merged.choices[0].text; // the whole text
 * ```
 * @module
 */
import { defineDialect } from "../../define-dialect.js";
import type { Dialect } from "../../dialect.js";
import { chunkOrError } from "../../shared/naming.js";
import { OpenaiCompletionsMerger } from "./merger.js";
import { normalizeCompletion } from "./normalize.js";
import { splitCompletion } from "./split.js";
import type { Completion } from "./types.js";

/**
 * The `openai-completions` dialect: SSE `data:` chunks ended by `data: [DONE]`,
 * each with `choices[].text`.
 *
 * @example
 * ```ts
 * const { merged, residual } = openaiCompletions.merge(body, { residual: true });
 * openaiCompletions.split(merged, { residual }) === body; // true
 * ```
 */
export const openaiCompletions: Dialect<Completion> = defineDialect<Completion, string>({
  name: "openai-completions",
  framing: "sse",
  framings: ["sse"],
  lineEnding: "\n",
  terminator: "[DONE]",
  awsPayload: "json",
  merger: (hooks) => new OpenaiCompletionsMerger(hooks),
  splitEvents: (completion, fragment) => splitCompletion(completion, fragment),
  normalize: normalizeCompletion,
  detection: {
    urls: [/(?<!\/chat)\/completions(?:$|[?#])/],
    event: (json) => json.object === "text_completion" || (Array.isArray(json.choices) && json.choices.some((choice) => typeof choice === "object" && choice !== null && "text" in choice && !("delta" in choice))),
    response: (json) => json.object === "text_completion" && Array.isArray(json.choices),
  },
  codegen: {
    title: "OpenAI legacy completion chunks",
    request: "CompletionCreateParams",
    grouping: { kind: "single" },
    eventType: chunkOrError("choices"),
    member: (type) => (type === "chunk" ? "Completion" : "CompletionStreamError"),
  },
  officialClient: { package: "@ai-sdk/openai", accumulator: "the AI SDK's completion model (streamText); openai-node does not accumulate completions" },
  example: (text) => ({
    id: "cmpl-example",
    object: "text_completion",
    created: 1760000000,
    model: "gpt-3.5-turbo-instruct",
    choices: [{ text, index: 0, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
  }),
});

export type * from "./types.js";
