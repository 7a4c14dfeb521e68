import { AwsEventStreamError, createAwsEventStreamParser, parseAwsEventStream, serializeAwsEventStream } from "@tapedeck/aws-event-stream";
import { CassetteError, durationToMilliseconds, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { CodecError, dialectNames, dialects, mergeInteraction } from "@tapedeck/codec";
import { createReplayFetch, ReplayError } from "@tapedeck/replay";
import { createEventStreamParser, EventStreamError, parseEventStream } from "@tapedeck/sse";
import { EventStreamParserStream } from "@tapedeck/sse/stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { awsStreamSeeds, cassetteSeeds, mutated, runs, streamSeeds } from "./seeds.js";

const typedErrors = [CassetteError, CodecError, EventStreamError, AwsEventStreamError, ReplayError];

/** Runs `work`; a throw is fine only if it is one of the packages' own typed errors. */
async function onlyTypedErrors<T>(work: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (typedErrors.some((type) => error instanceof type)) return undefined;
    throw error;
  }
}

const decoder = new TextDecoder();

/** The [start, end) ranges of an input of `length` cut at `cuts` (taken modulo length + 1, in order); empty pieces included. */
function pieces(length: number, cuts: readonly number[]): Array<[number, number]> {
  const ends = [...cuts.map((cut) => cut % (length + 1)).sort((a, b) => a - b), length];
  return ends.map((end, index) => [index === 0 ? 0 : ends[index - 1]!, end]);
}

/** A value with Go's zero values ("", 0, empty lists and maps, absent) left out, as Go's reader cannot tell them apart. */
function withoutZeroValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutZeroValues);
  if (value instanceof Uint8Array || value instanceof Map || value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const isZero = field === undefined || field === "" || (key === "duration" && field === "0s") || field === 0 || field === 0n || (typeof field === "object" && field !== null && !(field instanceof Uint8Array) && Object.keys(field).length === 0);
    if (!isZero) result[key] = withoutZeroValues(field);
  }
  return result;
}

