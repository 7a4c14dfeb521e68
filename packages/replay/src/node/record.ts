import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import {
  type Cassette,
  type CassetteLayout,
  defaultCassetteLayout,
  type HeaderMap,
  type Interaction,
  millisecondsToDuration,
} from "@tapedeck/cassette";
import { concatBytes } from "@tapedeck/aws-event-stream";
import { writeCassette } from "@tapedeck/cassette/node";
import { ReplayError } from "../errors.js";
import { formatPacing, pacingHeader } from "../pacing.js";
import { createRedactor, type RedactionOptions } from "../redaction/redactor.js";

/** Options of {@link createRecordingFetch}. */
export interface RecordingOptions {
  /** The cassette file to write (its folder is made when missing); rewritten, atomically, after each completed exchange. */
  path: string;
  /** Layout of the file; default go-vcr's own (layout C), which Go's go-vcr replays. */
  layout?: CassetteLayout;
  /**
   * What is redacted before anything is written (see `createRedactor`): secret
   * headers, query parameters and JSON body fields, and values shaped like
   * provider keys, all by default. `false` turns the defaults off (then only
   * `redact` applies); an object adds names and patterns.
   */
  redaction?: RedactionOptions | false;
  /**
   * A last look at each interaction, after redaction and before it is written:
   * change it in place, return a new one, or return `null` to leave it out.
   */
  redact?: (interaction: Interaction) => Interaction | null | undefined;
  /**
   * Keep when each piece of a streamed response body arrived, in an
   * `X-Tapedeck-Pacing` response header (go-vcr keeps headers through a Go
   * rewrite), for replays with `timing: { pacing: "recorded" }`. Default
   * `true`; a body that arrived in one piece gets no header.
   */
  recordPacing?: boolean;
  /**
   * A cassette to add to instead of a new one: its interactions are kept as
   * they are and new ones follow them (ids continue). Its layout is kept.
   */
  cassette?: Cassette;
  /** Called when writing fails; the next `flush()` rejects with the same error. */
  onError?: (error: ReplayError) => void;
}

/** A recording fetch; `flush()` resolves once every finished exchange is on disk. */
export type RecordingFetch = typeof fetch & { flush(): Promise<void>; cassette: Cassette };

/**
 * Wraps a `fetch` so that every exchange is recorded into a go-vcr cassette. The
 * client receives the response live while it is recorded (the body is teed, not
 * buffered first); when the body ends, the interaction is added and the cassette
 * file rewritten. Secrets never reach disk: secret headers (`Authorization`,
 * `x-api-key`, `x-goog-api-key`, `Cookie`...), query parameters (`key`,
 * `api_key`, `access_token`...), JSON body fields named like secrets, and any
 * header or query value shaped like a provider key become `REDACTED`.
 *
 * @example
 * ```ts
 * import { createRecordingFetch } from "@tapedeck/replay/node";
 * const fetch = createRecordingFetch(globalThis.fetch, { path: "fixtures/cassettes/new.yaml" });
 * const client = new OpenAI({ fetch });
 * // ... run the conversation ...
 * await fetch.flush();
 * ```
 */
