/**
 * Samples made safe for quicktype, which would lose or break on three kinds of
 * value: a key named `__proto__` (dropped), a number beyond a double's range
 * (typed `null`), and nesting deep enough to overflow its stack. Each is
 * rewritten before quicktype sees it, in a way the generated code is mended
 * from afterwards (see `mend-samples.ts`):
 *
 * - `__proto__` keys are renamed to a stand-in key, renamed back in the types
 *   and checked by a wrapper in the validators (zod drops the key too);
 * - non-finite numbers become a finite double, and the validators take
 *   `Infinity` and `-Infinity` wherever they take a number;
 * - values nested deeper than {@link maxTypedDepth} become a stand-in object,
 *   whose type becomes `unknown`.
 *
 * Samples with none of these pass through as they are, byte for byte.
 */

/** How deep values are typed; deeper ones are `unknown`. Real payloads nest a few levels, tool schemas a dozen or two. */
export const maxTypedDepth = 64;

/** What was rewritten across a dialect's samples, and the stand-in keys used. */
export interface SampleRewrites {
  /** The key that stands for `__proto__`. */
  protoKey: string;
  /** The key of the object that stands for a value nested too deep. */
  deepKey: string;
  sawProto: boolean;
  sawInfinite: boolean;
  sawDeep: boolean;
}

/**
 * Picks stand-in keys that no sample holds, so that a stand-in is never
 * mistaken for what a provider sent.
 */
export function createSampleRewrites(texts: Iterable<string>): SampleRewrites {
  const all = [...texts];
  const unused = (base: string) => {
    for (let attempt = 0; ; attempt += 1) {
      const key = attempt === 0 ? base : `${base}${attempt}`;
      if (!all.some((text) => text.includes(`"${key}"`))) return key;
    }
  };
  return { protoKey: unused("tapedeck:__proto__"), deepKey: unused("tapedeck:too-deep"), sawProto: false, sawInfinite: false, sawDeep: false };
}

/** The sample as quicktype should see it: itself when nothing needs rewriting. */
export function rewriteSample(text: string, rewrites: SampleRewrites): string {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return text;
  }
  if (!needsRewrite(root)) return text;
  return JSON.stringify(rebuild(root, rewrites));
}

/** Whether any value is a `__proto__` key, a non-finite number or deeper than typed. */
function needsRewrite(root: unknown): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === "number" && !Number.isFinite(value)) return true;
    if (value === null || typeof value !== "object") continue;
    if (depth >= maxTypedDepth) return true;
    if (Object.hasOwn(value, "__proto__")) return true;
    for (const item of Object.values(value)) stack.push({ value: item, depth: depth + 1 });
  }
  return false;
}

/** A copy with the rewrites applied, built without recursion. */
function rebuild(root: unknown, rewrites: SampleRewrites): unknown {
  const convert = (value: unknown, depth: number): { copy: unknown; pending?: Array<[unknown, string | number]> } => {
    if (typeof value === "number" && !Number.isFinite(value)) {
      rewrites.sawInfinite = true;
      return { copy: 0.5 };
    }
    if (value === null || typeof value !== "object") return { copy: value };
    if (depth >= maxTypedDepth) {
      rewrites.sawDeep = true;
      return { copy: { [rewrites.deepKey]: true } };
    }
    if (Array.isArray(value)) return { copy: new Array(value.length), pending: value.map((_item, index) => [value, index]) };
    return { copy: {}, pending: Object.keys(value).map((key) => [value, key]) };
  };
  const top = convert(root, 0);
  const stack: Array<{ source: unknown; target: Record<string | number, unknown>; key: string | number; depth: number }> = [];
  const schedule = (source: unknown, target: unknown, pending: Array<[unknown, string | number]> | undefined, depth: number) => {
    for (const [, key] of pending ?? []) stack.push({ source, target: target as Record<string | number, unknown>, key, depth });
  };
  schedule(root, top.copy, top.pending, 1);
  while (stack.length > 0) {
    const { source, target, key, depth } = stack.pop()!;
    const value = (source as Record<string | number, unknown>)[key];
    const { copy, pending } = convert(value, depth);
    let name = key;
    if (key === "__proto__") {
      rewrites.sawProto = true;
      name = rewrites.protoKey;
    }
    Object.defineProperty(target, name, { value: copy, enumerable: true, writable: true, configurable: true });
    schedule(value, copy, pending, depth + 1);
  }
  return top.copy;
}
