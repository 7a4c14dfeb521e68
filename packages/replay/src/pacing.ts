import type { Interaction } from "@tapedeck/cassette";

/**
 * The response header in which the recorder keeps when each piece of a
 * streamed body arrived: `<bytes>@<ms>` per piece, comma-separated, the
 * milliseconds counted from the response head. A header, because go-vcr keeps
 * headers through a Go rewrite and drops keys it does not know. Replays leave
 * it out of the response the client sees.
 */
export const pacingHeader = "X-Tapedeck-Pacing";

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
