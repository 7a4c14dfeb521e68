import { durationToMilliseconds, type Interaction } from "@tapedeck/cassette";
import type { TimingOptions } from "./options.js";

/**
 * The response header in which the recorder keeps when each piece of a
 * streamed body arrived: `<bytes>@<ms>` per piece, comma-separated, the
 * milliseconds counted from the response head. A header, because go-vcr keeps
 * headers through a Go rewrite and drops keys it does not know. Replays leave
 * it out of the response the client sees.
 */
export const pacingHeader = "X-Tapedeck-Pacing";

/** The default of `timing.maxRecordedWait`: one minute. */
export const defaultMaxRecordedWait = 60_000;

/** One piece of a recorded body: its length in bytes and when it arrived (ms after the head). */
export interface PacedPiece {
  bytes: number;
  at: number;
}

/** The header value for the pieces of a body, in order. */
export function formatPacing(pieces: readonly PacedPiece[]): string {
  return pieces.map(({ bytes, at }) => `${bytes}@${Math.round(at)}`).join(",");
}

/**
 * The recorded pieces of an interaction's body, or `undefined` when it has no
 * pacing header or one that does not add up to the body (edited by hand since).
 */
export function recordedPacing(interaction: Interaction, bodyLength: number): PacedPiece[] | undefined {
  const headers = interaction.response.headers;
  if (headers === undefined) return undefined;
  const name = Object.keys(headers).find((key) => key.toLowerCase() === pacingHeader.toLowerCase());
  const value = name === undefined ? undefined : headers[name]?.[0];
  if (value === undefined || !/^\d+@\d+(,\d+@\d+)*$/.test(value)) return undefined;
  const pieces = value.split(",").map((part) => {
    const [bytes, at] = part.split("@");
    return { bytes: Number(bytes), at: Number(at) };
  });
  return pieces.reduce((sum, piece) => sum + piece.bytes, 0) === bodyLength ? pieces : undefined;
}

/**
 * What a replay with recorded timing shortens in one interaction: a recorded
 * latency or a gap between pieces longer than `timing.maxRecordedWait`, one line each.
 *
 * @example
 * ```ts
 * for (const note of longRecordedWaits(interaction, 512, { pacing: "recorded" })) console.warn(note);
 * ```
 */
export function longRecordedWaits(interaction: Interaction, bodyLength: number, timing: TimingOptions): string[] {
  const notes: string[] = [];
  const max = timing.maxRecordedWait ?? defaultMaxRecordedWait;
  const duration = interaction.response.duration;
  if (timing.latency === "recorded" && duration !== undefined) {
    const latency = durationToMilliseconds(duration);
    if (latency > max) notes.push(`interaction ${interaction.id}: its recorded latency of ${latency} ms is played as ${max} ms (timing.maxRecordedWait)`);
  }
  const pieces = (timing.pacing === "recorded" ? recordedPacing(interaction, bodyLength) : undefined) ?? [];
  for (let index = 1; index < pieces.length; index += 1) {
    const gap = pieces[index]!.at - pieces[index - 1]!.at;
    if (gap > max) notes.push(`interaction ${interaction.id}: the recorded wait of ${gap} ms before piece ${index} is played as ${max} ms (timing.maxRecordedWait)`);
  }
  return notes;
}
