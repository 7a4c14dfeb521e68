import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const root = fileURLToPath(new URL("../../../", import.meta.url));

/** One TypeScript code block of a README: where it is, and its text. */
export interface Snippet {
  readme: string;
  /** The 1-based line of the block's first code line in the README. */
  line: number;
  code: string;
}

/** Every README.md a reader meets: the root's and each package's, app's, example's and tool's. */
export function readmes(): string[] {
  const found = ["README.md"];
  for (const folder of ["packages", "apps", "examples", "tests", "tools", "bench", "fixtures"]) {
    let entries: string[];
    try {
      entries = readdirSync(join(root, folder));
    } catch {
      continue;
    }
    if (entries.includes("README.md")) found.push(`${folder}/README.md`);
    for (const entry of entries) {
      try {
        if (readdirSync(join(root, folder, entry)).includes("README.md")) found.push(`${folder}/${entry}/README.md`);
      } catch {
        // Not a folder.
      }
    }
  }
  return found.sort();
}

/** The ```ts blocks of a README, in order. */
export function snippetsOf(readme: string): Snippet[] {
  const lines = readFileSync(join(root, readme), "utf8").split("\n");
  const snippets: Snippet[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (!/^```(ts|typescript)\s*$/.test(lines[index]!)) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith("```")) end += 1;
    snippets.push({ readme, line: start + 1, code: lines.slice(start, end).join("\n") });
    index = end;
  }
  return snippets;
}

export function relativeToRoot(path: string): string {
  return relative(root, path);
}
