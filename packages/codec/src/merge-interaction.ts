import { type DetectedDialect, detectDialect, type RecordedExchange, streamFraming } from "./detect.js";
import type { DialectName, Framing, MergeOptions, MergeResult } from "./dialect.js";
import { dialects } from "./dialects/index.js";

/** The merge of one recorded exchange, with how its dialect was found. */
export type InteractionMerge =
  | (MergeResult<unknown> & { framing: Framing; detected: DetectedDialect["by"] | "caller" })
  | {
      /** Nothing told the dialect: the stream was not merged (see the `unknown-dialect` diagnostic). */
      dialect: undefined;
      framing: Framing | undefined;
      merged: undefined;
      diagnostics: MergeResult<unknown>["diagnostics"];
      complete: false;
    };

/**
 * Detects a recorded exchange's dialect (or takes the caller's) and merges its
 * response. A stream no dialect fits gives an `unknown-dialect` diagnostic,
 * never a silently empty merge.
 *
 * @example
 * ```ts
 * for (const interaction of cassette.interactions) {
 *   const result = mergeInteraction(interaction);
 *   console.log(result.dialect, result.diagnostics.length);
 * }
 * mergeInteraction(interaction, { dialect: "gemini" }); // the caller knows better
 * ```
 */
export function mergeInteraction(exchange: RecordedExchange, options: MergeOptions & { dialect?: DialectName } = {}): InteractionMerge {
  const detected = options.dialect === undefined ? detectDialect(exchange) : undefined;
  const framing = options.framing ?? detected?.framing ?? streamFraming(exchange.response) ?? (options.dialect === undefined ? undefined : dialects[options.dialect].framing);
  const name = options.dialect ?? detected?.dialect;
  if (name === undefined || framing === undefined) {
    return {
      dialect: undefined,
      framing,
      merged: undefined,
      complete: false,
      diagnostics: [
        {
          code: "unknown-dialect",
          message:
            framing === undefined
              ? "the response is not a stream (no text/event-stream or AWS event-stream content type, no SSE or frame at its start)"
              : /\/invoke-with-response-stream(?:$|[?#])/.test(exchange.request.url ?? "")
                ? `no dialect fits this Bedrock invoke stream (${exchange.request.url}): tapedeck merges Anthropic and Nova models' invoke streams, not those of Titan, Llama, Mistral, Cohere or other models, whose payloads differ per model; record them with ConverseStream, which tapedeck merges for every model`
                : `no dialect fits this ${framing} stream: neither its first events nor its URL (${exchange.request.url}) are those of a dialect tapedeck knows; name one to merge it anyway`,
          event: 0,
        },
      ],
    };
  }
  const { dialect: _ignored, ...mergeOptions } = options;
  const result = dialects[name].merge(exchange.response.body ?? "", { ...mergeOptions, framing });
  return { ...result, framing, detected: detected?.by ?? "caller" };
}
