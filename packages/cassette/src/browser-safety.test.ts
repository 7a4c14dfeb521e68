import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const sourceDirectory = dirname(fileURLToPath(import.meta.url));

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^;]*?from\s+"([^"]+)"/g)].map((match) => match[1]!);
}

describe("the main entry", () => {
  it("reaches no Node built-in, so it runs in a browser", () => {
    const seen = new Set<string>();
    const pending = [join(sourceDirectory, "index.ts")];
    const builtIns: string[] = [];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith("node:")) builtIns.push(`${file}: ${specifier}`);
        if (specifier.startsWith(".")) pending.push(join(dirname(file), specifier.replace(/\.js$/, ".ts")));
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(builtIns).toEqual([]);
  });
});