describe("every public entry point, on mutated recordings and random bytes", () => {
  it("parseCassette throws only CassetteError, and what it reads writes and reads back the same", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(cassetteSeeds), async (bytes) => {
        const cassette = await onlyTypedErrors(() => parseCassette(bytes));
        if (cassette === undefined) return;
        const written = serializeCassette(cassette);
        const again = parseCassette(written);
        // Fields the file left out come back as Go's zero values, written as go-vcr writes them: equal to Go.
        expect(withoutZeroValues(again.interactions)).toEqual(withoutZeroValues(cassette.interactions));
        expect(again.unknownFields).toEqual(cassette.unknownFields);
        expect(serializeCassette(again)).toBe(written);
      }),
      { numRuns: runs(300) },
    );
  });

  it("durationToMilliseconds throws only CassetteError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.stringMatching(/^[-+]?([0-9.]+(ns|us|µs|ms|s|m|h)?)+$/)), async (text) => {
        await onlyTypedErrors(() => durationToMilliseconds(text));
      }),
      { numRuns: runs(300) },
    );
  });

  it("the SSE reader throws only EventStreamError, and reads a stream cut into pieces as it reads it whole", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(streamSeeds), fc.array(fc.nat(), { maxLength: 8 }), async (bytes, cuts) => {
        const text = decoder.decode(bytes);
        const whole = await onlyTypedErrors(() => parseEventStream(text));
        if (whole === undefined) return;
        const events: Array<{ data: string | undefined; raw: string | undefined }> = [];
        const parser = createEventStreamParser({ onEvent: (event) => events.push({ data: event.data, raw: event.raw as string | undefined }) });
        for (const [start, end] of pieces(text.length, cuts)) parser.feed(text.slice(start, end));
        parser.end();
        expect(events).toEqual(whole.map((event) => ({ data: event.data, raw: event.raw })));
      }),
      { numRuns: runs(300) },
    );
  });

  it("the AWS event-stream reader throws only AwsEventStreamError, in one piece or many", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(streamSeeds), fc.array(fc.nat(), { maxLength: 8 }), async (bytes, cuts) => {
        const whole = await onlyTypedErrors(() => parseAwsEventStream(bytes));
        const messages: unknown[] = [];
        const outcome = await onlyTypedErrors(() => {
          const parser = createAwsEventStreamParser({ onMessage: (message) => messages.push(message) });
          for (const [start, end] of pieces(bytes.length, cuts)) parser.feed(bytes.subarray(start, end));
          parser.end();
          return true;
        });
        expect(outcome === undefined).toBe(whole === undefined);
        if (whole !== undefined) expect(messages).toEqual(whole);
      }),
      { numRuns: runs(300) },
    );
  });

  it("the AWS reader owns what it gives: a caller refilling one buffer gets the messages of the whole stream", async () => {
    expect(awsStreamSeeds.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...awsStreamSeeds), mutated(streamSeeds)), fc.array(fc.nat(), { maxLength: 8 }), async (bytes, cuts) => {
        const whole = await onlyTypedErrors(() => parseAwsEventStream(bytes));
        if (whole === undefined) return;
        const messages: unknown[] = [];
        const parser = createAwsEventStreamParser({ onMessage: (message) => messages.push(message) });
        const buffer = new Uint8Array(bytes.length);
        for (const [start, end] of pieces(bytes.length, cuts)) {
          buffer.set(bytes.subarray(start, end));
          parser.feed(buffer.subarray(0, end - start));
          // The socket's next read lands in the same buffer.
          buffer.fill(0xaa);
        }
        parser.end();
        expect(messages).toEqual(whole);
      }),
      { numRuns: runs(300) },
    );
  });

  it("the AWS writer refuses what its reader refuses: what it writes reads back, with the same limits", async () => {
    const header = fc.oneof(
      fc.record({ name: fc.string({ minLength: 1, maxLength: 12 }), type: fc.constant("string" as const), value: fc.string({ maxLength: 300 }) }),
      fc.record({ name: fc.string({ minLength: 1, maxLength: 12 }), type: fc.constant("integer" as const), value: fc.integer() }),
      fc.record({ name: fc.string({ minLength: 1, maxLength: 12 }), type: fc.constant("binary" as const), value: fc.uint8Array({ maxLength: 300 }) }),
    );
    const message = fc.record({ headers: fc.array(header, { maxLength: 4 }), payload: fc.uint8Array({ maxLength: 600 }) });
    const limits = fc.record({ maxHeadersLength: fc.integer({ min: 0, max: 1200 }), maxPayloadLength: fc.integer({ min: 0, max: 600 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(message, { maxLength: 4 }), limits, async (messages, options) => {
        const written = await onlyTypedErrors(() => serializeAwsEventStream(messages, options));
        if (written === undefined) return;
        const read = parseAwsEventStream(written, options);
        expect(read.map((item) => ({ headers: item.headers, payload: item.payload }))).toEqual(messages.map((item) => ({ headers: item.headers, payload: item.payload })));
      }),
      { numRuns: runs(300) },
    );
  });

  it("the SSE byte stream reader throws only EventStreamError, and never puts U+FFFD where the bytes had none", async () => {
    const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    await fc.assert(
      fc.asyncProperty(mutated(streamSeeds), fc.array(fc.nat(), { maxLength: 8 }), async (bytes, cuts) => {
        let text: string | undefined;
        try {
          text = strict.decode(bytes);
        } catch {
          text = undefined;
        }
        const source = new ReadableStream<Uint8Array>({
          start(controller) {
            for (const [start, end] of pieces(bytes.length, cuts)) controller.enqueue(bytes.slice(start, end));
            controller.close();
          },
        });
        const events = await onlyTypedErrors(async () => {
          const read = [];
          for await (const event of source.pipeThrough(new EventStreamParserStream())) read.push(event);
          return read;
        });
        // Bytes that are not UTF-8 are an error; valid bytes read as the whole text does.
        if (text === undefined) expect(events).toBeUndefined();
        else {
          const whole = await onlyTypedErrors(() => parseEventStream(text));
          expect(events?.map((event) => event.raw)).toEqual(whole?.map((event) => event.raw));
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("every dialect's merge never throws on data, in both framings, and split gives the bytes back", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(streamSeeds), fc.constantFrom(...dialectNames), fc.constantFrom("sse" as const, "aws-event-stream" as const), async (bytes, name, framing) => {
        const dialect = dialects[name];
        const { merged, residual, diagnostics } = dialect.merge(bytes, { framing, residual: true });
        for (const diagnostic of diagnostics) expect(diagnostic.event).toBeGreaterThanOrEqual(0);
        const lossless = diagnostics.every((diagnostic) => diagnostic.code !== "invalid-utf8" && diagnostic.code !== "invalid-framing");
        const back = await onlyTypedErrors(() => dialect.split(merged, { framing, residual: residual! }));
        if (lossless && back !== undefined) expect(typeof back === "string" ? new TextEncoder().encode(back) : back).toEqual(bytes);
        await onlyTypedErrors(() => dialect.normalize(merged));
      }),
      { numRuns: runs(300) },
    );
  });

  it("mergeInteraction and the replay fetch throw only typed errors on mutated cassettes", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(cassetteSeeds), async (bytes) => {
        const cassette = await onlyTypedErrors(() => parseCassette(bytes));
        if (cassette === undefined) return;
        for (const interaction of cassette.interactions.slice(0, 3)) await onlyTypedErrors(() => mergeInteraction(interaction));
        const fetch = createReplayFetch(cassette);
        for (const { request } of cassette.interactions.slice(0, 3)) {
          // A method fetch itself refuses (Go reads a missing one as ""): the caller's TypeError, before any replay.
          if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(request.method)) continue;
          await onlyTypedErrors(async () => {
            const init: RequestInit = { method: request.method };
            if (request.body !== undefined && request.body.length > 0 && !/^(GET|HEAD)$/i.test(request.method)) init.body = typeof request.body === "string" ? request.body : new Uint8Array(request.body);
            const response = await fetch(new URL(request.url, "http://127.0.0.1/").href, init);
            await response.arrayBuffer();
          });
        }
      }),
      { numRuns: runs(100) },
    );
  });
});
