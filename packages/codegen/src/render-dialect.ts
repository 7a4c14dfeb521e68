import type { DialectSamples } from "./collect-samples.js";
import { type DialectCodegen, dialects, eventSchemasName } from "@tapedeck/codec";
import { mendTypes, mendValidators } from "./mend-samples.js";
import { generatedMarker } from "./output-folder.js";
import { createSampleRewrites, rewriteSample } from "./prepare-samples.js";
import { runQuicktype } from "./quicktype.js";
import { applyNames, readableNames } from "./readable-names.js";

/** The two generated modules of one dialect. */
export interface DialectModules {
  /** `types.ts`: the event, union and request types. */
  types: string;
  /** `validators.ts`: zod schemas of the same shapes, named `<Type>Schema`. */
  validators: string;
}

/** One event type and the names of its generated type and schema. */
interface Member {
  eventType: string;
  name: string;
  schema: string;
  samples: readonly string[];
}

/**
 * Generates one dialect's types and validators from its samples: one quicktype
 * run over every event type (each its own top-level type, so nested shapes are
 * shared) and the request bodies; then the event types become literal `type`
 * members of a discriminated union (Anthropic, Responses), entries of an event
 * map (Bedrock), or stay the one chunk type (chat, Gemini).
 */
export async function renderDialect(samples: DialectSamples): Promise<DialectModules> {
  const naming = dialects[samples.dialect].codegen;
  // Each event's samples carry a property of its own, so quicktype neither merges two
  // event types of the same shape nor reuses an event's type for a nested object;
  // it finds the type quicktype named for the event, and is taken out again below.
  // Its name is one no sample uses.
  const markerPrefix = unusedKeyPrefix(samples);
  const planned = membersOf(samples, naming.member);
  const rewrites = createSampleRewrites([...[...samples.events.values()].flat(), ...samples.requests]);
  const prepare = (text: string) => rewriteSample(text, rewrites);
  const sets = planned.map(({ name, samples: texts }, position) => ({ name, samples: texts.map((text) => withMarker(prepare(text), `${markerPrefix}${position}`)) }));
  if (samples.requests.length > 0) sets.push({ name: naming.request, samples: samples.requests.map(prepare) });
  const [typesSource, zodSource] = await Promise.all([runQuicktype("typescript", sets), runQuicktype("typescript-zod", sets)]);
  const renames = readableNames(typesSource);
  let types = applyNames(typesSource, renames);
  let validators = applyNames(zodSource, renames);
  const members: Member[] = [];
  for (const [position, member] of planned.entries()) {
    const marker = `    "${markerPrefix}${position}": `;
    const literal = naming.grouping.kind === "discriminated-union" ? stringLiteral(member.eventType) : undefined;
    const typeBlock = blockHolding(types, marker, /^export type (\w+) = \{$/, "\n}");
    const schemaBlock = blockHolding(validators, marker, /^export const (\w+)Schema = z\.object\(\{$/, "\n});");
    types = editBlock(types, typeBlock, (block) => {
      const lines = block.split("\n").filter((line) => !line.startsWith(marker));
      return alignProperties(lines.map((line) => (literal !== undefined ? line.replace(/^(\s+type:\s+)string;$/, `$1${literal};`) : line))).join("\n");
    });
    validators = editBlock(validators, schemaBlock, (block) => {
      const lines = block.split("\n").filter((line) => !line.startsWith(marker));
      return lines.map((line) => (literal !== undefined ? line.replace(/^(\s+"type": )z\.string\(\),$/, `$1z.literal(${literal}),`) : line)).join("\n");
    });
    members.push({ ...member, name: typeBlock.name, schema: `${schemaBlock.name}Schema` });
  }
  types = mendTypes(types, rewrites).replace(/= \{\n\}/g, "= Record<string, unknown>;");
  validators = mendValidators(validators, rewrites).replace(/\n{3,}/g, "\n\n").replace(/z\.object\(\{\n\}\)/g, "z.record(z.string(), z.unknown())").replace(/z\.object\(/g, "z.looseObject(");
  const header = headerOf(samples, naming.title);
  return {
    types: `${header}\n${types.trimEnd()}\n${groupingTypes(naming.grouping, members)}`,
    validators: `${header}\n${validators.trimEnd()}\n${groupingSchemas(naming.grouping, members, validators)}`,
  };
}

/** The event types in name order, each with a distinct type name that is a TypeScript identifier. */
function membersOf(samples: DialectSamples, member: (eventType: string) => string): Member[] {
  const taken = new Set<string>();
  return [...samples.events.keys()].sort().map((eventType) => {
    const wanted = identifier(member(eventType));
    let name = wanted;
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${wanted}${suffix}`;
    taken.add(name);
    return { eventType, name, schema: `${name}Schema`, samples: samples.events.get(eventType)! };
  });
}

/** A name that can stand as a type name: `123Event` → `Type123Event`. */
function identifier(name: string): string {
  return /^[A-Za-z_$]/.test(name) ? name : `Type${name}`;
}

/** A JSON object's text with one more property in front: `{"marker":true,...}`. */
function withMarker(text: string, key: string): string {
  const rest = text.trimStart().slice(1);
  return `{"${key}":true${rest.trimStart().startsWith("}") ? "" : ","}${rest}`;
}

/** Where a block that quicktype wrote lies: from its first line to its end, and the name on its first line. */
interface Block {
  from: number;
  to: number;
  name: string;
}

/** The block (`export type X = {` ... `}`) that holds the line starting with `marker`; quicktype must have written it. */
function blockHolding(source: string, marker: string, opening: RegExp, end: string): Block {
  const at = source.indexOf(`\n${marker}`);
  if (at < 0) throw new Error(`codegen: quicktype wrote no type with ${marker.trim()}`);
  const from = source.lastIndexOf("\nexport ", at) + 1;
  const match = opening.exec(source.slice(from, source.indexOf("\n", from)));
  if (match === null) throw new Error(`codegen: quicktype wrote ${marker.trim()} in an unexpected place`);
  return { from, to: source.indexOf(end, at), name: match[1]! };
}

/** A prefix for the property that keeps each event type's samples apart in quicktype's eyes, which no sample's key starts with. */
function unusedKeyPrefix(samples: DialectSamples): string {
  for (let attempt = 0; ; attempt += 1) {
    const prefix = `tapedeck-event-type${attempt === 0 ? "" : attempt}:`;
    const quoted = `"${prefix}`;
    if (![...samples.events.values()].some((texts) => texts.some((text) => text.includes(quoted)))) return prefix;
  }
}

/**
 * A TypeScript string literal of any text: JSON's escapes, plus U+2028 and
 * U+2029, which JSON leaves raw and which end a line in a comment.
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16)}`);
}

/** Rewrites one block. */
function editBlock(source: string, block: Block, edit: (text: string) => string): string {
  return source.slice(0, block.from) + edit(source.slice(block.from, block.to)) + source.slice(block.to);
}

/** Pads property names to one column again, as quicktype does, once a property is gone or renamed. */
export function alignProperties(lines: string[]): string[] {
  const property = /^( {4})("(?:[^"\\]|\\.)*"\??|[^:\s"]+\??):\s+(.*)$/;
  const width = Math.max(0, ...lines.map((line) => property.exec(line)?.[2]?.length ?? 0));
  return lines.map((line) => line.replace(property, (_match, indent: string, name: string, rest: string) => `${indent}${`${name}:`.padEnd(width + 1)} ${rest}`));
}

function groupingTypes(grouping: DialectCodegen["grouping"], members: readonly Member[]): string {
  if (grouping.kind === "single" || members.length === 0) return "";
  if (grouping.kind === "discriminated-union") {
    return `\n/** Every event type recorded, discriminated on \`type\`. */\nexport type ${grouping.name} =\n${members.map(({ name }) => `    | ${name}`).join("\n")};\n`;
  }
  return `\n/** Each recorded \`:event-type\` header and the type of its payload. */\nexport type ${grouping.name} = {\n${members.map(({ eventType, name }) => `    ${stringLiteral(eventType)}: ${name};`).join("\n")}\n}\n`;
}

function groupingSchemas(grouping: DialectCodegen["grouping"], members: readonly Member[], validators: string): string {
  if (grouping.kind === "single" || members.length === 0) return "";
  if (grouping.kind === "discriminated-union") {
    // zod discriminates only plain object schemas; one wrapped for its `__proto__` key makes it a plain union.
    const plain = members.every(({ schema }) => !validators.includes(`export const ${schema} = withProtoKey(`));
    const union = plain ? 'z.discriminatedUnion("type", [' : "z.union([";
    return `\n/** Every event type recorded, discriminated on \`type\`. */\nexport const ${grouping.name}Schema = ${union}\n${members.map(({ schema }) => `    ${schema},`).join("\n")}\n]);\nexport type ${grouping.name} = z.infer<typeof ${grouping.name}Schema>;\n`;
  }
  const schemas = eventSchemasName(grouping.name);
  return `\n/** Each recorded \`:event-type\` header and the schema of its payload. */\nexport const ${schemas} = {\n${members.map(({ eventType, schema }) => `    ${stringLiteral(eventType)}: ${schema},`).join("\n")}\n} as const;\n`;
}

/**
 * A header that stays short for any corpus: counts per event type, and how to
 * regenerate. Event types are written as string literals, so that no text a
 * provider sent can end the comment's line.
 */
function headerOf(samples: DialectSamples, title: string): string {
  const events = [...samples.events.values()].reduce((sum, list) => sum + list.length, 0);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return [
    `// ${title} and request bodies (${samples.dialect}), as providers really sent them.`,
    `// ${generatedMarker}; do not edit. Regenerate with \`tapedeck codegen\`.`,
    "//",
    `// From ${plural(samples.cassettes, "cassette")}: ${plural(samples.streams, "stream")}, ${plural(events, "event")}, ${samples.requests.length} request ${samples.requests.length === 1 ? "body" : "bodies"}.`,
    ...[...samples.events.keys()].sort().map((type) => `//   ${/^[\w.:-]+$/.test(type) ? type : stringLiteral(type)}: ${samples.events.get(type)!.length}`),
    "",
  ].join("\n");
}
