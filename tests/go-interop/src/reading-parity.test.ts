import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCassette } from "@tapedeck/cassette";
import { beforeAll, describe, expect, it } from "vitest";
import { canonical } from "./canonical.js";
import { buildInterop, goMissing } from "./go.js";

/** Generating the cassettes with Go takes minutes at the fuzz tier (`pnpm fuzz`): no limit there. */
const setupTimeout = process.env.TAPEDECK_GO_CASSETTES === undefined ? 300_000 : 0;

/*
 * Go is the law for what a cassette means: a file yaml.v3 reads into go-vcr's
 * structs (and go-vcr's Load takes: version 2, no null interaction), tapedeck
 * reads to the same values; a file it refuses, tapedeck refuses. Checked on
 * cassettes Go writes, each mutated the ways hand edits and other tools change
 * files: other line ends, byte-order marks, tabs, long keys, missing fields,
 * fractions, unknown tags, line separators, more documents.
 */

const count = Math.max(50, Math.round((Number(process.env.TAPEDECK_GO_CASSETTES) || 1200) / 4));
const seed = Number(process.env.TAPEDECK_GO_SEED) || 20261203;
const missing = goMissing();

/** A seeded generator, so that a failure can be run again. */
function random(start: number) {
  let state = start >>> 0;
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}

type Mutation = (text: string, pick: (below: number) => number) => string | undefined;

/** Lines matching a pattern, to change one of them. */
function oneLine(text: string, pattern: RegExp, pick: (below: number) => number, change: (line: string) => string): string | undefined {
  const lines = text.split("\n");
  const candidates = lines.map((line, index) => (pattern.test(line) ? index : -1)).filter((index) => index >= 0);
  if (candidates.length === 0) return undefined;
  const chosen = candidates[pick(candidates.length)]!;
  lines[chosen] = change(lines[chosen]!);
  return lines.join("\n");
}

const mutations: Record<string, Mutation> = {
  "as Go wrote it": (text) => text,
  "CRLF line ends": (text) => text.replaceAll("\n", "\r\n"),
  "CR line ends": (text) => text.replaceAll("\n", "\r"),
  "NEL line ends": (text) => (text.includes("\u0085") ? undefined : text.replaceAll("\n", "\u0085")),
  "a byte-order mark": (text) => `\ufeff${text}`,
  "two byte-order marks": (text) => `\ufeff\ufeff${text}`,
  "a byte-order mark before a key": (text, pick) => oneLine(text, /^ *[a-z_]+: /, pick, (line) => line.replace(/^( *)/, "$1\ufeff")),
  "a tab indenting a line": (text, pick) => oneLine(text, /^ {2,}[a-z_]+:/, pick, (line) => line.replace(/^ /, "\t")),
  "a tab after a colon": (text, pick) => oneLine(text, /^ *[a-z_]+: \S/, pick, (line) => line.replace(": ", ":\t")),
  "a tab before a colon": (text, pick) => oneLine(text, /^ *[a-z_]+: /, pick, (line) => line.replace(": ", "\t: ")),
  "a line of a tab": (text, pick) => oneLine(text, /^ *[a-z_]+:/, pick, (line) => `${line}\n\t`),
  "a key of 1,024 characters": (text, pick) => oneLine(text, /^ *headers:$/, pick, (line) => `${line}\n${" ".repeat(line.indexOf("h") + 4)}${"K".repeat(1024)}: []`),
  "a key of 1,025 characters": (text, pick) => oneLine(text, /^ *headers:$/, pick, (line) => `${line}\n${" ".repeat(line.indexOf("h") + 4)}${"K".repeat(1025)}: []`),
  "a field left out": (text, pick) => oneLine(text, /^ *(?:- )?(url|method|code|id|proto|host|content_length|status|duration): /, pick, (line) => (line.includes("- ") ? line : "")),
  "a fraction in an integer": (text, pick) => oneLine(text, /^ *(?:- )?(code|proto_major|proto_minor|id): -?\d+$/, pick, (line) => `${line}.75`),
  "version 2.0": (text) => text.replace("\nversion: 2\n", "\nversion: 2.0\n"),
  "an unknown tag": (text, pick) => oneLine(text, /^ *(url|method|status): [A-Za-z]/, pick, (line) => line.replace(": ", ": !custom ")),
  "a line separator in a value": (text, pick) => oneLine(text, /^ *(url|method|status): [A-Za-z]\S*$/, pick, (line) => `${line}\u2028x`),
  "a second document": (text) => `${text}---\nversion: 2\ninteractions: []\n`,
};

describe.skipIf(missing !== undefined)(`reading as Go reads, ${count} cassettes Go wrote, each mutated ${Object.keys(mutations).length} ways`, () => {
  let run: (args: string[]) => string;
  let sources: string[];

  beforeAll(() => {
    run = buildInterop();
    const folder = mkdtempSync(join(tmpdir(), "tapedeck-parity-"));
    run(["generate", "-n", String(count), "-seed", String(seed), "-classes", "words,unicode,big-integers,go-values,long-keys", "-out", folder]);
    sources = Array.from({ length: count }, (_, id) => readFileSync(join(folder, "v3-marshal", `${id}.yaml`), "utf8"));
  }, setupTimeout);

  it.each(Object.keys(mutations))("%s: tapedeck reads what Go reads, to its values, and refuses what Go refuses", (name) => {
    const pick = random(seed + name.length);
    const out = mkdtempSync(join(tmpdir(), "tapedeck-parity-mutated-"));
    const files: Array<{ file: string; text: string }> = [];
    sources.forEach((source, id) => {
      const text = mutations[name]!(source, pick);
      if (text === undefined) return;
      const file = join(out, `${id}.yaml`);
      writeFileSync(file, text);
      files.push({ file, text });
    });
    expect(files.length).toBeGreaterThan(count / 4);
    const loaded = run(["load", "-reader", "v3", ...files.map(({ file }) => file)]).trim().split("\n").map((line) => JSON.parse(line) as { error?: string; values?: unknown });
    const wrong: string[] = [];
    let accepted = 0;
    files.forEach(({ file, text }, position) => {
      const go = loaded[position]!;
      // Read as text (one string) and as bytes (a window at a time where the file allows): both must read as Go does.
      for (const input of [text, Buffer.from(text)]) {
        let ours: { error?: string; values?: unknown };
        try {
          ours = { values: canonical(parseCassette(input, { source: file })) };
        } catch (error) {
          ours = { error: (error as Error).message };
        }
        const form = typeof input === "string" ? "text" : "bytes";
        if ((go.error === undefined) !== (ours.error === undefined)) wrong.push(`${file} (${form}): Go ${go.error ?? "reads it"}; tapedeck ${ours.error ?? "reads it"}`);
        else if (go.error === undefined && JSON.stringify(sorted(go.values)) !== JSON.stringify(sorted(ours.values))) wrong.push(`${file} (${form}): the values differ`);
      }
      if (go.error === undefined) accepted += 1;
    });
    if (wrong.length > 0) console.log(`${name}: ${wrong.length} of ${files.length}, Go read ${accepted}\n${wrong.slice(0, 4).join("\n")}`);
    expect(wrong.slice(0, 4).join("\n"), `${wrong.length} of ${files.length} differ`).toBe("");
  });
});

/** The value with object keys sorted, as Go's encoding/json writes maps. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, item]) => [key, sorted(item)]));
  return value;
}
