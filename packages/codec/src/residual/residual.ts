import type { DialectName, Framing } from "../dialect.js";
import { CodecError } from "../errors.js";
import type { MergedPath, TemplatePiece } from "./template.js";

/** The framings whose bodies are text: their residual is the body as pieces. */
export type TextFraming = Exclude<Framing, "aws-event-stream">;

/** The residual as templates: what the builders produce and the renderers read. */
export type ResidualTemplate =
  | { dialect: DialectName; framing: TextFraming; body: TemplatePiece[] }
  | { dialect: DialectName; framing: "aws-event-stream"; messages: Array<{ headers: string; payload: TemplatePiece[] }> };

/**
 * What a stream holds beyond its merged object: framing, padding, obfuscation
 * strings, per-event opaque values, delta boundaries, number spellings and key
 * order. It is the stream with every value the merged object already holds
 * replaced by a reference, so `split(merged, { residual })` writes the very
 * bytes that were merged. Compact (each distinct text and path is stored once;
 * the stream is a list of small numbers) and plain JSON: it can be stored
 * beside a cassette.
 *
 * @example
 * ```ts
 * const { merged, residual } = gemini.merge(body, { residual: true });
 * gemini.split(merged, { residual }) === body; // true
 * JSON.stringify(residual).length < body.length; // the text itself is not in it
 * ```
 */
export interface Residual {
  version: 1;
  dialect: DialectName;
  framing: Framing;
  /** Every distinct literal text (and base64 of raw bytes and header blocks). */
  strings: string[];
  /** Every distinct path into the merged object. */
  paths: MergedPath[];
  /** A text framing (SSE, JSON array, NDJSON): the body, as operations (see {@link decodeResidual}). */
  body?: number[];
  /** AWS event stream: per message, its header block (a string) and its payload's operations. */
  messages?: Array<{ headers: number; payload: number[] }>;
}

/** Operation codes of a residual program. */
const op = { literal: 0, value: 1, slice: 2, skip: 3, base64Start: 4, base64End: 5, bytes: 6 } as const;

/** Writes templates as a compact residual. */
export function encodeResidual(template: ResidualTemplate): Residual {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const paths: MergedPath[] = [];
  const pathIndex = new Map<string, number>();
  const string = (text: string) => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      stringIndex.set(text, index);
    }
    return index;
  };
  const path = (value: MergedPath) => {
    const key = JSON.stringify(value);
    let index = pathIndex.get(key);
    if (index === undefined) {
      index = paths.push(value) - 1;
      pathIndex.set(key, index);
    }
    return index;
  };
  const program = (pieces: readonly TemplatePiece[], out: number[] = []): number[] => {
    for (const piece of pieces) {
      if (typeof piece === "string") {
        // Runs of spaces (Anthropic's padding) apart from the text around them: the text then repeats and is stored once.
        for (const part of piece.split(/( {2,})/)) if (part !== "") out.push(op.literal, string(part));
      }
      else if ("slice" in piece) out.push(op.slice, path(piece.slice), piece.length);
      else if ("skip" in piece) out.push(op.skip, path(piece.skip), piece.length);
      else if ("value" in piece) out.push(op.value, path(piece.value));
      else if ("base64" in piece) {
        out.push(op.base64Start);
        program(piece.base64, out);
        out.push(op.base64End);
      } else out.push(op.bytes, string(piece.bytes));
    }
    return out;
  };
  const residual: Residual = { version: 1, dialect: template.dialect, framing: template.framing, strings, paths };
  if ("body" in template) residual.body = program(template.body);
  else residual.messages = template.messages.map((message) => ({ headers: string(message.headers), payload: program(message.payload) }));
  return residual;
}

/** Reads a compact residual back into templates; a residual that is not one is a `residual-mismatch` error. */
export function decodeResidual(residual: Residual): ResidualTemplate {
  const fail = (why: string): never => {
    throw new CodecError("residual-mismatch", `not a valid residual: ${why}`);
  };
  if (residual === null || typeof residual !== "object" || residual.version !== 1) fail("expected version 1");
  const { strings, paths } = residual;
  if (!Array.isArray(strings) || !Array.isArray(paths)) fail("expected strings and paths");
  const text = (index: number | undefined) => (typeof index === "number" && typeof strings[index] === "string" ? strings[index]! : fail(`string ${index}`));
  const at = (index: number | undefined) => (typeof index === "number" && Array.isArray(paths[index]) ? paths[index]! : fail(`path ${index}`));
  const length = (value: number | undefined) => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : fail(`length ${value}`));
  const read = (program: readonly number[]): TemplatePiece[] => {
    if (!Array.isArray(program)) fail("expected a program");
    const stack: TemplatePiece[][] = [[]];
    for (let position = 0; position < program.length; ) {
      const top = stack[stack.length - 1]!;
      const code = program[position];
      switch (code) {
        case op.literal:
          top.push(text(program[position + 1]));
          position += 2;
          break;
        case op.value:
          top.push({ value: at(program[position + 1]) });
          position += 2;
          break;
        case op.slice:
        case op.skip: {
          const piece = code === op.slice ? { slice: at(program[position + 1]), length: length(program[position + 2]) } : { skip: at(program[position + 1]), length: length(program[position + 2]) };
          top.push(piece);
          position += 3;
          break;
        }
        case op.base64Start: {
          const inner: TemplatePiece[] = [];
          top.push({ base64: inner });
          stack.push(inner);
          position += 1;
          break;
        }
        case op.base64End:
          if (stack.length === 1) fail("an unmatched end of base64");
          stack.pop();
          position += 1;
          break;
        case op.bytes:
          top.push({ bytes: text(program[position + 1]) });
          position += 2;
          break;
        default:
          fail(`operation ${code} at ${position}`);
      }
    }
    if (stack.length !== 1) fail("an unterminated base64 block");
    return stack[0]!;
  };
  if (residual.framing === "sse" || residual.framing === "json-array" || residual.framing === "ndjson") {
    return { dialect: residual.dialect, framing: residual.framing, body: read(residual.body ?? fail("expected a body")) };
  }
  if (residual.framing === "aws-event-stream") {
    const messages = residual.messages ?? fail("expected messages");
    return { dialect: residual.dialect, framing: "aws-event-stream", messages: messages.map((message) => ({ headers: text(message.headers), payload: read(message.payload) })) };
  }
  return fail(`framing ${String(residual.framing)}`);
}
