import type { DialectEvent } from "../../dialect.js";
import { CodecError } from "../../errors.js";
import { isObject, type PlainObject, setOwn } from "../../shared/data.js";
import { cutText, type Fragmenter } from "../../shared/fragment.js";
import type { GeminiCandidate, GeminiPart, GenerateContentResponse } from "./types.js";

/**
 * The chunks of a Gemini stream for a whole response, in the API's JSON style
 * (a space after each colon, none after commas): each text part cut into
 * fragments (its `thoughtSignature` on the first, as Vertex sends it), other
 * parts whole, one chunk each, candidates interleaved; the finish reason and the
 * candidate's other fields on its last chunk; usage and the response's own
 * fields (`modelVersion`, `responseId`...) on every chunk.
 */
export function splitResponse(response: GenerateContentResponse, fragment: Fragmenter): DialectEvent[] {
  if (!isObject(response)) throw new CodecError("invalid-merged", "expected a GenerateContentResponse object");
  const candidates = response.candidates ?? [];
  if (!Array.isArray(candidates)) throw new CodecError("invalid-merged", "expected candidates to be an array", "candidates");
  const perCandidate = candidates.map((candidate, position) => candidateChunks(candidate, fragment, `candidates[${position}]`));
  const chunks: PlainObject[] = [];
  const wrap = (candidate: PlainObject | undefined): PlainObject => {
    const chunk: PlainObject = {};
    for (const key of Object.keys(response)) {
      if (key === "candidates") {
        if (candidate !== undefined) setOwn(chunk, key, [candidate]);
      } else setOwn(chunk, key, response[key]);
    }
    return chunk;
  };
  for (let step = 0; perCandidate.some((list) => step < list.length); step += 1) {
    for (const list of perCandidate) if (step < list.length) chunks.push(wrap(list[step]));
  }
  if (chunks.length === 0) chunks.push(wrap(undefined));
  return chunks.map((chunk) => ({ data: geminiJson(chunk) }));
}

function candidateChunks(candidate: GeminiCandidate, fragment: Fragmenter, path: string): PlainObject[] {
  if (!isObject(candidate)) throw new CodecError("invalid-merged", "expected a candidate object", path);
  const content = isObject(candidate.content) ? candidate.content : undefined;
  const pieces: GeminiPart[][] = [];
  (content?.parts ?? []).forEach((part, position) => {
    if (typeof part.text !== "string" || part.text === "") {
      pieces.push([part]);
      return;
    }
    cutText(part.text, fragment, part.thought === true ? "reasoning" : "text", `${path}.content.parts[${position}].text`).forEach((text, index) => {
      const piece: PlainObject = {};
      for (const key of Object.keys(part)) {
        if (key === "text") setOwn(piece, key, text);
        else if (key !== "thoughtSignature" || index === 0) setOwn(piece, key, part[key]);
      }
      pieces.push([piece as GeminiPart]);
    });
  });
  if (pieces.length === 0) pieces.push([]);
  return pieces.map((parts, step) => {
    const chunk: PlainObject = {};
    const last = step === pieces.length - 1;
    for (const key of Object.keys(candidate)) {
      if (key === "content" && content !== undefined) {
        const piece: PlainObject = {};
        for (const contentKey of Object.keys(content)) setOwn(piece, contentKey, contentKey === "parts" ? parts : content[contentKey]);
        setOwn(chunk, key, piece);
      } else if (key === "index" || last) setOwn(chunk, key, candidate[key]);
    }
    return chunk;
  });
}

/** JSON as the Gemini API writes it: `"key": value`, with `,` and no space after it. */
export function geminiJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(geminiJson).join(",")}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as PlainObject)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}: ${geminiJson((value as PlainObject)[key])}`);
  return `{${entries.join(",")}}`;
}
