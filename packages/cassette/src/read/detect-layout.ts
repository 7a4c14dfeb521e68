import { type Document, isMap, isSeq, type Node, type Scalar, visit } from "yaml";
import { type CassetteLayout, cassetteLayouts, defaultCassetteLayout } from "../model/layout.js";
import { goccyStyle, goQuote } from "../write/goccy-scalar.js";
import { goYamlDoubleQuoted, goYamlStyle } from "../write/go-yaml-scalar.js";
import type { ScalarStyle } from "../write/scalar-style.js";

/**
 * Tells the layout of a cassette from where its first interaction starts
 * (the `- ` column and the request fields' column), and which Go writer made it
 * from the first string the two writers would write differently.
 */
export function detectLayout(document: Document.Parsed, text: string): CassetteLayout {
  const root = document.contents;
  if (!isMap(root)) return defaultCassetteLayout;
  const interactions = root.get("interactions", true);
  if (!isSeq(interactions) || interactions.items.length === 0) return defaultCassetteLayout;
  const column = (node: Node) => node.range![0] - (text.lastIndexOf("\n", node.range![0] - 1) + 1);
  const dashColumn = column(interactions);
  const first = interactions.items[0];
  const request = isMap(first) ? first.get("request", true) : undefined;
  const requestColumn = isMap(request) && request.items.length > 0 ? column(request) : undefined;
  const itemColumn = dashColumn + 2;
  const candidates = ([
    { writer: "go-yaml" as const, indent: dashColumn + 2, compactSequences: true },
    { writer: "go-yaml" as const, indent: dashColumn, compactSequences: false },
  ] satisfies CassetteLayout[]).filter((candidate) => candidate.indent > 0);
  const nextLevel = (indent: number) => indent * Math.floor((itemColumn + indent) / indent);
  const layout =
    candidates.find((candidate) => requestColumn === undefined || nextLevel(candidate.indent) === requestColumn) ??
    candidates[0] ??
    defaultCassetteLayout;
  if (layout.indent === 2 && layout.compactSequences && writtenByGoccy(document, text)) return { ...cassetteLayouts.goccy };
  return { ...layout };
}

const styleOfType: Record<string, ScalarStyle> = {
  PLAIN: "plain",
  QUOTE_SINGLE: "single",
  QUOTE_DOUBLE: "double",
  BLOCK_LITERAL: "literal",
};

/**
 * Whether goccy wrote the document: the first string the two writers would
 * write differently decides, by its style, or, when both pick double quotes,
 * by its escapes (`\N` is go-yaml's, `\u0085` goccy's).
 */
function writtenByGoccy(document: Document.Parsed, text: string): boolean {
  let verdict = false;
  visit(document, {
    Scalar(key, node: Scalar) {
      if (typeof node.value !== "string" || node.type === undefined) return undefined;
      const simpleKey = key === "key";
      const goYaml = goYamlStyle(node.value, simpleKey);
      const goccy = goccyStyle(node.value, simpleKey);
      if (goYaml !== goccy) {
        verdict = styleOfType[node.type] === goccy;
        return visit.BREAK;
      }
      if (goYaml !== "double" || node.type !== "QUOTE_DOUBLE" || !node.range) return undefined;
      const written = text.slice(node.range[0], node.range[1]);
      const byGoYaml = goYamlDoubleQuoted(node.value);
      const byGoccy = goQuote(node.value);
      if (byGoYaml === byGoccy || (written !== byGoYaml && written !== byGoccy)) return undefined;
      verdict = written === byGoccy;
      return visit.BREAK;
    },
  });
  return verdict;
}

