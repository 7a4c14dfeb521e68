import type { Interaction } from "@tapedeck/cassette";
import type { RequestDifference } from "./errors.js";
import type { RedactionOptions } from "./redaction/redactor.js";

/** A live request as matching sees it: after redaction, with its body as text. */
export interface IncomingRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/**
 * How a request is matched to a recorded interaction. The same object is taken
 * by `createReplayFetch`, `startReplayServer`, `@tapedeck/vcr` and
 * `@tapedeck/vitest`.
 */
export interface MatchOptions {
  /**
   * Compare only the path and query of URLs, not the scheme, host and port:
   * for an upstream on a random local port. Default `false` (the replay
   * server always compares path and query only).
   */
  ignoreHosts?: boolean;
  /** Query parameter names left out of the URL comparison. */
  ignoreQueryParameters?: readonly string[];
  /**
   * Header names left out of the comparison, besides the defaults (`user-agent`,
   * `authorization`, `content-length`, AWS signing headers and the other
   * transport or client-identity headers). `true` ignores all headers. A name
   * ending in `*` is a prefix.
   */
  ignoreHeaders?: readonly string[] | true;
  /**
   * Body paths left out of the comparison, dot-separated, `*` for any key or
   * array index: `"messages.*.tool_calls.*.id"`, `"stream_options"`.
   */
  ignoreBodyPaths?: readonly string[];
  /**
   * Decides the match instead of the built-in comparison: return the
   * differences, none for a match. Called with the live request (redacted) and
   * each candidate; `compareRequests` is the built-in one, to call and adjust.
   */
  matcher?: (request: IncomingRequest, interaction: Interaction) => RequestDifference[];
  /**
   * Let interactions answer more than once. Requests are always answered in
   * recorded order first (a 429, then its retry's 200); once every match is
   * used, the last one answers again. Default `false`: each answers once.
   */
  allowRepeats?: boolean;
}

/** When the recorded response is played. Everything is as fast as possible by default. */
export interface TimingOptions {
  /** Wait before the response head: `"recorded"` (go-vcr's `duration`, the time to first byte) or milliseconds. */
  latency?: "recorded" | number;
  /**
   * Wait between the pieces of a body: `"recorded"` plays them as the recorder
   * saw them arrive (its `X-Tapedeck-Pacing` header; one piece per event where
   * a response has none), or milliseconds before each event after the first,
   * or a function of the event's position and the event.
   */
  pacing?: "recorded" | number | ((index: number, event: { event?: string; data?: string }) => number);
  /** Divides every wait: 2 plays twice as fast. Default 1. */
  speed?: number;
  /**
   * The longest wait taken from a recording, in milliseconds: the recorded
   * latency, or a gap between two recorded pieces. A longer recorded time (an
   * edited or forged cassette) is played this long instead, and the replay's
   * `notes()` say so. Default 60,000 (one minute).
   */
  maxRecordedWait?: number;
}

/** What every replay takes: how to match, when to play, what to redact from live requests before matching. */
export interface ReplayOptions {
  match?: MatchOptions;
  timing?: TimingOptions;
  /**
   * The redaction the cassette was recorded with, applied to each live request
   * before it is matched, so that `?key=AIza...` matches a recorded
   * `?key=REDACTED`. Default: the recorder's defaults; `false` for none.
   */
  redaction?: RedactionOptions | false;
  /**
   * The recorder's last look at each interaction, applied to each live request
   * (with an empty response) before it is matched, exactly as to what was
   * written. A request it returns `null` for is not in any cassette: the
   * replay rejects it with `ReplayError` `dropped`.
   */
  redact?: (interaction: Interaction) => Interaction | null | undefined;
}
