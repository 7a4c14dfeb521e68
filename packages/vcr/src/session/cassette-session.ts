import { access } from "node:fs/promises";
import { type Cassette, CassetteError, defaultCassetteLayout, type Interaction } from "@tapedeck/cassette";
import { type FileLock, lockFile, readCassette, writeCassette } from "@tapedeck/cassette/node";
import { createReplayFetch, ReplayError, type ReplayFetch } from "@tapedeck/replay";
import { createRecordingFetch, type RecordingFetch } from "@tapedeck/replay/node";
import { VcrError } from "../errors.js";
import { isCloudMetadata, offlineMetadataAnswer } from "../interception/cloud-metadata.js";
import { installedLate, installInterception } from "../interception/install.js";
import { networkFetch } from "../interception/network.js";
import { resolveMode, type VcrMode } from "../mode.js";
import type { CassetteOptions } from "../options.js";
import { enter, type RequestHandler, runInScope } from "../scope.js";
import { cassetteAgeInDays } from "./expiry.js";
import { createRedirectWatch, maxRedirects } from "./redirects.js";
import { bypassProblem, failureResponse, finalError, recordAdvice, unusedProblem } from "./problems.js";

/** What the test tells `stop()` about how it went. */
export interface StopOptions {
  /** The test failed: unused interactions are kept, not removed. */
  testFailed?: boolean;
  /** The messages of the test's own errors: a miss one of them already shows is not reported again. */
  testErrors?: readonly string[];
}

/** What a session did that the test should hear about without failing. */
export interface StopReport {
  /** Interactions recorded in this session. */
  recorded: number;
  /** Interactions removed because no request used them (`unused: "remove"`). */
  removed: Interaction[];
  /** One line each: interactions removed or kept, an expired cassette. */
  notes: string[];
}

/** A cassette in use: requests of this scope are answered from it or recorded into it until `stop()`. */
export interface CassetteSession {
  /** The cassette file. */
  readonly path: string;
  /** The mode in use (resolved from the environment when not given). */
  readonly mode: VcrMode;
  /** Interactions recorded so far in this session. */
  readonly recorded: number;
  /**
   * Stops using the cassette, waits for recordings to be written, removes or
   * reports unused interactions, and fails with a `VcrError` for what went
   * wrong: a request nothing matched (with the nearest interaction and how it
   * differs), unused interactions, a request that went past the interception,
   * a failed write.
   */
  stop(options?: StopOptions): Promise<StopReport>;
}

