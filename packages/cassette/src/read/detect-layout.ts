import { type CassetteLayout, cassetteLayouts, defaultCassetteLayout } from "../model/layout.js";
import { goccyStyle, goQuote } from "../write/goccy-scalar.js";
import { goYamlDoubleQuoted, goYamlStyle } from "../write/go-yaml-scalar.js";
import type { ScalarStyle } from "../write/scalar-style.js";
import type { YamlNode, YamlScalar } from "../yaml/node.js";
import { resolvesAsNonString } from "../yaml/resolve.js";

/**
 * Tells the layout of a cassette from where its first interaction starts
 * (the `- ` column and the request fields' column), and which Go writer made it
 * from the first string the two writers would write differently. A cassette
 * written in flow style (`{"version": 2, ...}`) or with no interaction has no
 * layout of its own: it gets go-vcr's default.
 */
export function detectLayout(root: YamlNode | undefined, text: string): CassetteLayout {
  if (root === undefined || root.kind !== "map" || root.flow) return { ...defaultCassetteLayout };
  const interactions = root.entries.find(({ key }) => key.kind === "scalar" && key.text === "interactions")?.value;
  if (interactions === undefined || interactions.kind !== "seq" || interactions.flow || interactions.items.length === 0) return { ...defaultCassetteLayout };
  const column = (offset: number) => offset - (text.lastIndexOf("\n", offset - 1) + 1);
  const dashColumn = column(interactions.offset);
  const first = interactions.items[0]!;
  const request = first.kind === "map" ? first.entries.find(({ key }) => key.kind === "scalar" && key.text === "request")?.value : undefined;
  const requestColumn = request !== undefined && request.kind === "map" && !request.flow && request.entries.length > 0 ? column(request.offset) : undefined;
  const itemColumn = dashColumn + 2;
  const candidates = ([
    { writer: "go-yaml" as const, indent: dashColumn + 2, compactSequences: true },
    { writer: "go-yaml" as const, indent: dashColumn, compactSequences: false },
  ] satisfies CassetteLayout[]).filter((candidate) => candidate.indent > 0 && candidate.indent <= 8);
  const nextLevel = (indent: number) => indent * Math.floor((itemColumn + indent) / indent);
  const layout =
    candidates.find((candidate) => requestColumn === undefined || nextLevel(candidate.indent) === requestColumn) ?? candidates[0] ?? defaultCassetteLayout;
  if (layout.indent === 2 && layout.compactSequences && writtenByGoccy(root, text)) return { ...cassetteLayouts.goccy };
  return { ...layout };
}

const styleNames: Record<YamlScalar["style"], ScalarStyle | undefined> = { plain: "plain", single: "single", double: "double", literal: "literal", folded: undefined };

/**
 * Whether goccy wrote the document: the first string the two writers would
 * write differently decides, by its style, or, when both pick double quotes,
 * by its escapes (`\N` is go-yaml's, `\u0085` goccy's).
 */
function writtenByGoccy(root: YamlNode, text: string): boolean {
  // Long strings (bodies) cost the most to classify and rarely decide: they are looked at last.
  const long: YamlScalar[] = [];
  const stack: Array<{ node: YamlNode; key: boolean }> = [{ node: root, key: false }];
  while (stack.length > 0) {
    const { node, key } = stack.pop()!;
    if (node.kind === "map") {
      for (let index = node.entries.length - 1; index >= 0; index -= 1) {
        stack.push({ node: node.entries[index]!.value, key: false }, { node: node.entries[index]!.key, key: true });
      }
      continue;
    }
    if (node.kind === "seq") {
      for (let index = node.items.length - 1; index >= 0; index -= 1) stack.push({ node: node.items[index]!, key: false });
      continue;
    }
    if (!key && node.text.length > longString) {
      long.push(node);
      continue;
    }
    const verdict = goccyVerdict(node, key, text);
    if (verdict !== undefined) return verdict;
  }
  for (const node of long) {
    const verdict = goccyVerdict(node, false, text);
    if (verdict !== undefined) return verdict;
  }
  return false;
}

/** Strings longer than this are classified only when no shorter one decides. */
const longString = 1024;

/** Whether this scalar's style says goccy (`true`) or go-yaml (`false`) wrote it; `undefined` when both would write it alike. */
function goccyVerdict(node: YamlScalar, key: boolean, text: string): boolean | undefined {
  // A plain `<<` is a string to both readers (a merge key only as a key), and only goccy leaves it plain.
  if (node.tag !== undefined || (node.style === "plain" && node.text !== "<<" && resolvesAsNonString(node.text))) return undefined;
  const value = node.text;
  const goYaml = goYamlStyle(value, key);
  const goccy = goccyStyle(value, key);
  if (goYaml !== goccy) return styleNames[node.style] === goccy;
  if (goYaml !== "double" || node.style !== "double") return undefined;
  const written = text.slice(node.offset, node.end);
  const byGoYaml = goYamlDoubleQuoted(value);
  const byGoccy = goQuote(value);
  if (byGoYaml === byGoccy || (written !== byGoYaml && written !== byGoccy)) return undefined;
  return written === byGoccy;
}
