import { concatBytes } from "@tapedeck/aws-event-stream";
import { CodecError } from "../errors.js";
import { fromBase64, toBase64 } from "../shared/base64.js";

/** A path into the merged object. */
export type MergedPath = Array<string | number>;

/**
 * A piece of a residual template:
 * - a string: text written as is;
 * - `slice`: the next `length` UTF-16 units of the string at `slice` in the merged object, as a JSON string;
 * - `skip`: the next `length` units of that string, written elsewhere as is (their raw spelling differs);
 * - `value`: the JSON of the number or string at `value` in the merged object;
 * - `base64`: the inner pieces, written, encoded as UTF-8 and then as base64;
 * - `bytes`: raw bytes, base64-encoded (only inside binary payloads).
 */
export type TemplatePiece =
  | string
  | { slice: MergedPath; length: number }
  | { skip: MergedPath; length: number }
  | { value: MergedPath }
  | { base64: TemplatePiece[] }
  | { bytes: string };

/** Reads a value in the merged object; `undefined` when the path leads nowhere. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = Object.hasOwn(node, segment) ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return node;
}

/** Renders templates against one merged object, keeping track of how much of each sliced string was used. */
export class TemplateRenderer {
  private readonly cursors = new Map<string, { path: MergedPath; used: number }>();
  private readonly encoder = new TextEncoder();

  constructor(private readonly merged: unknown) {}

  /** The text of pieces that hold no raw bytes. */
  text(pieces: readonly TemplatePiece[]): string {
    let out = "";
    for (const piece of pieces) {
      if (typeof piece === "string") out += piece;
      else if ("slice" in piece) out += JSON.stringify(this.take(piece.slice, piece.length));
      else if ("skip" in piece) this.take(piece.skip, piece.length);
      else if ("value" in piece) out += this.value(piece.value);
      else if ("base64" in piece) out += toBase64(this.bytes(piece.base64));
      else throw new CodecError("residual-mismatch", "raw bytes in a text template");
    }
    return out;
  }

  /** The bytes of pieces, raw bytes included. */
  bytes(pieces: readonly TemplatePiece[]): Uint8Array {
    if (!pieces.some((piece) => typeof piece === "object" && "bytes" in piece)) return this.encoder.encode(this.text(pieces));
    const parts: Uint8Array[] = [];
    let run: TemplatePiece[] = [];
    const flush = () => {
      if (run.length > 0) parts.push(this.encoder.encode(this.text(run)));
      run = [];
    };
    for (const piece of pieces) {
      if (typeof piece === "object" && "bytes" in piece) {
        flush();
        const bytes = fromBase64(piece.bytes);
        if (bytes === undefined) throw new CodecError("residual-mismatch", "a bytes piece that is not base64");
        parts.push(bytes);
      } else run.push(piece);
    }
    flush();
    return concatBytes(parts);
  }

  /** Checks that every sliced string was used up: a residual of a shorter text does not fit. */
  finish(): void {
    for (const { path, used } of this.cursors.values()) {
      const text = valueAt(this.merged, path) as string;
      if (text.length !== used) {
        throw new CodecError("residual-mismatch", `the residual accounts for ${used} characters, the object has ${text.length}`, formatPath(path));
      }
    }
  }

  private take(path: MergedPath, length: number): string {
    const key = path.join("\u0000");
    let cursor = this.cursors.get(key);
    if (cursor === undefined) {
      cursor = { path, used: 0 };
      this.cursors.set(key, cursor);
    }
    const text = valueAt(this.merged, path);
    if (typeof text !== "string" || cursor.used + length > text.length) {
      throw new CodecError("residual-mismatch", "the object's text is shorter than the residual's slices, or not text", formatPath(path));
    }
    const piece = text.slice(cursor.used, cursor.used + length);
    cursor.used += length;
    return piece;
  }

  private value(path: MergedPath): string {
    const value = valueAt(this.merged, path);
    if (typeof value !== "string" && typeof value !== "number") {
      throw new CodecError("residual-mismatch", `expected a string or number, found ${value === null ? "null" : typeof value}`, formatPath(path));
    }
    return JSON.stringify(value);
  }
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join("");
}



/** Joins adjacent strings: fewer, larger pieces. */
export function compact(pieces: TemplatePiece[]): TemplatePiece[] {
  const out: TemplatePiece[] = [];
  for (const piece of pieces) {
    const last = out.length - 1;
    if (typeof piece === "string") {
      if (piece === "") continue;
      if (last >= 0 && typeof out[last] === "string") out[last] = (out[last] as string) + piece;
      else out.push(piece);
    } else out.push(piece);
  }
  return out;
}