/**
 * Starts using a cassette for every request made through global `fetch`,
 * `node:http`, `node:https` or `node:http2` in the current scope (the test, in
 * the adapters; the process, elsewhere): the clients need no change. Started
 * inside another cassette's scope, it takes over until it stops.
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
  if (mode === "passthrough") return { path, mode, recorded: 0, stop: async () => ({ recorded: 0, removed: [], notes: [] }) };
  installInterception({ late: true });
  // A cassette that may be recorded is locked first: two processes recording one file would each keep half.
  const lock = mode === "record" || mode === "record-missing" || mode === "once" ? await lockCassette(path) : undefined;
  try {
    return await begin(options, mode, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function begin(options: CassetteOptions, mode: VcrMode, lock: FileLock | undefined): Promise<CassetteSession> {
  const path = options.path;
  const notes: string[] = [];
  let existing = mode === "record" ? undefined : await readIfPresent(path);
  if (existing !== undefined && options.expiresIn !== undefined) {
    const age = cassetteAgeInDays(existing);
    if (age !== undefined && age > options.expiresIn) {
      const days = `${Math.floor(age)} days old, older than expiresIn (${options.expiresIn})`;
      if (mode === "replay") notes.push(`${path} is ${days}: record it afresh with TAPEDECK_MODE=record`);
      else {
        notes.push(`${path} was ${days}: recorded afresh`);
        existing = undefined;
      }
    }
  }
  const recording = mode === "record" || mode === "record-missing" || (mode === "once" && existing === undefined);
  if (!recording) await lock?.release();
  const { match, timing, redaction, redact } = options;
  const replayOptions = { ...(match ? { match } : {}), ...(timing ? { timing } : {}), ...(redaction === undefined ? {} : { redaction }), ...(redact ? { redact } : {}) };
  // An empty cassette where there is none: it still tells a dropped request from a miss.
  const replay: ReplayFetch = createReplayFetch(existing ?? { version: 2, interactions: [], layout: options.layout ?? defaultCassetteLayout }, replayOptions);
  const recorder: RecordingFetch | undefined = recording
    ? createRecordingFetch(networkFetch, {
        path,
        recordPacing: true,
        ...(existing === undefined ? {} : { cassette: existing }),
        ...(options.layout === undefined ? {} : { layout: options.layout }),
        ...(redaction === undefined ? {} : { redaction }),
        ...(redact === undefined ? {} : { redact }),
      })
    : undefined;
  const before = existing?.interactions.length ?? 0;
  const problems: VcrError[] = [];
  const bypasses: string[] = [];
  const problem = (error: VcrError) => {
    if (!problems.some((known) => known.code === error.code && known.message === error.message)) problems.push(error);
    return error;
  };

  const redirects = createRedirectWatch();
  const handler: RequestHandler = {
    path,
    reportBypass(method, url) {
      bypasses.push(`${method} ${url}`);
    },
    async handle(request) {
      const url = new URL(request.url);
      if (url.protocol === "data:" || url.protocol === "blob:") return networkFetch(request);
      if (isCloudMetadata(url)) return options.cloudMetadata === "network" ? networkFetch(request) : offlineMetadataAnswer(request);
      if (isPassthrough(url, options.passthrough)) return networkFetch(request);
      const hop = redirects.arrive(request.url);
      if (hop > maxRedirects) {
        // As fetch does: past 20 redirects, a network error, and nothing recorded.
        throw problem(new VcrError("redirect-loop", `${path}: ${request.method} ${request.url} is redirect ${hop} of one chain, past fetch's limit of ${maxRedirects}; nothing more of it was recorded or replayed`, { cassette: path }));
      }
      const response = await answer(request);
      redirects.leave(request.url, hop, response);
      return response;
    },
  };

  async function answer(request: Request): Promise<Response> {
    // The body is read once; the network gets a request made again from it, only when it is needed.
    const bytes = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    const again = () => new Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, ...(bytes === undefined ? {} : { body: bytes }) });
    try {
      const body = bytes === undefined ? "" : new TextDecoder().decode(bytes);
      return await replay.answer({ method: request.method, url: request.url, headers: request.headers, body }, request.signal);
    } catch (error) {
      if (!(error instanceof ReplayError)) throw error;
      if (error.code === "dropped") return networkFetch(again());
      if (error.code !== "no-match" || recorder === undefined) {
        const missing = existing === undefined && error.code === "no-match";
        const message = missing
          ? `${path}: no cassette to answer ${request.method} ${request.url} (mode ${mode}). ${recordAdvice(path, options.recordCommand)}`
          : `${path}: ${error.message}${error.code === "no-match" ? `\n${recordAdvice(path, options.recordCommand)}` : ""}`;
        // No cause: its text is in the message, and its stack is the interceptors'.
        return failureResponse(problem(new VcrError(missing ? "missing-cassette" : error.code === "no-match" ? "no-match" : "invalid-recording", message, { cassette: path })));
      }
    }
    try {
      return await recorder(again());
    } catch (cause) {
      problem(new VcrError("record-failed", `${path}: recording ${request.method} ${request.url} failed: ${(cause as Error).message}`, { cassette: path, cause }));
      throw cause;
    }
  }

  const leave = enter(handler);
  let stopped: Promise<StopReport> | undefined;

  async function finish(stopOptions: StopOptions): Promise<StopReport> {
    try {
      return await finishUnlocked(stopOptions);
    } finally {
      await lock?.release();
    }
  }

  async function finishUnlocked(stopOptions: StopOptions): Promise<StopReport> {
    leave();
    try {
      await recorder?.flush();
    } catch (cause) {
      problem(new VcrError("record-failed", `${path}: ${(cause as Error).message}`, { cassette: path, cause }));
    }
    notes.push(...replay.notes());
    const report: StopReport = { recorded: (recorder?.cassette.interactions.length ?? before) - before, removed: [], notes };
    const unused = existing === undefined ? [] : replay.unused();
    const policy = options.unused ?? (mode === "record-missing" ? "remove" : mode === "record" ? "keep" : "fail");
    if (unused.length > 0 && policy === "fail" && problems.length === 0) problem(unusedProblem(path, unused));
    if (unused.length > 0 && policy === "remove" && recorder !== undefined) {
      if (stopOptions.testFailed) notes.push(`kept ${unused.length} interaction${unused.length === 1 ? "" : "s"} of ${path} that no request used: the test failed`);
      else {
        await removeUnused(recorder.cassette, unused, path).then(
          () => {
            report.removed = unused;
            notes.push(`removed ${unused.length} interaction${unused.length === 1 ? "" : "s"} no request used from ${path}: ${unused.map(({ request }) => `${request.method} ${request.url}`).join(", ")}`);
          },
          (cause: unknown) => problem(new VcrError("record-failed", `${path}: ${(cause as Error).message}`, { cassette: path, cause })),
        );
      }
    }
    if (bypasses.length > 0) problem(bypassProblem(path, bypasses, installedLate()));
    const error = finalError(problems, stopOptions.testErrors ?? []);
    if (error !== undefined) throw error;
    return report;
  }

  return {
    path,
    mode,
    get recorded() {
      return (recorder?.cassette.interactions.length ?? before) - before;
    },
    stop(stopOptions = {}) {
      stopped ??= finish(stopOptions);
      return stopped;
    },
  };
}

/**
 * Runs `fn` with a cassette in use for the requests it makes, and only those
 * (a scope of its own, so concurrent calls each use their own cassette), then
 * stops it. The error of `fn` comes first; a problem of the cassette that it
 * does not already show is added.
 *
 * @example
 * ```ts
 * import { test } from "node:test";
 * import { withCassette } from "@tapedeck/vcr";
 *
 * test("answers", () => withCassette({ path: "test/cassettes/answers.yaml" }, async () => {
 *   const reply = await new OpenAI().chat.completions.create(params);
 * }));
 * ```
 */
