import {
  type Cassette,
  type CassetteLayout,
  defaultCassetteLayout,
  type HeaderMap,
  type Interaction,
  millisecondsToDuration,
} from "@tapedeck/cassette";
import { writeCassette } from "@tapedeck/cassette/node";
import { ReplayError } from "../errors.js";

/** Headers whose values never reach disk unless `redactHeaders` is set to something else. */
export const defaultRedactedHeaders = ["authorization", "proxy-authorization", "api-key", "x-api-key", "cookie", "set-cookie"];

/** Options of {@link createRecordingFetch}. */
export interface RecordingOptions {
  /** The cassette file to write; rewritten, atomically, after each completed exchange. */
  path: string;
  /** Layout of the file; default go-vcr's own (layout C), which Go's go-vcr replays. */
  layout?: CassetteLayout;
  /** More header names to remove, besides {@link defaultRedactedHeaders}. */
  redactHeaders?: readonly string[];
  /** A last look at each interaction before it is written: change it in place or return a new one. */
  redact?: (interaction: Interaction) => Interaction | undefined;
  /** Called when writing fails; `flush()` rejects with the same error. */
  onError?: (error: ReplayError) => void;
}

/** A recording fetch; `flush()` resolves once every finished exchange is on disk. */
export type RecordingFetch = typeof fetch & { flush(): Promise<void>; cassette: Cassette };

/**
 * Wraps a `fetch` so that every exchange is recorded into a go-vcr cassette. The
 * client receives the response live while it is recorded (the body is teed, not
 * buffered first); when the body ends, the interaction is added and the cassette
 * file rewritten. Secrets never reach disk: `Authorization`, `Proxy-Authorization`,
 * `api-key`, `x-api-key`, `Cookie` and `Set-Cookie` are removed.
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
  const cassette: Cassette = { version: 2, interactions: [], layout: options.layout ?? defaultCassetteLayout };
  const redacted = new Set([...defaultRedactedHeaders, ...(options.redactHeaders ?? [])].map((name) => name.toLowerCase()));
  let writing: Promise<void> = Promise.resolve();
  let failure: ReplayError | undefined;
  /** Bodies still being read for the cassette. */
  const recording = new Set<Promise<void>>();

  const headerMap = (headers: Headers): HeaderMap => {
    const map: HeaderMap = Object.create(null);
    headers.forEach((value, name) => {
      if (redacted.has(name.toLowerCase())) return;
      const canonical = name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
      const values = map[canonical] ?? [];
      values.push(value);
      map[canonical] = values;
    });
    if (headers.has("set-cookie") && !redacted.has("set-cookie")) map["Set-Cookie"] = headers.getSetCookie();
    return map;
  };

  const save = (interaction: Interaction) => {
    const final = options.redact?.(interaction) ?? interaction;
    final.id = cassette.interactions.length;
    cassette.interactions.push(final);
    writing = writing
      .then(() => writeCassette(options.path, cassette))
      .catch((cause: unknown) => {
        failure = new ReplayError("record-failed", `cannot write ${options.path}: ${(cause as Error).message}`, { cause });
        options.onError?.(failure);
      });
  };

  const recordingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const requestBody = request.body === null ? "" : await request.clone().text();
    const started = performance.now();
    const response = await upstream(request);
    const duration = millisecondsToDuration(Math.round((performance.now() - started) * 1e6) / 1e6);
    const base = {
      request: {
        proto: "HTTP/1.1",
        protoMajor: 1,
        protoMinor: 1,
        contentLength: new TextEncoder().encode(requestBody).length,
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
    const finish = (body: string | Uint8Array) =>
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
    if (response.body === null) {
      finish("");
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
    if (failure !== undefined) throw failure;
  };
  return recordingFetch;
}

/** Reads a body to its end: text when it is valid UTF-8, else bytes (`!!binary` in the cassette). */
async function collect(stream: ReadableStream<Uint8Array>): Promise<string | Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const part of stream) {
    parts.push(part);
    length += part.length;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return bytes;
  }
}
