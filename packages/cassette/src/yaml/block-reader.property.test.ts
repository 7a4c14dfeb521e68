import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeCassette } from "../write/serialize-cassette.js";
import { sampleCassette } from "../test/sample.js";
import { cassetteLayouts } from "../model/layout.js";
import { readBlockYaml } from "./block-reader.js";
import { readWithYamlLibrary } from "./library-reader.js";
import type { YamlNode } from "./node.js";
import { OutsideSubset } from "./outside-subset.js";

// tapedeck's own reader takes a subset of YAML quickly and leaves the rest to the `yaml` library (OutsideSubset).
// What it does take, it must read as the library does: checked on cassettes with one line changed by characters
// that make YAML read a line otherwise (a comment, a key's colon, an indicator, a tab, a quote), anywhere in it.

const runs = Number(process.env.TAPEDECK_PROPERTY_RUNS) || 3000;
const pieces = [" #", "#", ": ", ":", " :", "- ", "-", "? ", "?", "\t", " \t", "'", '"', "|", " |", "{", "}", "[", "]", ",", "&", "*", "!", "%", "@", "`", ">", " ", "a", "x: y", " #x: y"];

/** Nodes without where they are: the two readers count offsets alike only where they read alike. */
function shape(node: YamlNode | undefined): unknown {
  if (node === undefined) return undefined;
  if (node.kind === "scalar") return { scalar: node.text, style: node.style, tag: node.tag };
  if (node.kind === "seq") return { seq: node.items.map(shape), flow: node.flow };
  return { map: node.entries.map(({ key, value }) => [shape(key), shape(value)]), flow: node.flow };
}

const texts = Object.values(cassetteLayouts).map((layout) => serializeCassette({ ...sampleCassette(), layout }));
const limits = { maxAliasCount: 100, maxAliasExpansion: 1 << 20, maxAliasNodes: 10_000 };

const changed = fc
  .record({ text: fc.constantFrom(...texts), line: fc.nat(), at: fc.nat(), inserted: fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 3 }) })
  .map(({ text, line, at, inserted }) => {
    const lines = text.split("\n");
    const index = line % lines.length;
    const chosen = lines[index]!;
    const position = at % (chosen.length + 1);
    lines[index] = chosen.slice(0, position) + inserted.join("") + chosen.slice(position);
    return lines.join("\n");
  });

describe("tapedeck's YAML reader against the yaml library", () => {
  it("reads what it takes as the library does, on lines changed every way", () => {
    fc.assert(
      fc.property(changed, (text) => {
        let fast: YamlNode;
        try {
          fast = readBlockYaml(text);
        } catch (error) {
          // Left to the library (or refused as Go refuses, which go-interop's tests hold against Go).
          if (error instanceof OutsideSubset) return;
          throw error;
        }
        expect(shape(fast)).toEqual(shape(readWithYamlLibrary(text, limits, () => ({ line: 0, column: 0 }), undefined)));
      }),
      { numRuns: runs },
    );
  });
});