export function createRecordingFetch(upstream: typeof fetch, options: RecordingOptions): RecordingFetch {
  const cassette: Cassette = options.cassette ?? { version: 2, interactions: [], layout: options.layout ?? defaultCassetteLayout };
  const redactor = options.redaction === false ? undefined : createRedactor(options.redaction);
  let writing: Promise<void> = Promise.resolve();
  let failure: ReplayError | undefined;
  /** Bodies still being read for the cassette. */
  const recording = new Set<Promise<void>>();

  const headerMap = (headers: Headers): HeaderMap => {
    const map: HeaderMap = Object.create(null);
    headers.forEach((value, name) => {
      const canonical = name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
      const values = map[canonical] ?? [];
      values.push(value);
      map[canonical] = values;
    });
    if (headers.has("set-cookie")) map["Set-Cookie"] = headers.getSetCookie();
    return map;
  };

  const save = (interaction: Interaction) => {
    const redacted = redactor === undefined ? interaction : redactor.interaction(interaction);
    const hooked = options.redact === undefined ? redacted : options.redact(redacted);
    if (hooked === null) return;
    const final = hooked ?? redacted;
    final.id = cassette.interactions.reduce((next, { id }) => Math.max(next, id + 1), 0);
    cassette.interactions.push(final);
    writing = writing
      .then(async () => {
        await mkdir(dirname(options.path), { recursive: true });
        await writeCassette(options.path, cassette);
      })
      .catch((cause: unknown) => {
        failure = new ReplayError("record-failed", `cannot write ${options.path}: ${(cause as Error).message}`, { cause });
        options.onError?.(failure);
      });
  };

  const recordingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    // Kept as bytes (`!!binary`) when it is not UTF-8, never mended with U+FFFD.
    const requestBody = request.body === null ? "" : (await collect(request.clone().body!)).body;
    const started = performance.now();
    const response = await upstream(request);
    const duration = millisecondsToDuration(Math.round((performance.now() - started) * 1e6) / 1e6);
    const base = {
      request: {
        proto: "HTTP/1.1",
        protoMajor: 1,
        protoMinor: 1,
        contentLength: typeof requestBody === "string" ? new TextEncoder().encode(requestBody).length : requestBody.length,
        host: "",
        body: requestBody,
        headers: headerMap(request.headers),
        url: request.url,
        method: request.method,
      },
      status: `${response.status} ${response.statusText}`.trim(),
      code: response.status,
      headers: headerMap(response.headers),
      contentLength: Number(response.headers.get("content-length") ?? -1),
    };
    const headersAt = performance.now();
    const finish = ({ body, pieces }: Collected) => {
      if ((options.recordPacing ?? true) && pieces.length > 1) base.headers[pacingHeader] = [formatPacing(pieces.map(({ bytes, at }) => ({ bytes, at: at - headersAt })))];
      save({
        id: 0,
        request: base.request,
        response: {
          proto: "HTTP/1.1",
          protoMajor: 1,
          protoMinor: 1,
          contentLength: base.contentLength,
          body,
          headers: base.headers,
          status: base.status,
          code: base.code,
          duration,
        },
      });
    };
    if (response.body === null) {
      finish({ body: "", pieces: [] });
      return response;
    }
    const [forClient, forCassette] = response.body.tee();
    const done = collect(forCassette)
      .then(finish)
      .catch((cause: unknown) => {
        failure = new ReplayError("record-failed", `the response body of ${request.url} failed: ${(cause as Error).message}`, { cause });
        options.onError?.(failure);
      })
      .finally(() => recording.delete(done));
    recording.add(done);
    return new Response(forClient, { status: response.status, statusText: response.statusText, headers: response.headers });
  }) as RecordingFetch;

  recordingFetch.cassette = cassette;
  recordingFetch.flush = async () => {
    while (recording.size > 0) await Promise.all(recording);
    await writing;
    // Each failure is reported once: a later flush after later successes resolves.
    const reported = failure;
    failure = undefined;
    if (reported !== undefined) throw reported;
  };
  return recordingFetch;
}

/** A body read to its end, and when each of its pieces arrived. */
interface Collected {
  body: string | Uint8Array;
  pieces: Array<{ bytes: number; at: number }>;
}

/** Reads a body to its end: text when it is valid UTF-8, else bytes (`!!binary` in the cassette). */
async function collect(stream: ReadableStream<Uint8Array>): Promise<Collected> {
  const parts: Uint8Array[] = [];
  const pieces: Array<{ bytes: number; at: number }> = [];
  for await (const part of stream) {
    parts.push(part);
    pieces.push({ bytes: part.length, at: performance.now() });
  }
  const bytes = concatBytes(parts);
  try {
    return { body: new TextDecoder("utf-8", { fatal: true }).decode(bytes), pieces };
  } catch {
    return { body: bytes, pieces };
  }
}
