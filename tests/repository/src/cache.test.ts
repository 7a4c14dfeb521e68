import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryFiles, root } from "./files.js";

// What Turborepo re-runs when a fixture changes, read off its dry run (task hashes) before and after an edit, in a
// copy of the repository: only the test tasks of the packages that read fixtures, never a build, typecheck, lint
// or hygiene task. (The root's package.json once depended on the CLI, which put every fixture in the global hash:
// one byte of a fixture re-ran all 150 tasks.)

const turbo = join(root, "node_modules", ".bin", "turbo");
let copy: string;

/** Each task that runs a script, with its hash. */
function taskHashes(): Map<string, string> {
  const output = execFileSync(turbo, ["run", "typecheck", "lint", "hygiene", "test", "--dry=json"], {
    cwd: copy,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" },
    maxBuffer: 64 * 2 ** 20,
    stdio: ["ignore", "pipe", "ignore"],
  });
  const tasks = (JSON.parse(output) as { tasks: Array<{ taskId: string; hash: string; command: string }> }).tasks;
  return new Map(tasks.filter((task) => task.command !== "<NONEXISTENT>").map((task) => [task.taskId, task.hash]));
}

/** The tasks whose hash an edit changes. */
function changedBy(edit: () => void): string[] {
  const before = taskHashes();
  edit();
  const after = taskHashes();
  return [...before].filter(([task, hash]) => after.get(task) !== hash).map(([task]) => task).sort();
}

/** The workspace packages whose package.json lists @tapedeck/fixtures: they, and only they, read fixtures. */
function fixtureReaders(): string[] {
  return repositoryFiles()
    .filter((file) => /^(packages|apps|tests|tools|examples)\/[^/]+\/package\.json$|^bench\/package\.json$/.test(file))
    .map((file) => JSON.parse(readFileSync(join(root, file), "utf8")) as { name: string; dependencies?: object; devDependencies?: object })
    .filter((manifest) => "@tapedeck/fixtures" in { ...manifest.dependencies, ...manifest.devDependencies })
    .map((manifest) => manifest.name);
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "tapedeck-cache-"));
  for (const file of repositoryFiles()) {
    mkdirSync(join(copy, dirname(file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("Turborepo's cache", () => {
  it("re-runs only the tests of the packages that read fixtures when one byte of a fixture cassette changes", () => {
    const cassette = join(copy, "fixtures", "cassettes", readdirSync(join(copy, "fixtures", "cassettes")).find((name) => name.endsWith(".yaml"))!);
    const changed = changedBy(() => {
      const bytes = readFileSync(cassette);
      bytes[bytes.lastIndexOf("1".charCodeAt(0))] = "2".charCodeAt(0);
      writeFileSync(cassette, bytes);
    });
    // bench has no test task; this package reads every file.
    const readers = fixtureReaders().filter((name) => name !== "@tapedeck/bench");
    expect(readers.length).toBeGreaterThan(8);
    expect(changed).toEqual([...readers, "@tapedeck/repository-tests"].map((name) => `${name}#test`).sort());
  });

  it("re-runs only the README test when a line of the fixtures' README changes", () => {
    const changed = changedBy(() => writeFileSync(join(copy, "fixtures", "README.md"), `${readFileSync(join(copy, "fixtures", "README.md"), "utf8")}\nOne more line.\n`));
    expect(changed).toEqual(["@tapedeck/readme-tests#test", "@tapedeck/repository-tests#test"]);
  });

  it("re-runs a package's build and what depends on it, and no unrelated test, when its source changes", () => {
    const changed = changedBy(() => writeFileSync(join(copy, "packages", "sse", "src", "index.ts"), `${readFileSync(join(copy, "packages", "sse", "src", "index.ts"), "utf8")}\n// edited\n`));
    expect(changed).toContain("@tapedeck/sse#test");
    expect(changed).toContain("@tapedeck/sse#hygiene");
    expect(changed.filter((task) => task.startsWith("@tapedeck/aws-event-stream#"))).toEqual([]);
  });
});
