import type { RequestDifference } from "../errors.js";

/** At most this many differences are reported (and looked for) per comparison. */
export const maxDifferences = 20;

function isIgnored(path: readonly string[], ignored: readonly string[][]): boolean {
  return ignored.some((pattern) => pattern.length === path.length && pattern.every((part, index) => part === "*" || part === path[index]));
}

/** A path as a chain of links to its parent, so that going one level deeper copies nothing. */
interface PathLink {
  parent: PathLink | undefined;
  key: string;
  depth: number;
}

function pathOf(link: PathLink | undefined): string[] {
  const keys: string[] = [];
  for (let node = link; node !== undefined; node = node.parent) keys.push(node.key);
  return keys.reverse();
}

/**
 * Structural comparison with key order ignored; records each differing leaf or
 * subtree. Walks with its own stack and shares path prefixes, so a body
 * thousands of levels deep costs time in proportion to its size, never a stack
 * overflow.
 */
export function diffJson(recordedRoot: unknown, sentRoot: unknown, ignored: readonly string[][], differences: RequestDifference[]): void {
  const ignoring = ignored.length > 0;
  const ignoredAt = (link: PathLink | undefined) => ignoring && ignored.some((pattern) => pattern.length === (link?.depth ?? 0) && isIgnored(pathOf(link), [pattern]));
  const at = (link: PathLink | undefined) => ["body", ...pathOf(link)].join(".");
  const child = (parent: PathLink | undefined, key: string): PathLink => ({ parent, key, depth: (parent?.depth ?? 0) + 1 });
  const stack: Array<{ recorded: unknown; sent: unknown; link: PathLink | undefined }> = [{ recorded: recordedRoot, sent: sentRoot, link: undefined }];
  while (stack.length > 0 && differences.length < maxDifferences) {
    const { recorded, sent, link } = stack.pop()!;
    if (ignoredAt(link)) continue;
    if (Array.isArray(recorded) && Array.isArray(sent)) {
      // Items one side lacks are differences at once (no more than are reported); shared ones are compared in order.
      const shared = Math.min(recorded.length, sent.length);
      for (let index = shared; index < Math.max(recorded.length, sent.length) && differences.length < maxDifferences; index += 1) {
        const next = child(link, String(index));
        if (!ignoredAt(next)) differences.push({ path: at(next), recorded: recorded[index], sent: sent[index] });
      }
      for (let index = shared - 1; index >= 0; index -= 1) stack.push({ recorded: recorded[index], sent: sent[index], link: child(link, String(index)) });
      continue;
    }
    if (isPlainObject(recorded) && isPlainObject(sent)) {
      const keys = [...new Set([...Object.keys(recorded), ...Object.keys(sent)])].sort();
      for (let position = keys.length - 1; position >= 0; position -= 1) {
        const key = keys[position]!;
        const next = child(link, key);
        // A null field and an absent one ask the same of an OpenAI-compatible server.
        const recordedValue = recorded[key] ?? null;
        const sentValue = sent[key] ?? null;
        if (recordedValue === null || sentValue === null) {
          if (recordedValue !== sentValue && differences.length < maxDifferences && !ignoredAt(next)) differences.push({ path: at(next), recorded: recorded[key], sent: sent[key] });
        } else stack.push({ recorded: recordedValue, sent: sentValue, link: next });
      }
      continue;
    }
    if (!Object.is(recorded, sent)) differences.push({ path: at(link), recorded, sent });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
