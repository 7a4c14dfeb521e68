import { multipartBoundary, multipartLineEnd, parseMultipart, serializeMultipart } from "../multipart.js";

/** What a body's redaction needs: the secret field names (normalized) and the value patterns. */
export interface BodyRules {
  /** Is this JSON field name a secret's? */
  isSecretField(name: string): boolean;
  /** Is this form or multipart field name a secret's (JSON field names and query parameter names)? */
  isSecretParameter(name: string): boolean;
  /** The text with every secret-shaped value replaced. */
  scrub(text: string): string;
  /** What replaces a secret. */
  replacement: string;
}

/**
 * Redacts a body of any kind, by its content type where that tells and by its
 * shape otherwise: JSON (secret-named fields at any depth, whatever they hold,
 * and secret-shaped strings anywhere), form-urlencoded and multipart fields,
 * and any other text by pattern. A body that is not UTF-8 is redacted through
 * a byte-for-byte view (Latin-1), so its other bytes stay as they were. The
 * same value comes back (same bytes, same object) when nothing was secret.
 */
export function redactBody(body: string | Uint8Array | undefined, contentType: string | undefined, rules: BodyRules): string | Uint8Array | undefined {
  if (body === undefined || body.length === 0) return body;
  if (typeof body === "string") return redactText(body, contentType, rules);
  const view = latin1(body);
  const redacted = redactText(view, contentType, rules);
  return redacted === view ? body : fromLatin1(redacted);
}

function redactText(text: string, contentType: string | undefined, rules: BodyRules): string {
  const type = (contentType ?? "").toLowerCase();
  const boundary = multipartBoundary(contentType);
  if (boundary !== undefined) return redactMultipart(text, boundary, rules);
  if (type.startsWith("application/x-www-form-urlencoded")) return redactForm(text, rules);
  const first = text.trimStart()[0];
  if (first === "{" || first === "[") {
    const json = redactJson(text, rules);
    if (json !== undefined) return json;
  }
  return rules.scrub(text);
}

/** JSON with secret fields and secret-shaped strings replaced; `undefined` when it is not JSON. Re-written only when something changed. */
function redactJson(text: string, rules: BodyRules): string | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  let changed = false;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object") continue;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (!Array.isArray(value) && rules.isSecretField(key) && item !== null && item !== rules.replacement && item !== "") {
        // A secret-named field hides whatever it holds: a string, a number, or a nested object of credentials.
        Object.defineProperty(record, key, { value: rules.replacement, enumerable: true, writable: true, configurable: true });
        changed = true;
      } else if (typeof item === "string") {
        const scrubbed = rules.scrub(item);
        if (scrubbed !== item) {
          Object.defineProperty(record, key, { value: scrubbed, enumerable: true, writable: true, configurable: true });
          changed = true;
        }
      } else stack.push(item);
    }
  }
  return changed ? JSON.stringify(root) : text;
}

/** `a=1&api_key=...`: secret-named parameters and secret-shaped values replaced, other parameters as written. */
export function redactForm(text: string, rules: BodyRules): string {
  const parts = text.split("&").map((part) => {
    const equals = part.indexOf("=");
    if (equals < 0) return rules.scrub(part);
    const name = decodeFormComponent(part.slice(0, equals));
    if (rules.isSecretParameter(name)) return `${part.slice(0, equals)}=${rules.replacement}`;
    const value = decodeFormComponent(part.slice(equals + 1));
    const scrubbed = rules.scrub(value);
    return scrubbed === value ? part : `${part.slice(0, equals)}=${encodeURIComponent(scrubbed)}`;
  });
  const joined = parts.join("&");
  return joined === text ? text : joined;
}

/** Multipart fields: a secret-named field's content replaced, text parts scrubbed; files and other parts as written. */
function redactMultipart(text: string, boundary: string, rules: BodyRules): string {
  const parsed = parseMultipart(text, boundary);
  if (parsed === undefined) return rules.scrub(text);
  let changed = false;
  for (const part of parsed.parts) {
    let content = part.content;
    if (part.name !== undefined && rules.isSecretParameter(part.name)) content = rules.replacement;
    else if (part.filename === undefined || /^(text\/|application\/json)/i.test(part.contentType ?? "")) content = rules.scrub(content);
    if (content !== part.content) {
      part.content = content;
      changed = true;
    }
  }
  return changed ? serializeMultipart(parsed, multipartLineEnd(text)) : text;
}

function decodeFormComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** Bytes as text, one character per byte. */
function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 0x8000) text += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return text;
}

/** Text of one-byte characters back to bytes; characters past U+00FF (a replacement) as UTF-8. */
function fromLatin1(text: string): Uint8Array {
  const encoder = new TextEncoder();
  const out: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code <= 0xff) out.push(code);
    else out.push(...encoder.encode(character));
  }
  return Uint8Array.from(out);
}
