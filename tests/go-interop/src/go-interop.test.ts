import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Cassette, type CassetteLayoutName, cassetteLayouts, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { beforeAll, describe, expect, it } from "vitest";
import { canonical } from "./canonical.js";
import { buildInterop, goMissing } from "./go.js";

/** Generating the cassettes with Go takes minutes at the fuzz tier (`pnpm fuzz`): no limit there. */
const setupTimeout = process.env.TAPEDECK_GO_CASSETTES === undefined ? 300_000 : 0;

/*
 * Cassettes generated with random, nasty values in every field (go/vcrinterop),
 * written by yaml.v3's Marshal (layout C), its Encoder with indent 2 (layout
 * D) and goccy/go-yaml. Debian's yaml.v3 has no compact-sequence option, so
 * layouts A and B are covered by the hand-written layout tests of
 * @tapedeck/cassette, and here by Go loading what tapedeck writes in them.
 */

const count = Number(process.env.TAPEDECK_GO_CASSETTES) || 1200;
const seed = Number(process.env.TAPEDECK_GO_SEED) || 20261122;
/** The value classes of the generator (generate.go) for go-yaml's writers. */
const goYamlClasses = ["words", "lines", "unicode", "controls", "reserved-starts", "big-integers", "binary-body", "binary-fields", "long-keys", "line-keys", "go-values"];
/**
 * For goccy, the classes of values that Debian's goccy/go-yaml (1.9.5) writes
 * as YAML other readers take too. It writes control characters raw, `@x`,
 * `` `x ``, `?` and `? a` plain, multi-line keys plain and a lone line break as `|` over an
 * empty line (which it alone reads back as "\n"), and mishandles keys with
 * trailing blanks and some Unicode: YAML only goccy reads, or not even goccy.
 */
const goccyClasses = ["words", "big-integers", "binary-body", "long-keys", "go-values"];

const missing = goMissing();
if (missing !== undefined) console.warn(`tests/go-interop skipped: ${missing}`);

interface Index {
  values: Record<string, unknown>;
  /** Per writer, per cassette: "same" when Go reads its own output back to the values it was given. */
  writers: Record<string, Record<string, "same" | "changed" | "read-error" | "write-error">>;
}

const writers = { "v3-marshal": "C", "v3-indent2": "D", goccy: "goccy" } as const;

