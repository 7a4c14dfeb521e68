import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { checkTypes, writeTypes } from "@tapedeck/codegen";
import type { CommandInput } from "../commands.js";
import { UsageError } from "../errors.js";
import type { CommandIo } from "../io.js";

/** Where to read and write: from the command line, else from the nearest package.json's `tapedeck.codegen`. */
async function settings(positionals: readonly string[], out: string | undefined, cwd: string): Promise<{ cassettes: string[]; out: string; command: string }> {
  if (out !== undefined) {
    if (positionals.length === 0) throw new UsageError("codegen needs the cassette files or directories to read");
    return { cassettes: positionals.map((path) => resolve(cwd, path)), out: resolve(cwd, out), command: ["tapedeck codegen", ...positionals, "--out", out].join(" ") };
  }
  const found = await nearestPackageJson(cwd);
  const config = (found?.json as { tapedeck?: { codegen?: { cassettes?: unknown; out?: unknown } } } | undefined)?.tapedeck?.codegen;
  if (found === undefined || config === undefined) {
    throw new UsageError('codegen needs --out <dir>, or "tapedeck": { "codegen": { "cassettes": [...], "out": "..." } } in your package.json; it never guesses a folder');
  }
  const base = dirname(found.path);
  if (!Array.isArray(config.cassettes) || config.cassettes.some((path) => typeof path !== "string") || typeof config.out !== "string") {
    throw new UsageError(`${relative(cwd, found.path) || "package.json"}: tapedeck.codegen needs "cassettes" (a list of paths) and "out" (a path)`);
  }
  const cassettes = positionals.length > 0 ? positionals.map((path) => resolve(cwd, path)) : (config.cassettes as string[]).map((path) => resolve(base, path));
  return { cassettes, out: resolve(base, config.out), command: positionals.length > 0 ? `tapedeck codegen ${positionals.join(" ")}` : "tapedeck codegen" };
}

async function nearestPackageJson(from: string): Promise<{ path: string; json: unknown } | undefined> {
  for (let directory = from; ; directory = dirname(directory)) {
    const path = join(directory, "package.json");
    const text = await readFile(path, "utf8").catch(() => undefined);
    if (text !== undefined) {
      try {
        return { path, json: JSON.parse(text) };
      } catch {
        throw new UsageError(`${path} is not JSON`);
      }
    }
    if (dirname(directory) === directory) return undefined;
  }
}

/**
 * `tapedeck codegen [paths...] --out <dir> [--check]`: the types and validators
 * of what the cassettes hold, per dialect; `--check` exits 1 when the files on
 * disk are stale.
 */
export async function run({ positionals, values }: CommandInput, io: CommandIo): Promise<number> {
  const { cassettes, out, command } = await settings(positionals, values.out as string | undefined, io.cwd);
  if (values.check) {
    const stale = await checkTypes({ cassettes, out, cwd: io.cwd });
    if (stale.length === 0) {
      io.stderr.write("generated types are up to date\n");
      return 0;
    }
    for (const file of stale) io.stdout.write(`${relative(io.cwd, file)}: stale: differs from what the cassettes generate\n`);
    io.stdout.write(`Run \`${command}\` to regenerate them, and commit the result.\n`);
    return 1;
  }
  const { summary } = await writeTypes({ cassettes, out, cwd: io.cwd });
  io.stderr.write(`wrote ${relative(io.cwd, out) || "."} from ${summary.cassettes} cassettes (${summary.dialects.map((dialect) => `${dialect.dialect}: ${dialect.events} events, ${dialect.requests} requests`).join("; ")})\n`);
  return 0;
}
