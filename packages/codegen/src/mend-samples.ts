import type { SampleRewrites } from "./prepare-samples.js";
import { alignProperties } from "./render-dialect.js";

/**
 * Mends quicktype's output after `prepare-samples.ts` rewrote samples: the
 * `__proto__` stand-in key becomes `"__proto__"` again, and a type that held
 * a too-deep stand-in becomes `unknown`.
 */
export function mendTypes(types: string, rewrites: SampleRewrites): string {
  let mended = types;
  if (rewrites.sawDeep) {
    mended = replaceBlocks(mended, /^export type (\w+) = \{\n(?: {4}.*\n)*\}$/gm, rewrites.deepKey, (name) => `export type ${name} = unknown;`);
  }
  if (rewrites.sawProto) {
    mended = mended.replace(/^export type \w+ = \{\n(?: {4}.*\n)*\}$/gm, (block) => {
      const quoted = `    ${JSON.stringify(rewrites.protoKey)}`;
      return block.includes(quoted) ? alignProperties(block.replaceAll(quoted, '    "__proto__"').split("\n")).join("\n") : block;
    });
  }
  return mended;
}

/**
 * The same for quicktype's zod output, plus what zod itself cannot do: an
 * object with a `__proto__` key is checked by a wrapper (zod drops the key
 * from shapes), and numbers take `Infinity` and `-Infinity` when a sample
 * held a number beyond a double's range.
 */
export function mendValidators(validators: string, rewrites: SampleRewrites): string {
  let mended = validators;
  const helpers: string[] = [];
  if (rewrites.sawDeep) {
    mended = replaceBlocks(mended, /^export const (\w+)Schema = z\.object\(\{\n(?: {4}.*\n)*\}\);$/gm, rewrites.deepKey, (name) => `export const ${name}Schema = z.unknown();`);
  }
  if (rewrites.sawProto) {
    const protoLine = new RegExp(`^ {4}${escapeRegExp(JSON.stringify(rewrites.protoKey))}: (.*),$`, "m");
    mended = mended.replace(/^export const (\w+)Schema = z\.object\(\{\n(?: {4}.*\n)*\}\);$/gm, (block: string, name: string) => {
      const line = protoLine.exec(block);
      if (line === null) return block;
      const object = block.replace(`${line[0]}\n`, "").replace(`export const ${name}Schema = `, "").replace(/;$/, "");
      return `export const ${name}Schema = withProtoKey(${object}, ${line[1]});`;
    });
    helpers.push(withProtoKeySource);
  }
  if (rewrites.sawInfinite) {
    mended = mended.replaceAll("z.number()", "anyNumber");
    helpers.push(anyNumberSource);
  }
  if (helpers.length === 0) return mended;
  const importLine = 'import * as z from "zod";\n';
  return mended.replace(importLine, `${importLine}\n${helpers.join("\n")}`);
}

/** Replaces each block `pattern` finds that holds the key, by what `replacement` makes of its name. */
function replaceBlocks(source: string, pattern: RegExp, key: string, replacement: (name: string) => string): string {
  const quoted = JSON.stringify(key);
  return source.replace(pattern, (block: string, name: string) => (block.includes(`    ${quoted}`) ? replacement(name) : block));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const withProtoKeySource = `/**
 * zod drops a key named "__proto__" from an object's shape, so an object that
 * has one is checked here: the rest by the object's schema, "__proto__" (an
 * own property, as JSON.parse makes it) by its own schema, and kept in the result.
 */
function withProtoKey<Shape extends z.ZodType, Value extends z.ZodType>(object: Shape, value: Value) {
    return z.unknown().transform((input, context): z.output<Shape> & { ["__proto__"]?: z.output<Value> } => {
        const result = object.safeParse(input);
        const own = typeof input === "object" && input !== null ? Object.getOwnPropertyDescriptor(input, "__proto__") : undefined;
        const checked = value.safeParse(own?.value);
        const issues = [...(result.error?.issues ?? []), ...(checked.error?.issues ?? []).map((issue) => ({ ...issue, path: ["__proto__", ...issue.path] }))];
        for (const issue of issues) context.addIssue({ code: "custom", message: issue.message, path: issue.path, input });
        if (!result.success || !checked.success) return z.NEVER;
        if (own !== undefined) Object.defineProperty(result.data, "__proto__", { value: checked.data, enumerable: true, writable: true, configurable: true });
        return result.data as z.output<Shape> & { ["__proto__"]?: z.output<Value> };
    });
}
`;

const anyNumberSource = `/** A number, including the infinities a number beyond a double's range parses to (a sample had one). */
const anyNumber = z.union([z.number(), z.literal(Infinity), z.literal(-Infinity)]);
`;