describe.skipIf(missing !== undefined)(`tapedeck against Go's YAML libraries, ${count} generated cassettes per writer`, () => {
  let run: (args: string[]) => string;
  const batches: Record<"goYaml" | "goccy", { folder: string; index: Index }> = {} as never;

  beforeAll(() => {
    run = buildInterop();
    for (const [name, classes] of [["goYaml", goYamlClasses], ["goccy", goccyClasses]] as const) {
      const folder = mkdtempSync(join(tmpdir(), `tapedeck-go-cassettes-${name}-`));
      run(["generate", "-n", String(count), "-seed", String(seed), "-classes", classes.join(","), "-out", folder]);
      batches[name] = { folder, index: JSON.parse(readFileSync(join(folder, "index.json"), "utf8")) as Index };
    }
  }, setupTimeout);

  const batchOf = (writer: string) => batches[writer === "goccy" ? "goccy" : "goYaml"];

  /** The cassettes Go itself reads back to the values it wrote. */
  const readable = (writer: string) => {
    const { index } = batchOf(writer);
    return Object.keys(index.writers[writer]!).filter((id) => index.writers[writer]![id] === "same");
  };

  it.each(Object.entries(writers))("reads what %s writes to the intended values, and (go-yaml) writes the same bytes back in layout %s", (writer, layout) => {
    const { folder, index } = batchOf(writer);
    const ids = readable(writer);
    expect(ids.length).toBeGreaterThan(writer === "goccy" ? count / 20 : count / 3);
    const wrong: string[] = [];
    for (const id of ids) {
      const file = join(folder, writer, `${id}.yaml`);
      const text = readFileSync(file, "utf8");
      let cassette: Cassette;
      try {
        cassette = parseCassette(readFileSync(file), { source: file });
      } catch (error) {
        wrong.push(`${file}: ${(error as Error).message}`);
        continue;
      }
      if (stable(canonical(cassette)) !== stable(index.values[id])) wrong.push(`${file}: values differ: ${firstDifference(canonical(cassette), index.values[id])}`);
      // tapedeck writes goccy's YAML as go-vcr 4.0.5's goccy/go-yaml does, not as Debian's 1.9.5: values only.
      else if (writer === "goccy") continue;
      else if (JSON.stringify(cassette.layout) !== JSON.stringify(cassetteLayouts[layout])) wrong.push(`${file}: read as layout ${JSON.stringify(cassette.layout)}`);
      else if (serializeCassette(cassette) !== text) wrong.push(`${file}: written back differently`);
    }
    if (wrong.length > 0) console.log(wrong.slice(0, 6).join("\n"));
    expect(wrong.slice(0, 6).join("\n"), `${wrong.length} of ${ids.length} wrong`).toBe("");
  });

  it.each(["A", "B", "C", "D", "goccy"] as CassetteLayoutName[])("writes cassettes in layout %s that Go loads to the intended values", (layout) => {
    const { folder, index } = batchOf("v3-marshal");
    const ids = readable("v3-marshal");
    const out = mkdtempSync(join(tmpdir(), `tapedeck-written-${layout}-`));
    const controls = new Set<string>();
    const files = ids.map((id) => {
      const cassette = parseCassette(readFileSync(join(folder, "v3-marshal", `${id}.yaml`)));
      if (/[\u0000-\u001f\u007f]/.test(JSON.stringify(cassette.interactions, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)).replace(/\\u00[01][0-9a-f]|\\u007f|\\[tbfr]/g, "\u0001"))) controls.add(id);
      const file = join(out, `${id}.yaml`);
      writeFileSync(file, serializeCassette({ ...cassette, layout: cassetteLayouts[layout] }));
      return file;
    });
    const wrong: string[] = [];
    for (const reader of layout === "goccy" ? ["v3", "goccy"] : ["v3"]) {
      const lines = run(["load", "-reader", reader, ...files]).trim().split("\n");
      lines.forEach((line, position) => {
        const id = ids[position]!;
        const loaded = JSON.parse(line) as { file: string; error?: string; values?: unknown };
        // goccy 1.9.5 (Debian's) does not read back all it writes; hold it only to what it reads of its own.
        if (reader === "goccy" && index.writers.goccy![id] !== "same") return;
        // Nor to tabs and control characters: goccy 1.9.5 reads `\t`, `\a` and the other escapes its own writer uses as text.
        if (reader === "goccy" && controls.has(id)) return;
        if (loaded.error !== undefined) wrong.push(`${reader} ${loaded.file}: ${loaded.error}`);
        else if (stable(loaded.values) !== stable(index.values[id])) wrong.push(`${reader} ${loaded.file}: values differ: ${firstDifference(loaded.values, index.values[id])}`);
      });
    }
    if (wrong.length > 0) console.log(wrong.slice(0, 6).join("\n"));
    expect(wrong.slice(0, 6).join("\n"), `${wrong.length} wrong`).toBe("");
  });
});

/** Where two canonical values first differ, decoded: `path: got …, intended …`. */
function firstDifference(got: unknown, intended: unknown, path = ""): string {
  if (stable(got) === stable(intended)) return "";
  if (typeof got === "object" && got !== null && typeof intended === "object" && intended !== null) {
    const keys = new Set([...Object.keys(got), ...Object.keys(intended)]);
    for (const key of keys) {
      const found = firstDifference((got as Record<string, unknown>)[key], (intended as Record<string, unknown>)[key], `${path}.${key}`);
      if (found !== "") return found;
    }
  }
  const show = (value: unknown) => (typeof value === "string" && /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length > 0 ? JSON.stringify(Buffer.from(value, "base64").toString("latin1")) : JSON.stringify(value));
  return `${path}: got ${show(got)}, intended ${show(intended)}`;
}

/** JSON with object keys sorted, as Go's encoding/json writes maps. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === "object" && !Array.isArray(field) ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : 1))) : field,
  );
}
