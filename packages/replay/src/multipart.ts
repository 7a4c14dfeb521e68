/** One part of a `multipart/form-data` body: its header lines and its content, as written. */
export interface MultipartPart {
  /** The header block, without the blank line after it. */
  head: string;
  /** The form field's name (`Content-Disposition: form-data; name="..."`), when it has one. */
  name?: string;
  /** The file name, for a file part. */
  filename?: string;
  /** The part's `Content-Type`, when given. */
  contentType?: string;
  content: string;
}

/** A multipart body cut into its parts, with what lies around them, so that it can be written back exactly. */
export interface MultipartBody {
  boundary: string;
  /** Text before the first boundary line. */
  preamble: string;
  parts: MultipartPart[];
  /** Text after the closing boundary (`--boundary--`), its line break included. */
  epilogue: string;
}

/** The boundary of a `multipart/...` content type, or `undefined`. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^\s*multipart\//i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Cuts a multipart body (RFC 7578, CRLF or LF line ends) into its parts;
 * `undefined` when it is not one with this boundary. Linear in the body.
 */
export function parseMultipart(body: string, boundary: string): MultipartBody | undefined {
  const delimiter = `--${boundary}`;
  let at = body.startsWith(delimiter) ? 0 : body.indexOf(`\n${delimiter}`);
  if (at < 0) return undefined;
  if (at > 0) at += 1;
  const preamble = body.slice(0, at);
  const parts: MultipartPart[] = [];
  let cursor = at + delimiter.length;
  for (;;) {
    if (body.startsWith("--", cursor)) return { boundary, preamble, parts, epilogue: body.slice(cursor + 2) };
    const lineEnd = body.indexOf("\n", cursor);
    if (lineEnd < 0) return undefined;
    const start = lineEnd + 1;
    const next = body.indexOf(`\n${delimiter}`, start - 1);
    if (next < 0) return undefined;
    const text = body.slice(start, next > 0 && body[next - 1] === "\r" ? next - 1 : next);
    const split = /\r?\n\r?\n/.exec(text);
    const head = split === null ? text : text.slice(0, split.index);
    const content = split === null ? "" : text.slice(split.index + split[0].length);
    parts.push({ head, content, ...describePart(head) });
    cursor = next + 1 + delimiter.length;
  }
}

/** Writes the parts back, with the body's own line ends (`\r\n` unless it used `\n`). */
export function serializeMultipart(body: MultipartBody, lineEnd = "\r\n"): string {
  const delimiter = `--${body.boundary}`;
  const parts = body.parts.map((part) => `${delimiter}${lineEnd}${part.head}${lineEnd}${lineEnd}${part.content}${lineEnd}`).join("");
  return `${body.preamble}${parts}${delimiter}--${body.epilogue}`;
}

/** The line end a multipart body uses. */
export function multipartLineEnd(body: string): string {
  const at = body.indexOf("\n");
  return at > 0 && body[at - 1] === "\r" ? "\r\n" : "\n";
}

function describePart(head: string): Pick<MultipartPart, "name" | "filename" | "contentType"> {
  const described: Pick<MultipartPart, "name" | "filename" | "contentType"> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-type") described.contentType = value;
    if (name !== "content-disposition") continue;
    const field = /;\s*name="((?:[^"\\]|\\.)*)"/i.exec(value) ?? /;\s*name=([^;\s]+)/i.exec(value);
    const file = /;\s*filename="((?:[^"\\]|\\.)*)"/i.exec(value) ?? /;\s*filename=([^;\s]+)/i.exec(value);
    if (field) described.name = field[1]!;
    if (file) described.filename = file[1]!;
  }
  return described;
}
