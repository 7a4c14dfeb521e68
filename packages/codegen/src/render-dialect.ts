import type { DialectSamples } from "./collect-samples.js";
import { dialectNaming } from "./dialect-naming.js";
import { runQuicktype } from "./quicktype.js";
import { applyNames, readableNames } from "./readable-names.js";

/** The two generated modules of one dialect. */
export interface DialectModules {
  /** `types.ts`: the event, union and request types. */
  types: string;
  /** `validators.ts`: zod schemas of the same shapes, named `<Type>Schema`. */
  validators: string;
}

/** One event type and the name of its generated type. */
interface Member {
  eventType: string;
  name: string;
  samples: readonly string[];
}

/**
 * Generates one dialect's types and validators from its samples: one quicktype
 * run over every event type (each its own top-level type, so nested shapes are
 * shared) and the request bodies; then the event types become literal `type`
 * members of a discriminated union (Anthropic, Responses), entries of an event
 * map (Bedrock), or stay the one chunk type (chat, Gemini).
 */
export async function renderDialect(samples: DialectSamples, regenerate: string): Promise<DialectModules> {
  const naming = dialectNaming[samples.dialect];
  const members = membersOf(samples, naming.member);
  // Each event's samples carry a property of its own, so quicktype neither merges two
  // event types of the same shape nor reuses an event's type for a nested object;
  // it is taken out again below.
  const sets = members.map(({ name, samples: texts }) => ({ name, samples: texts.map((text) => `{"${markerPrefix}${name}":true,${text.trimStart().slice(1)}`) }));
  if (samples.requests.length > 0) sets.push({ name: naming.request, samples: samples.requests });
  const [typesSource, zodSource] = await Promise.all([runQuicktype("typescript", sets), runQuicktype("typescript-zod", sets)]);
  const renames = readableNames(typesSource);
  let types = applyNames(typesSource, renames);
  let validators = applyNames(zodSource, renames);
  for (const { eventType, name } of members) {
    const literal = naming.grouping.kind === "discriminated-union" ? JSON.stringify(eventType) : undefined;
    types = editBlock(types, `export type ${name} = {`, "\n}", (block) => {
      const lines = block.split("\n").filter((line) => !line.includes(markerPrefix));
      return alignProperties(lines.map((line) => (literal !== undefined ? line.replace(/^(\s+type:\s+)string;$/, `$1${literal};`) : line))).join("\n");
    });
    validators = editBlock(validators, `export const ${name}Schema = z.object({`, "\n});", (block) => {
      const lines = block.split("\n").filter((line) => !line.includes(markerPrefix));
      return lines.map((line) => (literal !== undefined ? line.replace(/^(\s+"type": )z\.string\(\),$/, `$1z.literal(${literal}),`) : line)).join("\n");
    });
  }
  types = types.replace(/= \{\n\}/g, "= Record<string, unknown>;");
  validators = validators.replace(/\n{3,}/g, "\n\n").replace(/z\.object\(\{\n\}\)/g, "z.record(z.string(), z.unknown())").replace(/z\.object\(/g, "z.looseObject(");
  const header = headerOf(samples, naming.title, regenerate);
  return {
    types: `${header}\n${types.trimEnd()}\n${groupingTypes(naming.grouping, members)}`,
    validators: `${header}\n${validators.trimEnd()}\n${groupingSchemas(naming.grouping, members)}`,
  };
}

/** The event types in name order, each with a distinct type name. */
function membersOf(samples: DialectSamples, member: (eventType: string) => string): Member[] {
  const taken = new Set<string>();
  return [...samples.events.keys()].sort().map((eventType) => {
    let name = member(eventType);
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${member(eventType)}${suffix}`;
    taken.add(name);
    return { eventType, name, samples: samples.events.get(eventType)! };
  });
}

/** The property that keeps each event type's samples apart in quicktype's eyes. */
const markerPrefix = "tapedeck-event-type:";

/** Rewrites the block that starts with `start` (up to `end`); quicktype must have written it. */
function editBlock(source: string, start: string, end: string, edit: (block: string) => string): string {
  const from = source.indexOf(start);
  if (from < 0) throw new Error(`codegen: quicktype wrote no "${start}"`);
  const to = source.indexOf(end, from);
  return source.slice(0, from) + edit(source.slice(from, to)) + source.slice(to);
}

/** Pads property names to one column again, as quicktype does, once a property is gone. */
function alignProperties(lines: string[]): string[] {
  const property = /^( {4})([^:\s]+\??):\s+(.*)$/;
  const width = Math.max(0, ...lines.map((line) => property.exec(line)?.[2]?.length ?? 0));
  return lines.map((line) => line.replace(property, (_match, indent: string, name: string, rest: string) => `${indent}${`${name}:`.padEnd(width + 1)} ${rest}`));
}

function groupingTypes(grouping: (typeof dialectNaming)[keyof typeof dialectNaming]["grouping"], members: readonly Member[]): string {
  if (grouping.kind === "single" || members.length === 0) return "";
  if (grouping.kind === "discriminated-union") {
    return `\n/** Every event type recorded, discriminated on \`type\`. */\nexport type ${grouping.name} =\n${members.map(({ name }) => `    | ${name}`).join("\n")};\n`;
  }
  return `\n/** Each recorded \`:event-type\` header and the type of its payload. */\nexport type ${grouping.name} = {\n${members.map(({ eventType, name }) => `    ${JSON.stringify(eventType)}: ${name};`).join("\n")}\n}\n`;
}

function groupingSchemas(grouping: (typeof dialectNaming)[keyof typeof dialectNaming]["grouping"], members: readonly Member[]): string {
  if (grouping.kind === "single" || members.length === 0) return "";
  if (grouping.kind === "discriminated-union") {
    return `\n/** Every event type recorded, discriminated on \`type\`. */\nexport const ${grouping.name}Schema = z.discriminatedUnion("type", [\n${members.map(({ name }) => `    ${name}Schema,`).join("\n")}\n]);\nexport type ${grouping.name} = z.infer<typeof ${grouping.name}Schema>;\n`;
  }
  const schemas = grouping.name.replace(/Map$/, "Schemas");
  return `\n/** Each recorded \`:event-type\` header and the schema of its payload. */\nexport const ${schemas} = {\n${members.map(({ eventType, name }) => `    ${JSON.stringify(eventType)}: ${name}Schema,`).join("\n")}\n} as const;\n`;
}

/** A header that stays short for any corpus: counts per event type, and how to regenerate. */
function headerOf(samples: DialectSamples, title: string, regenerate: string): string {
  const events = [...samples.events.values()].reduce((sum, list) => sum + list.length, 0);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return [
    `// ${title} and request bodies (${samples.dialect}), as providers really sent them.`,
    `// Generated by @tapedeck/codegen; do not edit. Regenerate with \`${regenerate}\`.`,
    "//",
    `// From ${plural(samples.cassettes, "cassette")}: ${plural(samples.streams, "stream")}, ${plural(events, "event")}, ${samples.requests.length} request ${samples.requests.length === 1 ? "body" : "bodies"}.`,
    ...[...samples.events.keys()].sort().map((type) => `//   ${type}: ${samples.events.get(type)!.length}`),
    "",
  ].join("\n");
}
