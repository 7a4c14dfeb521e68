import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { writeTypes } from "./generate-types.js";
import { anthropicStreamCassette, exportedNames, scratch, scratchFolder, typeErrors, writeSampleAssignments } from "./test-support/hostile.js";

afterAll(async () => {
  const { rm } = await import("node:fs/promises");
  await rm(scratch, { recursive: true, force: true });
});

/** Event types a hostile (or merely odd) provider could send: every line terminator, comment closers, names that are not identifiers. */
const eventTypes = [
  "line\nbreak",
  "carriage\rreturn",
  "line\u2028separator",
  "paragraph\u2029separator",
  "x\nexport const pwned = 1;\n//",
  "*/ export const pwned2 = 2; /*",
  "123",
  "1st_event",
  "quote\"and\\backslash",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal's text, on purpose: it must stay text in the generated code.
  "`${template}`",
];

/** Keys that quicktype, zod or a comment could mistake for something else. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal's text, on purpose: it must stay text in the generated code.
const keys = ["line\nkey", "cr\rkey", "ls\u2028key", "ps\u2029key", "*/", "a b", "a_b", "a-b", "ab", "a.b", "A b", "quote\"", "back\\slash", "`${x}`", "constructor", "toString", "123", "", " "];

function hostileEvents(): string[] {
  const keyed = Object.fromEntries(keys.map((key, index) => [key, index]));
  return [
    JSON.stringify({ type: "message_start", message: { id: "msg", type: "message", role: "assistant", content: [], model: "m", usage: { input_tokens: 1, output_tokens: 1 } } }),
    ...eventTypes.map((type, index) => JSON.stringify({ type, index, ...keyed })),
    JSON.stringify({ type: "message_stop" }),
  ];
}

describe("codegen over event types and keys that are not identifiers", () => {
  it("writes modules that compile, export only their types and schemas, type every sample and validate it with every key", { timeout: 120_000 }, async () => {
    const directory = await scratchFolder("hostile-");
    const cassettes = join(directory, "cassettes");
    const out = join(directory, "generated");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(cassettes);
    const events = hostileEvents();
    await writeFile(join(cassettes, "hostile.yaml"), anthropicStreamCassette(events));
    const { files, summary } = await writeTypes({ cassettes: [cassettes], out, cwd: directory });
    expect(summary.dialects.map((dialect) => [dialect.dialect, Object.keys(dialect.eventTypes).length])).toEqual([["anthropic", eventTypes.length + 2]]);

    // Nothing the provider sent became a statement: the modules export types and schemas, nothing else.
    const typeNames = exportedNames(files["anthropic/types.ts"]!);
    expect(typeNames.filter((name) => !/^[A-Z]\w*$/.test(name))).toEqual([]);
    expect(exportedNames(files["anthropic/validators.ts"]!).filter((name) => !/^[A-Z]\w*$/.test(name))).toEqual([]);
    expect(typeNames).not.toContain("pwned");

    // Every recorded event, written as an object literal, has the type of the union: every key is in the type.
    const assignments = join(directory, "samples.ts");
    await writeSampleAssignments(
      assignments,
      "./generated/anthropic/types.ts",
      events.map((sample) => ({ type: "MessageStreamEvent", sample })),
    );
    expect(typeErrors([join(out, "anthropic/types.ts"), join(out, "anthropic/validators.ts"), join(out, "index.ts"), join(out, "validators.ts"), assignments])).toEqual([]);

    // Every recorded event validates; and with unknown keys refused, still: every key is in the schema.
    const strictPath = join(out, "anthropic/validators-strict.ts");
    await writeFile(strictPath, files["anthropic/validators.ts"]!.replaceAll("z.looseObject(", "z.strictObject("));
    for (const path of [join(out, "anthropic/validators.ts"), strictPath]) {
      const module = (await import(pathToFileURL(path).href)) as Record<string, ZodType>;
      const schema = module.MessageStreamEventSchema!;
      for (const sample of events) expect(schema.safeParse(JSON.parse(sample)).error?.issues, sample.slice(0, 60)).toBeUndefined();
    }
  });
});

describe("codegen over values quicktype and zod mishandle", () => {
  /** Generates from these events; `literal` are those typechecked as object literals (TypeScript's own parser cannot take 1,000 levels). */
  async function generateFrom(events: string[], literal = events) {
    const directory = await scratchFolder("values-");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(directory, "cassettes"));
    await writeFile(join(directory, "cassettes", "values.yaml"), anthropicStreamCassette(events));
    const out = join(directory, "generated");
    const generated = await writeTypes({ cassettes: [join(directory, "cassettes")], out, cwd: directory });
    const assignments = join(directory, "samples.ts");
    await writeSampleAssignments(assignments, "./generated/anthropic/types.ts", literal.map((sample) => ({ type: "MessageStreamEvent", sample })));
    const module = (await import(pathToFileURL(join(out, "anthropic/validators.ts")).href)) as Record<string, ZodType>;
    return { generated, errors: typeErrors([join(out, "anthropic/types.ts"), join(out, "anthropic/validators.ts"), assignments]), schema: module.MessageStreamEventSchema! };
  }

  it("keeps a key named __proto__ in the type and the validator, which checks its value", { timeout: 60_000 }, async () => {
    const events = ['{"type":"odd","__proto__":"text","other":1}', '{"type":"odd","__proto__":"more","other":2}'];
    const { generated, errors, schema } = await generateFrom(events);
    expect(generated.files["anthropic/types.ts"]).toMatch(/"__proto__": +string;/);
    expect(errors).toEqual([]);
    for (const sample of events) {
      const parsed = schema.safeParse(JSON.parse(sample));
      expect(parsed.success).toBe(true);
      expect(Object.getOwnPropertyDescriptor(parsed.data, "__proto__")?.value).toBe(Object.getOwnPropertyDescriptor(JSON.parse(sample), "__proto__")?.value);
    }
    expect(schema.safeParse(JSON.parse('{"type":"odd","__proto__":5,"other":1}')).error?.issues.map((issue) => issue.path)).toEqual([["__proto__"]]);
  });

  it("types numbers beyond a double's range as numbers, and the validator takes them", { timeout: 60_000 }, async () => {
    const events = ['{"type":"huge","value":1e400,"small":-1e400}', '{"type":"huge","value":2.5,"small":3}'];
    const { generated, errors, schema } = await generateFrom(events);
    expect(generated.files["anthropic/types.ts"]).toMatch(/ value: +number;/);
    expect(errors).toEqual([]);
    for (const sample of events) expect(schema.safeParse(JSON.parse(sample)).error?.issues).toBeUndefined();
  });

  it("types values nested 1,000 levels deep without overflowing the stack", { timeout: 60_000 }, async () => {
    const deep = `{"type":"deep","nested":${"[".repeat(1000)}1${"]".repeat(1000)},"object":${'{"a":'.repeat(1000)}1${"}".repeat(1000)}}`;
    const events = [deep, '{"type":"deep","nested":[],"object":{}}'];
    const { generated, errors, schema } = await generateFrom(events, events.slice(1));
    expect(generated.files["anthropic/types.ts"]).toMatch(/= unknown;/);
    expect(errors).toEqual([]);
    for (const sample of events) expect(schema.safeParse(JSON.parse(sample)).error?.issues).toBeUndefined();
  });
});
