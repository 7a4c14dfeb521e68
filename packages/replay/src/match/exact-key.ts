import type { PreparedRequest } from "./prepare.js";

/** Deeper bodies get no key: they are matched by the full comparison, which has no depth limit. */
const maxDepth = 256;

/**
 * A key that two requests share whenever the built-in comparison finds no
 * difference in their method, URL and body (headers are not in it): method,
 * normalized URL, and the body as canonical JSON (keys sorted, `null` fields
 * left out, as the comparison treats them) or as its text. Used to find the
 * candidates of a match in one lookup; each is still compared in full.
 * `undefined` for a body too deep to key.
 */
export function exactKey(request: PreparedRequest): string | undefined {
  const body = request.structured === undefined ? `T${request.bodyText}` : canonicalJson(request.structured.value, 0);
  return body === undefined ? undefined : `${request.method} ${request.url}\n${request.structured === undefined ? body : `J${body}`}`;
}

function canonicalJson(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (depth > maxDepth) return undefined;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      const text = canonicalJson(item ?? null, depth + 1);
      if (text === undefined) return undefined;
      items.push(text);
    }
    return `[${items.join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === null || item === undefined) continue;
    const text = canonicalJson(item, depth + 1);
    if (text === undefined) return undefined;
    fields.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${fields.join(",")}}`;
}
