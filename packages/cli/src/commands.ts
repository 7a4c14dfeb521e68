import type { ParseArgsConfig } from "node:util";
import type { CommandIo } from "./io.js";

/** What a command receives: its positional arguments and option values, already checked. */
export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** One `tapedeck` command: its help, its options, and its code, loaded only when it runs. */
export interface Command {
  name: string;
  summary: string;
  /** The usage line and what follows it in `tapedeck <command> --help`. */
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Whether the command's module adds to its help (`details()`), for what only its code knows. */
  details?: true;
  load: () => Promise<{ run: (input: CommandInput, io: CommandIo) => Promise<number>; details?: () => string }>;
}

export const commands: readonly Command[] = [
  {
    name: "inspect",
    summary: "interactions, status, time to headers, stream dialect and the merged answer of each",
    help: `Usage: tapedeck inspect <file|dir>... [--json]

A table per cassette: each interaction's method, URL, status, time to headers,
events, the stream's dialect, and the merged answer (text length, tool calls,
finish reason, tokens). Directories are searched for .yaml and .yml files.

Options:
  --json   the same, as JSON`,
    options: { json: { type: "boolean" } },
    load: () => import("./commands/inspect.js"),
  },
  {
    name: "check",
    summary: "one located line per problem in cassettes and their streams; exit 1 if any",
    help: `Usage: tapedeck check <file|dir>...

Reads every cassette and prints one line per problem, "path:line:column: ...",
then a summary line, all on stdout. Problems: a cassette that does not read
(the error's code and message); a value Go reads but no server sent
(status-code, status-line, negative-duration); a stream tapedeck cannot merge
whole, with its interaction and event number (a cut stream, an invalid event,
a provider error, an unknown dialect: what "tapedeck merge" reports for it).
Exit 0 when there is none, 1 otherwise. Only regular files are read.`,
    options: {},
    load: () => import("./commands/check.js"),
  },
  {
    name: "roundtrip",
    summary: "parse a cassette and write it back through the model, to stdout",
    help: `Usage: tapedeck roundtrip <file>

Parses the cassette and writes it back as Go would, to stdout: the same bytes
for any cassette Go wrote.`,
    options: {},
    load: () => import("./commands/roundtrip.js"),
  },
  {
    name: "merge",
    summary: "each streamed interaction merged into the provider's own object (JSON)",
    help: `Usage: tapedeck merge <file> [--events] [--strict] [--dialect <name>]

One JSON element per streamed interaction:
  { "interaction", "dialect", "framing", "merged", "complete", "diagnostics", "error"? }
"merged" is the provider's own non-streaming object (ChatCompletion, Response,
Message, GenerateContentResponse...); chat streams repeat it as "completion".
"complete" is false when any part of the stream is not in "merged" (a cut
stream, content it could not place, a provider error): "diagnostics" says what
and at which event. A stream no dialect fits has "dialect": null and an
unknown-dialect diagnostic. Exit 0 either way, unless --strict.

Options:
  --events           the codec events instead, one JSON object per line
  --strict           exit 1 when any interaction is not complete or has a
                     diagnostic
  --dialect <name>   merge as this dialect (one of those below) instead of
                     detecting it`,
    options: { events: { type: "boolean" }, strict: { type: "boolean" }, dialect: { type: "string" } },
    details: true,
    load: () => import("./commands/merge.js"),
  },
  {
    name: "serve",
    summary: "a replay server on 127.0.0.1 for clients that take a base URL",
    help: `Usage: tapedeck serve <file|dir>... [--port <n>] [--latency recorded|<ms>] [--pacing recorded|<ms>] [--speed <n>] [--allow-repeats]

Serves the cassettes' interactions on 127.0.0.1 until stopped (Ctrl-C). A
request is matched on the path and query of the recorded URL, so point a
client's base URL at the server with the recorded path prefix: a recording of
https://api.openai.com/v1/chat/completions is served at
http://127.0.0.1:<port>/v1/chat/completions, so OPENAI_BASE_URL is
http://127.0.0.1:<port>/v1 (https://openrouter.ai/api/v1/... gives .../api/v1).
Paths are read from the current directory.

Options:
  --port <n>                 the port (default: any free one)
  --latency recorded|<ms>    wait before each response head: the recorded time
                             to headers, or milliseconds
  --pacing recorded|<ms>     wait between the pieces of a body: as recorded, or
                             milliseconds before each event after the first
  --speed <n>                divide every wait: 2 plays twice as fast
  --allow-repeats            answer a request again once its recordings are
                             used (in recorded order, then the last one)`,
    options: { port: { type: "string" }, latency: { type: "string" }, pacing: { type: "string" }, speed: { type: "string" }, "allow-repeats": { type: "boolean" } },
    load: () => import("./commands/serve.js"),
  },
  {
    name: "codegen",
    summary: "TypeScript types and zod validators of what providers sent, per dialect",
    help: `Usage: tapedeck codegen [<cassettes>...] --out <dir> [--check]

Generates TypeScript types and zod validators of the events and request bodies
the cassettes hold, one module per stream dialect, into <dir>. Without
arguments, reads "tapedeck": { "codegen": { "cassettes": [...], "out": "..." } }
from the nearest package.json (paths relative to it). It never guesses a folder.

Options:
  --out <dir>   where to write the generated files
  --check       write nothing; exit 1 when the files in <dir> are stale`,
    options: { out: { type: "string" }, check: { type: "boolean" } },
    load: () => import("./commands/codegen.js"),
  },
];
