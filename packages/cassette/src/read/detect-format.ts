import { type Document, isMap, isSeq, type Node, type Scalar, visit } from "yaml";
import { type CassetteFormat, cassetteDialects, defaultCassetteFormat } from "../model/format.js";
import { goccyStyle } from "../write/goccy-scalar.js";
import { goYamlStyle } from "../write/go-yaml-scalar.js";
import type { ScalarStyle } from "../write/scalar-style.js";

/**
 * Tells the layout of a cassette from where its first interaction starts
 * (the `- ` column and the request fields' column), and which Go writer made it
 * from the first string the two writers would write differently.
 */
export function detectFormat(document: Document.Parsed, text: string): CassetteFormat {
  const root = document.contents;
  if (!isMap(root)) return defaultCassetteFormat;
  const interactions = root.get("interactions", true);
  if (!isSeq(interactions) || interactions.items.length === 0) return defaultCassetteFormat;
  const column = (node: Node) => node.range![0] - (text.lastIndexOf("\n", node.range![0] - 1) + 1);
  const dashColumn = column(interactions);
  const first = interactions.items[0];
  const request = isMap(first) ? first.get("request", true) : undefined;
  const requestColumn = isMap(request) && request.items.length > 0 ? column(request) : undefined;
  const itemColumn = dashColumn + 2;
  const candidates = ([
    { writer: "go-yaml" as const, indent: dashColumn + 2, compactSequences: true },
    { writer: "go-yaml" as const, indent: dashColumn, compactSequences: false },
  ] satisfies CassetteFormat[]).filter((candidate) => candidate.indent > 0);
  const nextLevel = (indent: number) => indent * Math.floor((itemColumn + indent) / indent);
  const layout =
    candidates.find((candidate) => requestColumn === undefined || nextLevel(candidate.indent) === requestColumn) ??
    candidates[0] ??
    defaultCassetteFormat;
  if (layout.indent === 2 && layout.compactSequences && writtenByGoccy(document)) return { ...cassetteDialects.goccy };
  return { ...layout };
}

const styleOfType: Record<string, ScalarStyle> = {
  PLAIN: "plain",
  QUOTE_SINGLE: "single",
  QUOTE_DOUBLE: "double",
  BLOCK_LITERAL: "literal",
};

function writtenByGoccy(document: Document.Parsed): boolean {
  let verdict = false;
  visit(document, {
    Scalar(key, node: Scalar) {
      if (typeof node.value !== "string" || node.type === undefined) return undefined;
      const simpleKey = key === "key";
      const goYaml = goYamlStyle(node.value, simpleKey);
      const goccy = goccyStyle(node.value, simpleKey);
      if (goYaml === goccy) return undefined;
      verdict = styleOfType[node.type] === goccy;
      return visit.BREAK;
    },
  });
  return verdict;
}

