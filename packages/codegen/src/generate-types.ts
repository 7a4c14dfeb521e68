import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { writeFileAtomic } from "@tapedeck/cassette/node";
import { type DialectName, generatedNamespace } from "@tapedeck/codec";
import { collectSamples } from "./collect-samples.js";
import { checkOutFolder, checkWritable, generatedMarker, manifestName, manifestText, obsoleteFiles, removeObsolete } from "./output-folder.js";
import { renderDialect } from "./render-dialect.js";

/** Options of {@link generateTypes}. */
export interface GenerateTypesOptions {
  /** Cassette files or directories (searched for `.yaml`/`.yml`). */
  cassettes: readonly string[];
}

/** What was generated from, per dialect. */
export interface CodegenSummary {
  cassettes: number;
  dialects: Array<{ dialect: DialectName; cassettes: number; streams: number; events: number; requests: number; eventTypes: Record<string, number> }>;
  /** Streams no dialect fits: not in any type. */
  unknownStreams: number;
  /** Event payloads that are not JSON objects or carry no event type: not in any type. */
  unusablePayloads: number;
}

/** The generated files (path relative to the output folder → text) and what they came from. */
export interface GeneratedTypes {
  files: Record<string, string>;
  summary: CodegenSummary;
}

/**
 * Generates, without writing anything, one folder per dialect the cassettes
 * hold (`anthropic/types.ts`, `anthropic/validators.ts`...) plus `index.ts`
 * (each dialect's types as a namespace) and `validators.ts` (each dialect's
 * validators). Deterministic: the same cassettes give the same bytes, in any
 * argument order, on any machine.
 *
 * @example
 * ```ts
 * const { files, summary } = await generateTypes({ cassettes: ["fixtures"] });
 * console.log(Object.keys(files)); // ["anthropic/types.ts", "anthropic/validators.ts", ..., "index.ts", "validators.ts"]
 * ```
 */
export async function generateTypes(options: GenerateTypesOptions): Promise<GeneratedTypes> {
  const collected = await collectSamples(options.cassettes);
  const files: Record<string, string> = {};
  const summary: CodegenSummary = { cassettes: collected.cassettes, dialects: [], unknownStreams: collected.unknownStreams, unusablePayloads: collected.unusablePayloads };
  const modules = await Promise.all(collected.dialects.map((samples) => renderDialect(samples)));
  collected.dialects.forEach((samples, position) => {
    files[`${samples.dialect}/types.ts`] = modules[position]!.types;
    files[`${samples.dialect}/validators.ts`] = modules[position]!.validators;
    const eventTypes = Object.fromEntries([...samples.events.keys()].sort().map((type) => [type, samples.events.get(type)!.length]));
    const events = Object.values(eventTypes).reduce((sum, count) => sum + count, 0);
    summary.dialects.push({ dialect: samples.dialect, cassettes: samples.cassettes, streams: samples.streams, events, requests: samples.requests.length, eventTypes });
  });
  const header = [
    `// The dialects recorded in ${collected.cassettes} cassette${collected.cassettes === 1 ? "" : "s"}, each as a namespace.`,
    `// ${generatedMarker}; do not edit. Regenerate with \`tapedeck codegen\`.`,
    "",
  ].join("\n");
  const dialects = collected.dialects.map((samples) => samples.dialect);
  files["index.ts"] = `${header}\n${dialects.map((dialect) => `export type * as ${generatedNamespace(dialect)} from "./${dialect}/types.js";`).join("\n")}\n`;
  files["validators.ts"] = `${header}\n${dialects.map((dialect) => `export * as ${generatedNamespace(dialect)} from "./${dialect}/validators.js";`).join("\n")}\n`;
  return { files, summary };
}


/** Options of {@link writeTypes} and {@link checkTypes}. */
export interface WriteTypesOptions extends GenerateTypesOptions {
  /** The folder the files go into: a folder of their own, such as `src/generated`. */
  out: string;
  /** What relative paths are resolved against, and the folder `out` must not contain; default `process.cwd()`. */
  cwd?: string;
}

/**
 * Generates the files and writes them into `out`, each atomically, and removes
 * the files it generated there earlier that the cassettes no longer give (a
 * dialect no cassette holds any more). It writes nothing outside `out` and
 * touches only its own files, listed in a manifest (`.tapedeck-codegen.json`):
 * a file in the way that it did not write, or a link out of `out`, is a
 * `CodegenError` (`not-generated`), and so is an `out` that is a file, the
 * root, the home directory or a folder holding the working directory
 * (`unsafe-out`). Returns what was generated.
 *
 * @example
 * ```ts
 * await writeTypes({ cassettes: ["fixtures/cassettes"], out: "src/generated" });
 * ```
 */
export async function writeTypes(options: WriteTypesOptions): Promise<GeneratedTypes> {
  const out = await checkOutFolder(options.out, options.cwd ?? process.cwd());
  const generated = await generateTypes({ cassettes: options.cassettes.map((path) => resolve(options.cwd ?? process.cwd(), path)) });
  const names = Object.keys(generated.files);
  await checkWritable(out, names);
  for (const name of names) await writeFileAtomic(join(out.real, name), generated.files[name]!, { makeDirectory: true });
  await removeObsolete(out, names);
  await writeFileAtomic(join(out.real, manifestName), manifestText(names), { makeDirectory: true });
  return generated;
}

/**
 * Compares the files in `out` with what the cassettes generate: the paths of
 * files that differ or are missing (the manifest included), and of files
 * codegen generated earlier that the cassettes no longer give. None when
 * everything is fresh. Writes nothing.
 *
 * @example
 * ```ts
 * const stale = await checkTypes({ cassettes: ["fixtures/cassettes"], out: "src/generated" });
 * if (stale.length > 0) throw new Error(`stale: ${stale.join(", ")}; run tapedeck codegen`);
 * ```
 */
export async function checkTypes(options: WriteTypesOptions): Promise<string[]> {
  const out = await checkOutFolder(options.out, options.cwd ?? process.cwd());
  const { files } = await generateTypes({ cassettes: options.cassettes.map((path) => resolve(options.cwd ?? process.cwd(), path)) });
  const names = Object.keys(files);
  const expected: Record<string, string> = { ...files, [manifestName]: manifestText(names) };
  const stale: string[] = [];
  for (const [name, text] of Object.entries(expected)) {
    if ((await readFile(join(out.real, name), "utf8").catch(() => undefined)) !== text) stale.push(join(out.path, name));
  }
  return [...stale, ...(await obsoleteFiles(out, names)).map((name) => join(out.path, name))];
}
