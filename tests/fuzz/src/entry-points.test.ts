import { AwsEventStreamError, createAwsEventStreamParser, parseAwsEventStream } from "@tapedeck/aws-event-stream";
import { CassetteError, durationToMilliseconds, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { CodecError, dialectNames, dialects, mergeInteraction } from "@tapedeck/codec";
import { createReplayFetch, ReplayError } from "@tapedeck/replay";
import { createEventStreamParser, EventStreamError, parseEventStream } from "@tapedeck/sse";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cassetteSeeds, mutated, runs, streamSeeds } from "./seeds.js";

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
