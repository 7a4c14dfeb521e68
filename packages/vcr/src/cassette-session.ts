import { access, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Cassette, CassetteLayout, Interaction } from "@tapedeck/cassette";
import { readCassette } from "@tapedeck/cassette/node";
import { createReplayFetch, type MatchOptions, type PoolOptions, type RedactionOptions, ReplayError, type ReplayFetch } from "@tapedeck/replay";
import { createRecordingFetch, type RecordingFetch } from "@tapedeck/replay/node";
import { VcrError } from "./errors.js";
import { intercept, networkFetch } from "./interception.js";
import { resolveMode, type VcrMode } from "./mode.js";

/** Options of {@link startCassette}. */
export interface CassetteOptions extends MatchOptions {
  /** The cassette file (go-vcr YAML). */
  path: string;
  /** How the cassette is used; default `TAPEDECK_MODE`, else `replay` on CI and `record-missing` elsewhere. */
  mode?: VcrMode;
  /** Compare only the path and query of URLs, not the scheme, host and port (a local server on a random port). Default `false`. */
  ignoreHosts?: boolean;
  /** Let a recorded interaction answer more than once. By default each is used once, in recorded order (a 429, then its retry's 200). */
  allowRepeats?: boolean;
  /** Decides the match instead of the built-in comparison: return the differences, none for a match. */
  matcher?: PoolOptions["matcher"];
  /**
   * What is redacted before anything is written, and from each live request
   * before it is matched: secret headers, query parameters and JSON body
   * fields, and values shaped like provider keys, all by default. An object
   * adds names and patterns; `false` turns the defaults off.
   */
  redaction?: RedactionOptions | false;
  /** A last look at each new interaction before it is written: change it, or return `null` to leave it out. */
  redact?: (interaction: Interaction) => Interaction | null | undefined;
  /** Fail `stop()` when a recorded interaction was not used. Default: on in `replay` mode, off otherwise. */
  checkUnused?: boolean;
  /** Replay streamed bodies with the pacing they were recorded with, `speed` times faster. Default: as fast as possible. */
  pacing?: boolean;
  /** Divides recorded waits when `pacing` is on: 2 plays twice as fast. Default 1. */
  speed?: number;
  /** Layout of a new cassette file; an existing one keeps its own. Default go-vcr's. */
  layout?: CassetteLayout;
}

/** A cassette in use: requests of this process are answered from it or recorded into it until `stop()`. */
export interface CassetteSession {
  /** The cassette file. */
  readonly path: string;
  /** The mode in use (resolved from the environment when not given). */
  readonly mode: VcrMode;
  /** Interactions recorded so far in this session. */
  readonly recorded: number;
  /**
   * Stops intercepting, waits for recordings to be written, and fails with a
   * `VcrError` for what went wrong: a request nothing matched (with the nearest
   * interaction and how it differs), unused interactions, a failed write.
   */
  stop(): Promise<void>;
}

/**
 * Starts using a cassette for every request this process makes through
 * global `fetch`, `node:http` or `node:https`: the clients need no change.
 *
 * @example
 * ```ts
 * import { startCassette } from "@tapedeck/vcr";
 * const cassette = await startCassette({ path: "test/cassettes/weather.yaml" });
 * const answer = await new OpenAI().chat.completions.create({ ... });
 * await cassette.stop();
 * ```
 */
