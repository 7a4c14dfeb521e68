import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readmes, type Snippet, snippetsOf } from "./snippets.js";

const out = fileURLToPath(new URL("../.snippets/", import.meta.url));
const prelude = fileURLToPath(new URL("./prelude.d.ts", import.meta.url));

/** Type errors of every snippet, each as `README:line: message`, the README's own line. */
function compile(snippets: readonly Snippet[]): string[] {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files = snippets.map((snippet, index) => {
    const path = join(out, `snippet-${index}.ts`);
    // Each block is a module of its own; the prelude declares what blocks take as given (a cassette, request parameters).
    writeFileSync(path, `/// <reference path=${JSON.stringify(prelude)} />\n${snippet.code}\nexport {};\n`);
    return path;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: ["node"],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const index = files.indexOf(diagnostic.file?.fileName ?? "");
    const snippet = snippets[index];
    const line = diagnostic.file === undefined ? 0 : diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const where = snippet === undefined ? diagnostic.file?.fileName ?? "" : `${snippet.readme}:${snippet.line + line - 1}`;
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
  });
}

describe("every TypeScript block of every README", () => {
  it("compiles against the packages as built (strict, NodeNext)", () => {
    const snippets = readmes().flatMap(snippetsOf);
    expect(snippets.length).toBeGreaterThan(30);
    expect(compile(snippets)).toEqual([]);
  });
});
