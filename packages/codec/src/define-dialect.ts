import { concatBytes } from "@tapedeck/aws-event-stream";
import type { MergeCore } from "./core.js";
import type { Dialect, DialectEvent, Framing, MergeOptions, MergeResult, Merger, SplitOptions, StreamMerger } from "./dialect.js";
import { CodecError } from "./errors.js";
import type { CodecEvent } from "./events.js";
import { framings } from "./framing/index.js";
import { framingOfBody } from "./framing/payloads.js";
import type { DialectSpec } from "./dialect-spec.js";
import { decodeResidual, encodeResidual, type ResidualTemplate } from "./residual/residual.js";
import { Tracer } from "./residual/trace.js";

/**
 * Builds a dialect's public object from what its folder supplies: merging
 * (whole, in pieces, from events), splitting (canonical or byte for byte with a
 * residual) and the normalized view, the same for every dialect.
 */
export function defineDialect<Merged, Body extends string | Uint8Array, SplitExtra extends object = object>(
  spec: DialectSpec<Merged, SplitExtra>,
): Dialect<Merged, Body, SplitExtra> {
  const anySpec = spec as unknown as DialectSpec<unknown>;

  function createStreamMerger(options: MergeOptions = {}): StreamMerger<Merged> {
    const framing = options.framing ?? spec.framing;
    checkFraming(framing);
    const tracer = options.residual ? new Tracer() : undefined;
    const core = spec.merger({ ...(options.onEvent ? { emit: options.onEvent } : {}), ...(tracer ? { trace: tracer } : {}) }) as MergeCore<unknown>;
    const keep = tracer !== undefined;
    const raw: Array<string | Uint8Array> | undefined = keep ? [] : undefined;
    let decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    let lossy = false;
    let bytesRead = 0;
    const decode = (bytes: Uint8Array, end = false): string => {
      try {
        return end ? decoder.decode() : decoder.decode(bytes, { stream: true });
      } catch {
        if (!lossy) core.report("invalid-utf8", `the stream is not valid UTF-8 (within bytes ${bytesRead}-${bytesRead + bytes.length}); it was read with U+FFFD in place of the bad bytes`, { event: core.eventsRead });
        lossy = true;
        decoder = new TextDecoder("utf-8", { ignoreBOM: true });
        return end ? "" : decoder.decode(bytes, { stream: true });
      }
    };
    const definition = framings[framing];
    const readsText = definition.reads === "text";
    const transport = definition.createTransport(core, anySpec, {
      ...(options.maxLineLength === undefined ? {} : { maxLineLength: options.maxLineLength }),
      ...(options.maxPayloadLength === undefined ? {} : { maxPayloadLength: options.maxPayloadLength }),
      keep,
    });
    return {
      feed(piece) {
        raw?.push(piece);
        if (readsText) transport.feed(typeof piece === "string" ? piece : decode(piece));
        else transport.feed(piece);
        if (typeof piece !== "string") bytesRead += piece.length;
      },
      finish() {
        if (readsText) {
          const rest = decode(new Uint8Array(), true);
          if (rest !== "") transport.feed(rest);
        }
        transport.end();
        const result = core.finish() as MergeResult<Merged>;
        if (!transport.terminated) result.complete = false;
        if (tracer !== undefined) {
          const template = verifiedResidual(transport.residual(result.merged, tracer), result.merged, raw!, lossy) ?? transport.literalResidual(joinPieces(raw!));
          result.residual = encodeResidual(template);
        }
        return result;
      },
    };
  }

  /** The residual, checked by writing it; `undefined` should it ever not give the bytes back (then the stream itself is kept). */
  function verifiedResidual(residual: ResidualTemplate, merged: unknown, raw: ReadonlyArray<string | Uint8Array>, lossy: boolean): ResidualTemplate | undefined {
    if (lossy) return undefined;
    try {
      return sameBody(render(residual, merged), joinPieces(raw)) ? residual : undefined;
    } catch {
      return undefined;
    }
  }

  function merge(body: string | Uint8Array | AsyncIterable<string | Uint8Array>, options: MergeOptions = {}): MergeResult<Merged> | Promise<MergeResult<Merged>> {
    if (typeof body === "string" || body instanceof Uint8Array) {
      const merger = createStreamMerger(options.framing === undefined ? { ...options, framing: framingOfBody(body, spec.framings, spec.framing) } : options);
      merger.feed(body);
      return merger.finish();
    }
    const merger = createStreamMerger(options);
    return (async () => {
      for await (const piece of body) merger.feed(piece);
      return merger.finish();
    })();
  }

  function createMerger(options: Pick<MergeOptions, "onEvent"> = {}): Merger<Merged> & { core: MergeCore<Merged> } {
    let collected: CodecEvent[] = [];
    const core = spec.merger({
      emit: (event) => {
        collected.push(event);
        options.onEvent?.(event);
      },
    });
    let number = 0;
    return {
      core,
      push(event) {
        collected = [];
        if (typeof event === "string") core.pushText(event, number);
        else core.push(event, number);
        number += 1;
        return collected;
      },
      finish: () => core.finish(),
    };
  }

  function mergeEvents(events: Iterable<unknown> | AsyncIterable<unknown>, options: Pick<MergeOptions, "onEvent"> = {}): MergeResult<Merged> | Promise<MergeResult<Merged>> {
    const core = spec.merger(options.onEvent ? { emit: options.onEvent } : {});
    let number = 0;
    const push = (event: unknown) => {
      if (typeof event === "string") core.pushText(event, number);
      else core.push(event, number);
      number += 1;
    };
    if (Symbol.asyncIterator in events) {
      return (async () => {
        for await (const event of events) push(event);
        return core.finish();
      })();
    }
    for (const event of events as Iterable<unknown>) push(event);
    return core.finish();
  }

  function splitEvents(merged: Merged, options: Pick<SplitOptions, "fragment"> & Partial<SplitExtra> = {}): DialectEvent[] {
    return spec.splitEvents(merged, options.fragment ?? 8, options as SplitExtra);
  }

  function render(residual: ResidualTemplate, merged: unknown): string | Uint8Array {
    if (residual.dialect !== spec.name) throw new CodecError("residual-mismatch", `a residual of ${residual.dialect}, not ${spec.name}`);
    return framings[residual.framing].render(residual, merged);
  }

  function split(merged: Merged, options: SplitOptions & Partial<SplitExtra> = {}): string | Uint8Array {
    if (options.residual !== undefined) return render(decodeResidual(options.residual), merged);
    const framing = options.framing ?? spec.framing;
    checkFraming(framing);
    return framings[framing].frame(splitEvents(merged, options), anySpec);
  }

  return {
    name: spec.name,
    framing: spec.framing,
    framings: spec.framings,
    detection: spec.detection,
    codegen: spec.codegen,
    officialClient: spec.officialClient,
    payloadEvent: spec.payloadEvent ?? ((json: unknown) => json),
    example: spec.example,
    merge,
    mergeEvents,
    createMerger,
    createStreamMerger,
    split,
    splitEvents,
    normalize: (merged: Merged, options: { choice?: number } = {}) => spec.normalize(merged, options.choice ?? 0),
  } as unknown as Dialect<Merged, Body, SplitExtra>;
}

function checkFraming(framing: Framing): void {
  if (!Object.hasOwn(framings, framing)) {
    throw new CodecError("unknown-dialect", `unknown framing "${String(framing)}"; expected one of ${Object.keys(framings).join(", ")}`);
  }
}

/** The pieces fed, as one body. */
export function joinPieces(pieces: ReadonlyArray<string | Uint8Array>): string | Uint8Array {
  if (pieces.every((piece) => typeof piece === "string")) return pieces.join("");
  const encoder = new TextEncoder();
  return concatBytes(pieces.map((piece) => (typeof piece === "string" ? encoder.encode(piece) : piece)));
}

function sameBody(left: string | Uint8Array, right: string | Uint8Array): boolean {
  if (typeof left === "string" && typeof right === "string") return left === right;
  const encoder = new TextEncoder();
  const a = typeof left === "string" ? encoder.encode(left) : left;
  const b = typeof right === "string" ? encoder.encode(right) : right;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

