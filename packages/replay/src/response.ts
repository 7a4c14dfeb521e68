import { durationToMilliseconds, type Interaction } from "@tapedeck/cassette";
import { ReplayError } from "./errors.js";
import type { TimingOptions } from "./options.js";
import { defaultMaxRecordedWait, pacingHeader } from "./pacing.js";
import { type ResponsePiece, responsePieces } from "./response-pieces.js";

export { type ResponsePiece, responsePieces } from "./response-pieces.js";
/** Headers that described the recorded transport, not this replay. */
const transportHeaders = new Set(["content-length", "transfer-encoding", "content-encoding", "connection", "keep-alive", pacingHeader.toLowerCase()]);

/**
 * The recorded status and headers, without the stale transport headers. A
 * HEAD answer keeps its Content-Length: it tells the size of what a GET would
 * get, and there is no body here to describe otherwise.
 */
export function responseHead(interaction: Interaction): { status: number; statusText: string; headers: Array<[string, string]> } {
  const { response } = interaction;
  const head = interaction.request.method.toUpperCase() === "HEAD";
  // A code past 2^53 (a bigint) is no HTTP status: NaN, which checkHead refuses.
  const status = typeof response.code === "bigint" ? Number.NaN : response.code;
  const statusText = (response.status ?? "").replace(/^\d+\s*/, "");
  const headers: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(response.headers ?? {})) {
    const lower = name.toLowerCase();
    if (transportHeaders.has(lower) && !(head && lower === "content-length")) continue;
    for (const value of values) headers.push([name, value]);
  }
  return { status, statusText, headers };
}

/** A header name HTTP can carry (RFC 9110's token). */
const tokenPattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A header value or status text HTTP can carry: no line break, no control character but tab. */
const fieldValuePattern = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Statuses whose responses have no body in HTTP. */
const nullBodyStatuses = new Set([204, 205, 304]);

/**
 * Checks that a recorded head can be sent: a final status code within `range`
 * (no 1xx), no body on a 204, 205 or 304, the
 * status text and every header on one line of visible characters. A
 * `ReplayError` (`invalid-recording`) naming the interaction and the field
 * otherwise; never a crash of the server or the client.
 */
export function checkHead(interaction: Interaction, head: ReturnType<typeof responseHead>, range: readonly [number, number]): void {
  const fail = (what: string) => {
    throw new ReplayError("invalid-recording", `interaction ${interaction.id} cannot be replayed: ${what}`, { nearest: interaction.id });
  };
  if (!Number.isInteger(head.status) || head.status < range[0] || head.status > range[1]) fail(`its status code ${String(interaction.response.code)} is outside ${range[0]}-${range[1]}`);
  if (head.status < 200) fail(`its status code ${head.status} is informational; a replay can only give a final response`);
  const body = interaction.response.body;
  if (nullBodyStatuses.has(head.status) && body !== undefined && body.length > 0) fail(`it is a ${head.status} with a body, which HTTP cannot carry (the body would be lost)`);
  if (!fieldValuePattern.test(head.statusText)) fail(`its status text ${JSON.stringify(head.statusText)} holds a line break or control character`);
  for (const [name, value] of head.headers) {
    if (!tokenPattern.test(name)) fail(`its header name ${JSON.stringify(name)} is not an HTTP token`);
    if (!fieldValuePattern.test(value)) fail(`its header ${name} holds a line break or control character: ${JSON.stringify(value.slice(0, 60))}`);
  }
}

/** Milliseconds to wait before the headers. */
export function latencyOf(interaction: Interaction, timing: TimingOptions): number {
  const speed = timing.speed ?? 1;
  if (timing.latency === "recorded") {
    const duration = interaction.response.duration;
    return duration === undefined ? 0 : Math.min(durationToMilliseconds(duration), timing.maxRecordedWait ?? defaultMaxRecordedWait) / speed;
  }
  return (timing.latency ?? 0) / speed;
}

/**
 * How long to wait before each piece of one response: the recorded pacing for
 * pieces that carry their time (counted from the first piece, so that slow
 * sending catches up), else the `pacing` given in milliseconds or by a function.
 */
export function pieceDelays(timing: TimingOptions): (index: number, piece: ResponsePiece) => number {
  let started: number | undefined;
  return (index, piece) => {
    if (piece.at === undefined) return pacingDelayOf(index, piece, timing);
    started ??= performance.now();
    return piece.at / (timing.speed ?? 1) - (performance.now() - started);
  };
}

/** Milliseconds to wait before piece `index` (0 for the first) when the pacing is given, not recorded. */
function pacingDelayOf(index: number, piece: ResponsePiece, timing: TimingOptions): number {
  const pacing = timing.pacing;
  if (index === 0 || pacing === undefined || pacing === "recorded") return 0;
  // The event is read only for a function that wants it.
  const delay = typeof pacing === "function" ? pacing(index, piece.event ?? {}) : pacing;
  return delay / (timing.speed ?? 1);
}

/**
 * Waits, or rejects with the signal's reason as soon as it aborts (at once if
 * it already has). Its abort listener goes when the wait ends, so a long stream
 * adds none per event.
 */
export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A fetch `Response` that streams the recorded body event by event, with the
 * recorded status and headers.
 */
export function buildResponse(interaction: Interaction, timing: TimingOptions, signal?: AbortSignal): Response {
  const head = responseHead(interaction);
  checkHead(interaction, head, [200, 599]);
  const pieces = responsePieces(interaction, timing);
  const delay = pieceDelays(timing);
  let index = 0;
  const body =
    pieces.length === 0 || head.status === 204 || head.status === 304
      ? null
      : new ReadableStream<Uint8Array>({
          async pull(controller) {
            // Every piece due now goes in this pull; the first one to wait ends it.
            for (let waited = false; ; waited = true) {
              const piece = pieces[index];
              if (piece === undefined) {
                controller.close();
                return;
              }
              const wait = delay(index, piece);
              if (wait > 0 && waited) return;
              // An abort between events ends the body there: no further event is delivered.
              if (wait > 0 || signal?.aborted) await sleep(wait, signal);
              index += 1;
              // A copy: the pieces are views of the recording, which a reader must not be able to change or detach.
              controller.enqueue(piece.data.slice());
            }
          },
        });
  try {
    return new Response(body, { status: head.status, statusText: head.statusText, headers: head.headers });
  } catch (cause) {
    throw new ReplayError("invalid-recording", `interaction ${interaction.id} cannot be replayed: ${(cause as Error).message}`, { nearest: interaction.id, cause });
  }
}
