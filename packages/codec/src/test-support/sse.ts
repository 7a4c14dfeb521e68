/** An SSE event as Anthropic and OpenAI's Responses API send it: `event:` then one `data:` line. */
export function namedEvent(data: Record<string, unknown>, padding = 0, end = "\n"): string {
  const json = JSON.stringify(data);
  return `event: ${String(data.type)}${end}data: ${json.slice(0, -1)}${" ".repeat(padding)}}${end}${end}`;
}

/** Anthropic's ping, spelled as the API spells it (a space after the colon, never padded). */
export const ping = 'event: ping\ndata: {"type": "ping"}\n\n';
