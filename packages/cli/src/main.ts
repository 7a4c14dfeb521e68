import { CassetteError } from "@tapedeck/cassette";
import { parseArguments } from "./arguments.js";
import { check } from "./commands/check.js";
import { codegen } from "./commands/codegen.js";
import { inspect } from "./commands/inspect.js";
import { merge } from "./commands/merge.js";
import { roundtrip } from "./commands/roundtrip.js";
import { serve } from "./commands/serve.js";
import { UsageError } from "./files.js";
import type { CommandIo } from "./io.js";

const usage = `Usage: tapedeck <command> [options]

Commands:
  inspect <file|dir>... [--json]   interactions, status, duration, events, providers and models
  check <file|dir>...              exit 0 if every file is a valid cassette, else one
                                   path:line:column: code: message line per problem
  roundtrip <file>                 parse and write back through the model, to stdout
  merge <file> [--events]          each event-stream interaction merged into a whole
                                   completion with diagnostics (JSON); --events: the
                                   codec events, one JSON object per line
  serve <file|dir>... [--port n] [--latency recorded|ms]
                                   a replay server on 127.0.0.1 (point OPENAI_BASE_URL at it)
  codegen [paths...] [--out dir] [--check]
                                   generate chunk and request types and validators
                                   (default: fixtures/cassettes into packages/chunk-types/src/generated);
                                   --check: exit 1 when the files on disk are stale
  help                             this text
`;

/**
 * Runs the `tapedeck` command line and returns its exit code: 0 success, 1 a
 * problem with the input, 2 a usage error.
 *
 * @example
 * ```ts
 * import { main } from "@tapedeck/cli";
 * const code = await main(["check", "fixtures"], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
 * ```
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { paths, flags, values } = parseArguments(rest);
    switch (command) {
      case "inspect":
        return await inspect(requirePaths(paths), io, { json: flags.has("--json") });
      case "check":
        return await check(requirePaths(paths), io);
      case "roundtrip":
        return await roundtrip(paths, io);
      case "merge":
        return await merge(paths, io, { events: flags.has("--events"), strict: flags.has("--strict"), dialect: values.get("--dialect") });
      case "serve":
        return await serve(requirePaths(paths), io, { port: values.get("--port"), latency: values.get("--latency"), signal: io.signal });
      case "codegen":
        return await codegen(paths, io, { out: values.get("--out"), check: flags.has("--check") });
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(usage);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tapedeck: ${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof CassetteError) {
      io.stderr.write(`${error.format()}\n`);
      return 1;
    }
    throw error;
  }
}

function requirePaths(paths: string[]): string[] {
  if (paths.length === 0) throw new UsageError("give at least one cassette file or directory");
  return paths;
}