export function withCassette<T>(options: CassetteOptions, fn: (session: CassetteSession) => Promise<T>): Promise<T> {
  return runInScope(async () => {
    const session = await startCassette(options);
    let result: T;
    try {
      result = await fn(session);
    } catch (error) {
      const stopError = await session.stop({ testFailed: true, testErrors: [String((error as Error)?.message ?? error)] }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      throw stopError === undefined ? error : new AggregateError([error, stopError], `${String((error as Error)?.message ?? error)}\n\n${(stopError as Error).message}`);
    }
    await session.stop();
    return result;
  });
}

/** Whether the URL's host is one the options let through. */
function isPassthrough(url: URL, hosts: CassetteOptions["passthrough"]): boolean {
  if (hosts === undefined || hosts.length === 0) return false;
  return hosts.some((host) => (typeof host === "string" ? host.toLowerCase() === url.hostname.toLowerCase() || host.toLowerCase() === url.host.toLowerCase() : host.test(url.host)));
}

/** Removes interactions from the cassette, numbers the rest 0, 1, 2... as go-vcr does, and writes it. */
async function removeUnused(cassette: Cassette, unused: readonly Interaction[], path: string): Promise<void> {
  const gone = new Set(unused);
  cassette.interactions = cassette.interactions.filter((interaction) => !gone.has(interaction));
  cassette.interactions.forEach((interaction, index) => {
    interaction.id = index;
  });
  await writeCassette(path, cassette);
}

/** The cassette's lock, or a `locked` VcrError naming the process that holds it. */
async function lockCassette(path: string): Promise<FileLock> {
  try {
    return await lockFile(path);
  } catch (error) {
    if (error instanceof CassetteError && error.code === "locked") throw new VcrError("locked", error.message, { cassette: path });
    throw error;
  }
}

async function readIfPresent(path: string): Promise<Cassette | undefined> {
  try {
    await access(path);
  } catch {
    return undefined;
  }
  return readCassette(path);
}
