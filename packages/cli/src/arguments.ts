import { UsageError } from "./files.js";

/** A command line split into positional paths, `--flag`s and `--option value`s. */
export interface ParsedArguments {
  paths: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

/** Options that take a value (`--out dir` or `--out=dir`). */
const valueOptions = new Set(["--out", "--port", "--latency", "--dialect"]);

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const parsed: ParsedArguments = { paths: [], flags: new Set(), values: new Map() };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (!argument.startsWith("--")) {
      parsed.paths.push(argument);
      continue;
    }
    const [name, inline] = argument.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!valueOptions.has(name)) {
      parsed.flags.add(argument);
      continue;
    }
    const value = inline ?? argv[index + 1];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`${name} needs a value`);
    if (inline === undefined) index += 1;
    parsed.values.set(name, value);
  }
  return parsed;
}
