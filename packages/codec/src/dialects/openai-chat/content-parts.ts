import { copyJson, isObject, type PlainObject } from "../../shared/data.js";

/**
 * A message's content given as a list of parts, as Mistral streams it
 * (`delta.content: [{"type": "thinking", "thinking": [{"type": "text", "text": "…"}]},
 * {"type": "text", "text": "…"}]`), merged into the list a non-streaming call
 * returns: a text part continues the text part before it, a thinking part the
 * thinking part before it (its inner text parts joined); any other part is
 * kept as sent. Plain string fragments are text parts too.
 */
export class ContentParts {
  readonly parts: PlainObject[] = [];

  /** Starts from the string fragments merged so far, when a list arrives after them. */
  constructor(before: string) {
    if (before !== "") this.parts.push({ type: "text", text: before });
  }

  /** Adds one part; what it added, for the codec's events, or `undefined` when the part is not an object. */
  add(part: unknown): { kind: "text" | "reasoning"; text: string } | { kind: "other" } | undefined {
    if (!isObject(part)) return undefined;
    const last = this.parts[this.parts.length - 1];
    if (part.type === "text" && typeof part.text === "string" && isPlainText(part)) {
      if (last !== undefined && last.type === "text" && typeof last.text === "string" && isPlainText(last)) last.text += part.text;
      else this.parts.push({ ...part });
      return { kind: "text", text: part.text };
    }
    if (part.type === "thinking" && Array.isArray(part.thinking)) {
      const inner = innerText(part.thinking);
      if (last !== undefined && last.type === "thinking" && Array.isArray(last.thinking) && inner !== undefined) {
        const tail = last.thinking[last.thinking.length - 1] as PlainObject | undefined;
        if (tail !== undefined && tail.type === "text" && typeof tail.text === "string") tail.text += inner;
        else last.thinking.push({ type: "text", text: inner });
      } else this.parts.push(copyJson(part));
      return inner === undefined ? { kind: "other" } : { kind: "reasoning", text: inner };
    }
    this.parts.push(copyJson(part));
    return { kind: "other" };
  }

  /** A string fragment of content, after the list began. */
  addText(text: string): void {
    this.add({ type: "text", text });
  }
}

/** A part that is only `type` and `text`: one that a neighbour may continue. */
function isPlainText(part: PlainObject): boolean {
  return Object.keys(part).every((key) => key === "type" || key === "text");
}

/** The text of a thinking part's inner list when it is plain text parts only. */
function innerText(parts: unknown[]): string | undefined {
  let text = "";
  for (const part of parts) {
    if (!isObject(part) || part.type !== "text" || typeof part.text !== "string" || !isPlainText(part)) return undefined;
    text += part.text;
  }
  return text;
}

/** The text of a message's content, whether a string or a list of parts (text parts joined). */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => (isObject(part) && part.type === "text" && typeof part.text === "string" ? part.text : "")).join("");
}

/** The thinking in a list of content parts, joined. */
export function contentThinking(content: unknown): string {
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (isObject(part) && part.type === "thinking" && Array.isArray(part.thinking) ? part.thinking.map((inner) => (isObject(inner) && typeof inner.text === "string" ? inner.text : "")).join("") : ""))
    .join("");
}
