import type { Cassette, Interaction } from "@tapedeck/cassette";
import { InteractionPool } from "./interaction-pool.js";
import type { IncomingRequest, ReplayOptions } from "./options.js";
import { longRecordedWaits } from "./pacing.js";
import { buildResponse, latencyOf, responsePieces, sleep } from "./response.js";

/** Options of {@link createReplayFetch}: how to match, when to play, what to redact. */
export type ReplayFetchOptions = ReplayOptions;

/** A replaying `fetch`, which also tells which recorded interactions no request has used yet. */
export type ReplayFetch = typeof fetch & {
  /** The interactions not used yet, in recorded order: check at the end of a test that every one was. */
  unused(): Interaction[];
  /** What the replay changed from the recording, one line each: recorded waits longer than `timing.maxRecordedWait`, played shorter. */
  notes(): string[];
  /** Answers a request whose body was already read (an interceptor's), without building a `Request` again. */
  answer(request: IncomingRequest, signal?: AbortSignal): Promise<Response>;
};

/**
 * A `fetch` that answers from cassettes instead of the network; nothing is
 * patched globally. A request is matched on method, URL and body (compared as
 * JSON, key order ignored) and the recorded response is streamed event by event
 * through a `ReadableStream`, with its status and headers. A request nothing
 * matches rejects with a `ReplayError` naming the nearest interaction and how
 * the request differs from it.
 *
 * @example
 * ```ts
 * import OpenAI from "openai";
 * import { readCassette } from "@tapedeck/cassette/node";
 * import { createReplayFetch } from "@tapedeck/replay";
 *
 * const fetch = createReplayFetch(await readCassette("chat.yaml"), { timing: { latency: "recorded" } });
 * const client = new OpenAI({ apiKey: "unused", baseURL: "https://openrouter.ai/api/v1", fetch });
 * ```
 */
export function createReplayFetch(cassettes: Cassette | readonly Cassette[], options: ReplayFetchOptions = {}): ReplayFetch {
  const pool = new InteractionPool(cassettes, options);
  const timing = options.timing ?? {};
  const notes: string[] = [];
  const noted = new WeakSet<Interaction>();
  const answer = async (request: IncomingRequest, signal?: AbortSignal) => {
    const interaction = pool.take(request);
    if ((timing.latency === "recorded" || timing.pacing === "recorded") && !noted.has(interaction)) {
      noted.add(interaction);
      notes.push(...longRecordedWaits(interaction, bodyLength(interaction, timing), timing));
    }
    await sleep(latencyOf(interaction, timing), signal);
    return buildResponse(interaction, timing, signal);
  };
  const replayFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const body = request.body === null ? "" : await request.text();
    return answer({ method: request.method, url: request.url, headers: request.headers, body }, request.signal);
  };
  return Object.assign(replayFetch, { unused: () => pool.unused(), notes: () => [...notes], answer });
}

/** The body's length in bytes, from the pieces the replay cuts (and keeps) anyway. */
function bodyLength(interaction: Interaction, timing: ReplayOptions["timing"]): number {
  let length = 0;
  for (const piece of responsePieces(interaction, timing)) length += piece.data.length;
  return length;
}
