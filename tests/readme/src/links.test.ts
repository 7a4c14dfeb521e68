import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readmes, root } from "./snippets.js";

/** Every page of docs/, relative to the root. */
function docs(folder = "docs"): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? docs(`${folder}/${entry.name}`) : entry.name.endsWith(".md") ? [`${folder}/${entry.name}`] : [],
  );
}

const pages = [...readmes(), ...docs()];

describe("the READMEs and docs/", () => {
  it.each(pages)("%s links only to files that exist", (page) => {
    const text = readFileSync(join(root, page), "utf8");
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));
    expect(targets.filter((target) => !existsSync(join(root, dirname(page), target)))).toEqual([]);
  });

  it("cover every dialect folder with a page", () => {
    const folders = readdirSync(join(root, "packages/codec/src/dialects"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(docs("docs/dialects").map((page) => page.slice("docs/dialects/".length, -".md".length)).sort()).toEqual(folders.sort());
  });
});
