/** `content_block_delta`, `response.output_text.delta`, `messageStart` → `ContentBlockDelta`, `ResponseOutputTextDelta`, `MessageStart`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

/** A payload's string `type`, when it has a non-empty one. */
export function typeField(json: Record<string, unknown>): string | undefined {
  return typeof json.type === "string" && json.type !== "" ? json.type : undefined;
}

/**
 * For dialects whose chunks are all one shape: `chunk`, or `error` for an
 * `{"error": ...}` payload sent in a chunk's place (one without the chunk's
 * own field, `shapeKey`).
 */
export function chunkOrError(shapeKey: string): (json: Record<string, unknown>) => string {
  return (json) => ("error" in json && !(shapeKey in json) ? "error" : "chunk");
}
