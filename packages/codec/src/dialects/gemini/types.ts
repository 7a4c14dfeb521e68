/**
 * Gemini `GenerateContentResponse` shapes, as the Gemini API and Vertex AI
 * stream them (`streamGenerateContent?alt=sse`). Typed loosely on purpose.
 */

/** A part: text (a thought summary when `thought` is true), a function call, or another kind, with its `thoughtSignature`. */
export interface GeminiPart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  functionCall?: { name: string; args?: Record<string, unknown>; id?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface GeminiCandidate {
  content?: { parts?: GeminiPart[]; role?: string; [key: string]: unknown };
  finishReason?: string;
  finishMessage?: string;
  index?: number;
  [key: string]: unknown;
}

/** Token counts: cumulative on the Gemini API (take the last), on Vertex only in the final chunk. */
export interface GeminiUsageMetadata {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount?: number;
  cachedContentTokenCount?: number;
  [key: string]: unknown;
}

/**
 * A whole `GenerateContentResponse`: every chunk of a stream has this shape;
 * merged, it is what a non-streaming call returns.
 *
 * @example
 * ```ts
 * const { merged } = gemini.merge(body);
 * merged.candidates?.[0]?.content?.parts; // [{ text: "Hello", thoughtSignature: "…" }]
 * ```
 */
export interface GenerateContentResponse {
  candidates?: GeminiCandidate[];
  usageMetadata?: GeminiUsageMetadata;
  modelVersion?: string;
  responseId?: string;
  promptFeedback?: { blockReason?: string; [key: string]: unknown };
  [key: string]: unknown;
}