export async function startCassette(options: CassetteOptions): Promise<CassetteSession> {
  const mode = resolveMode(options.mode);
  const path = options.path;
  if (mode === "passthrough") return { path, mode, recorded: 0, stop: async () => undefined };
  const existing = mode === "record" ? undefined : await readIfPresent(path);
  if (mode === "replay" && existing === undefined) {
    throw new VcrError("missing-cassette", `no cassette at ${path} to replay (mode replay); record it with TAPEDECK_MODE=record-missing and commit it`, { cassette: path });
  }
  if (mode !== "replay") await mkdir(dirname(path), { recursive: true });
  const problems: VcrError[] = [];
  const replay: ReplayFetch | undefined =
    existing === undefined
      ? undefined
      : createReplayFetch(existing, {
          ...matchOptionsOf(options),
          url: options.ignoreHosts ? "path" : (options.url ?? "full"),
          ...(options.pacing ? { pacing: "recorded" as const, speed: options.speed ?? 1 } : {}),
        });
  const recorder: RecordingFetch | undefined =
    mode === "replay"
      ? undefined
      : createRecordingFetch(networkFetch, {
          path,
          pacing: true,
          ...(existing === undefined ? {} : { cassette: existing }),
          ...(options.layout === undefined ? {} : { layout: options.layout }),
          ...(options.redaction === undefined ? {} : { redaction: options.redaction }),
          ...(options.redact === undefined ? {} : { redact: options.redact }),
        });
  const before = existing?.interactions.length ?? 0;

  const release = intercept(async ({ request, respondWith, errorWith }) => {
    if (replay !== undefined) {
      try {
        respondWith(await replay(request.clone()));
        return;
      } catch (error) {
        if (!(error instanceof ReplayError)) throw error;
        if (mode === "replay" || error.code !== "no-match") {
          const problem = new VcrError(error.code === "no-match" ? "no-match" : "invalid-recording", `${path}: ${error.message}`, { cassette: path, cause: error });
          problems.push(problem);
          respondWith(failure(problem));
          return;
        }
      }
    }
    if (recorder === undefined) return;
    try {
      respondWith(await recorder(request));
    } catch (cause) {
      const problem = new VcrError("record-failed", `${path}: recording ${request.method} ${request.url} failed: ${(cause as Error).message}`, { cassette: path, cause });
      problems.push(problem);
      errorWith(cause);
    }
  }, path);

  return {
    path,
    mode,
    get recorded() {
      return (recorder?.cassette.interactions.length ?? before) - before;
    },
    async stop() {
      release();
      try {
        await recorder?.flush();
      } catch (cause) {
        problems.push(new VcrError("record-failed", `${path}: ${(cause as Error).message}`, { cassette: path, cause }));
      }
      const unused = replay?.unused() ?? [];
      if ((options.checkUnused ?? mode === "replay") && unused.length > 0 && problems.length === 0) {
        const ids = unused.map(({ id, request }) => `  interaction ${id}: ${request.method} ${request.url}`);
        problems.push(new VcrError("unused-interactions", `${path}: ${unused.length} recorded interaction${unused.length === 1 ? " was" : "s were"} not used:\n${ids.join("\n")}`, { cassette: path }));
      }
      const [first] = problems;
      if (first !== undefined) throw first;
    },
  };
}

/** The options the matching takes, and nothing else (no `pacing` or `path` of the VCR's own). */
function matchOptionsOf(options: CassetteOptions): PoolOptions {
  const { ignoreBodyPaths, ignoreHeaders, ignoreQueryParameters, allowRepeats, matcher, redaction } = options;
  return Object.fromEntries(Object.entries({ ignoreBodyPaths, ignoreHeaders, ignoreQueryParameters, allowRepeats, matcher, redaction }).filter(([, value]) => value !== undefined));
}

async function readIfPresent(path: string): Promise<Cassette | undefined> {
  try {
    await access(path);
  } catch {
    return undefined;
  }
  return readCassette(path);
}

/**
 * The answer a client gets for a request the cassette cannot answer: an HTTP
 * error that clients report with its message and do not retry (`x-should-retry:
 * false` for the OpenAI and Anthropic SDKs; 4xx for the AI SDK), so the test
 * shows tapedeck's message, not a connection error after retries.
 */
function failure(problem: VcrError): Response {
  const body = JSON.stringify({ error: { type: "tapedeck_vcr", code: problem.code, message: `tapedeck: ${problem.message}` } });
  return new Response(body, {
    status: problem.code === "no-match" ? 404 : 502,
    statusText: problem.code === "no-match" ? "Not Recorded" : "Not Replayable",
    headers: { "content-type": "application/json", "x-should-retry": "false" },
  });
}
