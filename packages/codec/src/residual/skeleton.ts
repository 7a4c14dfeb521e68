import { compact, type MergedPath, type TemplatePiece, valueAt } from "./template.js";
import { type EventPath, resolvePath, type TraceEntry } from "./trace.js";

/** A leaf to write in a way of its own (the base64 `bytes` of a Bedrock payload): pieces, or `undefined` to keep it as is. */
export type LeafOverride = (path: EventPath, token: string) => TemplatePiece[] | undefined;

interface Context {
  node: unknown;
  path: MergedPath;
}

const whitespace = new Set([" ", "\t", "\n", "\r"]);

/**
 * The residual template of one event's JSON text: the text itself, with every
 * string or number that the merged object already holds (as the trace says)
 * replaced by a reference to it, and every appended fragment by a slice of the
 * merged string. Keys, punctuation, whitespace, padding and values the merged
 * object does not hold stay as they were, so the template writes the same bytes.
 * A leaf is replaced only when `JSON.stringify` of the merged value spells it
 * exactly as the raw text did (`1.0`, `\u00e9` and the like stay literal).
 */
export function jsonSkeleton(raw: string, entries: readonly TraceEntry[], merged: unknown, override?: LeafOverride): TemplatePiece[] {
  const rules = new Map<string, Array<{ kind: "value" | "slice"; to: MergedPath }>>();
  for (const entry of entries) {
    const key = entry.at.join("\u0000");
    const list = rules.get(key) ?? [];
    list.push({ kind: entry.kind, to: resolvePath(entry.to) });
    rules.set(key, list);
  }
  const builder = new SkeletonBuilder(raw, rules, merged, override);
  try {
    builder.value([], undefined);
    return builder.finish();
  } catch {
    // Not the JSON the merger read (it cannot be, but nothing is lost either way).
    return [raw];
  }
}

class SkeletonBuilder {
  private readonly pieces: TemplatePiece[] = [];
  private position = 0;
  private literalStart = 0;

  constructor(
    private readonly raw: string,
    private readonly rules: Map<string, Array<{ kind: "value" | "slice"; to: MergedPath }>>,
    private readonly merged: unknown,
    private readonly override: LeafOverride | undefined,
  ) {}

  finish(): TemplatePiece[] {
    this.skipWhitespace();
    if (this.position !== this.raw.length) throw new Error("trailing text");
    this.pieces.push(this.raw.slice(this.literalStart));
    return compact(this.pieces);
  }

  value(path: Array<string | number>, inherited: Context | undefined): void {
    let context = inherited;
    let slice: MergedPath | undefined;
    if (this.rules.size > 0) {
      for (const rule of this.rules.get(path.join("\u0000")) ?? []) {
        if (rule.kind === "value") context = { node: valueAt(this.merged, rule.to), path: rule.to };
        else slice = rule.to;
      }
    }
    this.skipWhitespace();
    const character = this.raw[this.position];
    if (character === "{") {
      this.position += 1;
      this.skipWhitespace();
      if (this.raw[this.position] === "}") {
        this.position += 1;
        return;
      }
      for (;;) {
        this.skipWhitespace();
        const keyToken = this.stringToken();
        const key = decodeString(keyToken);
        this.skipWhitespace();
        this.expect(":");
        this.value([...path, key], child(context, key));
        this.skipWhitespace();
        if (this.raw[this.position] === ",") this.position += 1;
        else {
          this.expect("}");
          return;
        }
      }
    }
    if (character === "[") {
      this.position += 1;
      this.skipWhitespace();
      if (this.raw[this.position] === "]") {
        this.position += 1;
        return;
      }
      for (let index = 0; ; index += 1) {
        this.value([...path, index], child(context, index));
        this.skipWhitespace();
        if (this.raw[this.position] === ",") this.position += 1;
        else {
          this.expect("]");
          return;
        }
      }
    }
    const start = this.position;
    if (character === '"') {
      const token = this.stringToken();
      const pieces = this.stringPieces(path, token, slice, context);
      if (pieces !== undefined) this.replace(start, pieces);
      return;
    }
    while (this.position < this.raw.length && !isDelimiter(this.raw[this.position]!)) this.position += 1;
    if (this.position === start) throw new Error("unexpected character");
    if (context !== undefined && typeof context.node === "number" && JSON.stringify(context.node) === this.raw.slice(start, this.position)) {
      this.replace(start, [{ value: context.path }]);
    }
  }

  /** What a string token becomes: a slice, a reference, pieces of an override, or `undefined` to keep it. */
  private stringPieces(path: Array<string | number>, token: string, slice: MergedPath | undefined, context: Context | undefined): TemplatePiece[] | undefined {
    const custom = this.override?.(path, token);
    if (custom !== undefined) return custom;
    if (slice !== undefined) {
      const text = decodeString(token);
      if (text === "") return undefined;
      return JSON.stringify(text) === token ? [{ slice, length: text.length }] : [{ skip: slice, length: text.length }, token];
    }
    if (context !== undefined && typeof context.node === "string" && JSON.stringify(context.node) === token) return [{ value: context.path }];
    return undefined;
  }

  /** Replaces the raw text from `start` to the current position with pieces. */
  private replace(start: number, pieces: TemplatePiece[]): void {
    this.pieces.push(this.raw.slice(this.literalStart, start), ...pieces);
    this.literalStart = this.position;
  }

  private stringToken(): string {
    const start = this.position;
    if (this.raw[start] !== '"') throw new Error("expected a string");
    let index = start + 1;
    for (;;) {
      const quote = this.raw.indexOf('"', index);
      if (quote === -1) throw new Error("unterminated string");
      let backslashes = 0;
      for (let back = quote - 1; this.raw[back] === "\\"; back -= 1) backslashes += 1;
      index = quote + 1;
      if (backslashes % 2 === 0) break;
    }
    this.position = index;
    return this.raw.slice(start, index);
  }

  private skipWhitespace(): void {
    while (whitespace.has(this.raw[this.position]!)) this.position += 1;
  }

  private expect(character: string): void {
    if (this.raw[this.position] !== character) throw new Error(`expected ${character}`);
    this.position += 1;
  }
}

function child(context: Context | undefined, key: string | number): Context | undefined {
  if (context === undefined) return undefined;
  const node = context.node;
  const value = node !== null && typeof node === "object" && Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
  return { node: value, path: [...context.path, key] };
}

function decodeString(token: string): string {
  return token.includes("\\") ? (JSON.parse(token) as string) : token.slice(1, -1);
}

function isDelimiter(character: string): boolean {
  return character === "," || character === "}" || character === "]" || whitespace.has(character);
}
