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
 * layout of its own: it gets go-vcr's default. Interactions that were
 * streamed (not kept in the tree) are seen through `streamed`.
 */
export function detectLayout(root: YamlNode | undefined, text: string, streamed?: WriterWitness): CassetteLayout {
  if (root === undefined || root.kind !== "map" || root.flow) return { ...defaultCassetteLayout };
  const interactions = root.entries.find(({ key }) => key.kind === "scalar" && key.text === "interactions")?.value;
  const first = interactions?.kind === "seq" ? (interactions.streamed !== undefined ? streamed?.first : interactions.items[0]) : undefined;
  if (interactions === undefined || interactions.kind !== "seq" || interactions.flow || first === undefined) return { ...defaultCassetteLayout };
  const layout = goYamlLayout(columnOf(text, interactions.offset), requestColumn(first, text));
  if (layout.indent === 2 && layout.compactSequences && writtenByGoccy(root, text, streamed)) return { ...cassetteLayouts.goccy };
  return { ...layout };
}

/** The column of an offset in a text. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

/** The column where the first interaction's request fields start, in the text the interaction was read from; `undefined` when it has none in block style. */
export function requestColumn(first: YamlNode, text: string): number | undefined {
  const request = first.kind === "map" ? first.entries.find(({ key }) => key.kind === "scalar" && key.text === "request")?.value : undefined;
  return request !== undefined && request.kind === "map" && !request.flow && request.entries.length > 0 ? columnOf(text, request.offset) : undefined;
}

/**
 * The go-yaml layout whose interactions' `- ` marks stand at `dashColumn`
 * and whose first request's fields start at `requestColumn` (when known).
 * Indent 2 with compact sequences may be goccy's too: the strings tell.
 */
export function goYamlLayout(dashColumn: number, requestColumn: number | undefined): CassetteLayout {
  const itemColumn = dashColumn + 2;
  const candidates = ([
    { writer: "go-yaml" as const, indent: dashColumn + 2, compactSequences: true },
    { writer: "go-yaml" as const, indent: dashColumn, compactSequences: false },
  ] satisfies CassetteLayout[]).filter((candidate) => candidate.indent > 0 && candidate.indent <= 8);
  const nextLevel = (indent: number) => indent * Math.floor((itemColumn + indent) / indent);
  return candidates.find((candidate) => requestColumn === undefined || nextLevel(candidate.indent) === requestColumn) ?? candidates[0] ?? defaultCassetteLayout;
}

const styleNames: Record<YamlScalar["style"], ScalarStyle | undefined> = { plain: "plain", single: "single", double: "double", literal: "literal", folded: undefined };

/**
 * What tells go-yaml's writing from goccy's, gathered from parts of a
 * document as they are read: the first string (in document order) that the
 * two writers would write differently decides, by its style, or, when both
 * pick double quotes, by its escapes (`\N` is go-yaml's, `\u0085` goccy's).
 * Long strings (bodies) cost the most to classify and rarely decide: they are
 * kept aside and looked at only when no shorter one decides.
 */
export class WriterWitness {
  /** The first item seen (for the layout's columns). */
  first: YamlNode | undefined;
  /** The first deciding short string: where it starts, and whether it says goccy. */
  private verdict: { offset: number; goccy: boolean } | undefined;
  private readonly long: YamlScalar[] = [];

  constructor(private readonly text: string) {}

  /** Looks at a part of the document, in document order after the parts seen before. */
  see(node: YamlNode): void {
    this.first ??= node;
    // A later part cannot hold an earlier string.
    if (this.verdict !== undefined) return;
    const stack: Array<{ node: YamlNode; key: boolean }> = [{ node, key: false }];
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
        this.long.push(node);
        continue;
      }
      const goccy = goccyVerdict(node, key, this.text);
      if (goccy !== undefined) {
        this.verdict = { offset: node.offset, goccy };
        return;
      }
    }
  }

  /** Whether goccy wrote what was seen, together with what `other` saw. */
  goccy(other?: WriterWitness): boolean {
    const verdicts = [this.verdict, other?.verdict].filter((verdict) => verdict !== undefined);
    if (verdicts.length > 0) return verdicts.reduce((earliest, verdict) => (verdict.offset < earliest.offset ? verdict : earliest)).goccy;
    const long = other === undefined ? this.long : [...this.long, ...other.long].sort((a, b) => a.offset - b.offset);
    for (const node of long) {
      const verdict = goccyVerdict(node, false, this.text);
      if (verdict !== undefined) return verdict;
    }
    return false;
  }
}

/** Whether goccy wrote the document, streamed items included. */
function writtenByGoccy(root: YamlNode, text: string, streamed: WriterWitness | undefined): boolean {
  const witness = new WriterWitness(text);
  witness.see(root);
  return witness.goccy(streamed);
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
