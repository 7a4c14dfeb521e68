import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { commands } from "./commands.js";
import { typedErrorLine, UsageError } from "./errors.js";
import type { CommandIo } from "./io.js";

const usage = `Usage: tapedeck <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join("\n")}

Run "tapedeck <command> --help" for a command's options.
  --version, -v   the version
  --help, -h      this text
`;

/** The version of @tapedeck/cli, read from its package.json. */
export function version(): string {
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

/**
 * Runs the `tapedeck` command line and returns its exit code: 0 success, 1 a
 * problem with the input, 2 a usage error. Each command's code is loaded only
 * when it runs.
 *
 * @example
 * ```ts
 * import { main } from "@tapedeck/cli";
 * const code = await main(["check", "fixtures"], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
 * ```
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(usage);
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = commands.find((item) => item.name === name);
  try {
    if (command === undefined) throw new UsageError(name.startsWith("-") ? `unknown option "${name}"` : `unknown command "${name}"`);
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${command.name}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, "")}`);
    }
    if (parsed.values.help) {
      // A command may add what only its code knows (merge lists the dialects): loaded for --help of that command only.
      const details = command.details === undefined ? "" : `\n\n${(await command.load()).details?.() ?? ""}`;
      io.stdout.write(`${command.help}${details}\n`);
      return 0;
    }
    const { run } = await command.load();
    return await run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> }, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tapedeck: ${error.message}\n\n${command === undefined ? usage : `${command.help}\n`}`);
      return 2;
    }
    const line = typedErrorLine(error);
    if (line === undefined) throw error;
    io.stderr.write(`${line}\n`);
    return 1;
  }
}
