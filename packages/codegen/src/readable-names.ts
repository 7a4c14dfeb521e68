/**
 * quicktype tells apart two types of the same name with made-up adjectives
 * (`PurpleFunction`, `FluffyFunction`). This renames each such type after the
 * type that holds it (`DeltaToolCallFunction`, `MessageToolCallFunction`), in the
 * TypeScript and the zod output alike, so the names say where a type lives.
 */
const adjectives =
  /^(Purple|Fluffy|Tentacled|Sticky|Indigo|Indecent|Hilarious|Ambitious|Cunning|Magenta|Frisky|Mischievous|Braggadocious)([A-Z]\w*)$/;

/** Finds, for each made-up name, the name of the first type that refers to it. */
export function readableNames(typesSource: string): Map<string, string> {
  const holders = new Map<string, string>();
  const blocks = typesSource.matchAll(/export (?:interface|type) (\w+)(?: =)? \{([^}]*)\}/g);
  for (const [, holder, body] of blocks) {
    for (const [name] of body!.matchAll(/\b[A-Z]\w*/g)) if (!holders.has(name)) holders.set(name, holder!);
  }
  const renames = new Map<string, string>();
  const taken = new Set(typesSource.match(/(?<=export (?:interface|type) )\w+/g) ?? []);
  for (const name of taken) {
    const match = adjectives.exec(name);
    const holder = holders.get(name);
    if (match === null || holder === undefined) continue;
    let candidate = `${holder.replace(adjectives, "$2")}${match[2]}`;
    while (taken.has(candidate) || [...renames.values()].includes(candidate)) candidate = `${candidate}_`;
    renames.set(name, candidate);
  }
  return renames;
}

/** Applies the renames to identifiers (and their `Schema` companions). */
export function applyNames(source: string, renames: Map<string, string>): string {
  if (renames.size === 0) return source;
  const pattern = new RegExp(`\\b(${[...renames.keys()].join("|")})(Schema)?\\b`, "g");
  return source.replace(pattern, (_match, name: string, schema: string | undefined) => renames.get(name)! + (schema ?? ""));
}
