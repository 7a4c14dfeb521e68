import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cassetteLayouts, type Interaction, serializeCassette } from "@tapedeck/cassette";
import ts from "typescript";

/** A folder inside this package, so that generated validators find zod. */
export const scratch = fileURLToPath(new URL("../../.test-output/", import.meta.url));

/** A fresh folder under {@link scratch}. */
export async function scratchFolder(prefix: string): Promise<string> {
  await mkdir(scratch, { recursive: true });
  return mkdtemp(join(scratch, prefix));
}

/** An Anthropic stream (found by its `/v1/messages` URL) whose events are the given objects, in a cassette. */
export function anthropicStreamCassette(events: readonly string[]): string {
  const body = events.map((data) => `data: ${data}\n\n`).join("");
  const interaction: Interaction = {
    id: 0,
    request: { body: '{"model":"m","stream":true}', headers: { "Content-Type": ["application/json"] }, url: "https://api.anthropic.com/v1/messages", method: "POST" },
    response: { body, headers: { "Content-Type": ["text/event-stream"] }, status: "200 OK", code: 200, duration: "1s" },
  };
  return serializeCassette({ version: 2, layout: cassetteLayouts.C, interactions: [interaction] });
}

/**
 * Type errors of a TypeScript program made of these files (strict, as a
 * user's project would compile them), one line each: none when it compiles.
 */
export function typeErrors(files: readonly string[]): string[] {
  const program = ts.createProgram([...files], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file === undefined ? "" : `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `;
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  });
}

/** The names a module exports, read by TypeScript's parser (not by running it). */
export function exportedNames(source: string): string[] {
  const file = ts.createSourceFile("module.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const statement of file.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) {
      if (!ts.isImportDeclaration(statement)) names.push(`(statement) ${statement.getText(file).slice(0, 60)}`);
      continue;
    }
    if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) names.push(declaration.name.getText(file));
    else if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) names.push(statement.name.text);
  }
  return names;
}

/** Writes a file that assigns each sample, as an object literal, to a variable of its generated type. */
export async function writeSampleAssignments(path: string, typesModule: string, assignments: ReadonlyArray<{ type: string; sample: string }>): Promise<void> {
  const lines = assignments.map(({ type, sample }, index) => `export const sample${index}: types.${type} = ${sample};`);
  await writeFile(path, `import type * as types from ${JSON.stringify(typesModule)};\n${lines.join("\n")}\n`);
}
