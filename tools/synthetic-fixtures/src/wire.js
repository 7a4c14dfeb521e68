// How each provider spells its events on the wire (docs/framings.md, the table under "sse"),
// written here by hand: nothing in this package uses tapedeck's codec.
import { serializeAwsEventStream } from "@tapedeck/aws-event-stream";

/** A seeded pseudo-random generator (mulberry32), so that every run writes the same bytes. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** A whole number from `min` to `max`, both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** `length` characters from the alphabet. */
    text: (length, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") =>
      Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""),
  };
}

/** Anthropic: `event:` + one `data:` line, compact JSON padded with 0-15 spaces before the final `}`; pings spelled apart. */
export function anthropicSse(events, rng) {
  return events
    .map((event) => {
      if (event.type === "ping") return 'event: ping\ndata: {"type": "ping"}\n\n';
      const json = JSON.stringify(event);
      return `event: ${event.type}\ndata: ${json.slice(0, -1)}${" ".repeat(rng.int(0, 15))}}\n\n`;
    })
    .join("");
}

/** OpenAI Responses: `event:` + `data:`, `type` first then the top-level keys in alphabetical order; floats spelled `1.0`. */
export function responsesSse(events) {
  return events
    .map((event, sequence) => {
      const all = { ...event, sequence_number: sequence };
      const ordered = { type: event.type };
      for (const key of Object.keys(all).sort()) if (key !== "type") ordered[key] = all[key];
      const json = JSON.stringify(ordered).replace(/"(temperature|top_p|presence_penalty|frequency_penalty)":(\d+)(?=[,}])/g, '"$1":$2.0');
      return `event: ${event.type}\ndata: ${json}\n\n`;
    })
    .join("");
}

/** Gemini: data-only, CRLF, `"key": value` with no space after commas. */
export function geminiSse(chunks) {
  return chunks.map((chunk) => `data: ${geminiJson(chunk)}\r\n\r\n`).join("");
}

/**
 * Gemini without `alt=sse`: one JSON array, each chunk pretty-printed (two spaces) and the
 * chunks separated by `\n,\r\n`, as Google's streaming JSON endpoints write them.
 */
export function geminiJsonArray(chunks) {
  return `[${chunks.map((chunk) => JSON.stringify(chunk, null, 2)).join("\n,\r\n")}\n]`;
}

function geminiJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(geminiJson).join(",")}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${JSON.stringify(key)}: ${geminiJson(item)}`)
    .join(",")}}`;
}

const paddingAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

const headers = (eventType, messageType = "event") => [
  { name: ":event-type", type: "string", value: eventType },
  { name: ":content-type", type: "string", value: "application/json" },
  { name: ":message-type", type: "string", value: messageType },
];

/** Bedrock InvokeModelWithResponseStream: each Anthropic event, compact, base64 in `{"bytes","p"}`, `p` a random prefix of the alphabet. */
export function bedrockInvokeFrames(events, rng) {
  return serializeAwsEventStream(
    events.map((event) => {
      const bytes = Buffer.from(JSON.stringify(event), "utf8").toString("base64");
      const payload = `{"bytes":"${bytes}","p":"${paddingAlphabet.slice(0, rng.int(2, 61))}"}`;
      return { headers: headers("chunk"), payload: new TextEncoder().encode(payload) };
    }),
  );
}

/** Bedrock ConverseStream: each event's own JSON as the payload, with Bedrock's `p` padding; the type in `:event-type`. */
export function bedrockConverseFrames(events, rng) {
  return serializeAwsEventStream(
    events.map(([type, payload]) => ({
      headers: headers(type),
      payload: new TextEncoder().encode(JSON.stringify({ ...payload, p: paddingAlphabet.slice(0, rng.int(2, 61)) })),
    })),
  );
}

/** Cuts text into pieces of 1 to `max` characters (code points). */
export function fragments(text, rng, max = 12) {
  const characters = Array.from(text);
  const pieces = [];
  for (let start = 0; start < characters.length; ) {
    const size = rng.int(1, max);
    pieces.push(characters.slice(start, start + size).join(""));
    start += size;
  }
  return pieces;
}
