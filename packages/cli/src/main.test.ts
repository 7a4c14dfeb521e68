import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bodyText, cassetteLayouts, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { cassettesDirectory, listCassettes, providerCassettePath, syntheticCassettePath, syntheticDirectory } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { main } from "./main.js";

async function run(argv: string[], cwd = process.cwd()) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
  });
  return { code, stdout, stderr };
}

describe("tapedeck inspect", () => {
  it("shows each recorded interaction with its status, duration, events, provider and model", async () => {
    const { code, stdout } = await run(["inspect", providerCassettePath("novita")]);
    expect(code).toBe(0);
    expect(stdout).toContain("go-yaml, layout B, 2 interactions with openrouter.ai");
    const rows = stdout.split("\n").filter((line) => /^ {2}\d/.test(line));
    expect(rows).toHaveLength(2);
    // Values read off the recording: 1.989344792s and 1.719441167s to headers, 29 and 30 JSON events before [DONE],
    // the tool calls of the first turn, the usage of each, the host OpenRouter names.
    expect(rows[0]).toMatch(
      /^ {2}0 +POST \/api\/v1\/chat\/completions +200 OK +1\.989s +29 +openai-chat +moonshotai\/kimi-k2-0905 +0 chars +add, multiply +tool_calls +154\/40 +Novita$/,
    );
    expect(rows[1]).toMatch(/^ {2}1 .* 1\.719s +30 +openai-chat +moonshotai\/kimi-k2-0905 +72 chars +- +stop +224\/28 +Novita$/);
  });

  it("summarises a whole JSON answer (a non-streamed call) like a merged stream", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-inspect-"));
    // A Messages API answer as Anthropic's reference shows one: a text block and a tool_use block.
    const message = {
      id: "msg_01",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-5",
      content: [
        { type: "text", text: "Let me add." },
        { type: "tool_use", id: "toolu_01", name: "add", input: { a: 2, b: 3 } },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: { input_tokens: 31, output_tokens: 12 },
    };
    const cassette = {
      version: 2 as const,
      layout: cassetteLayouts.C,
      interactions: [
        {
          id: 0,
          request: { url: "https://api.anthropic.com/v1/messages", method: "POST", body: "{}" },
          response: { code: 200, status: "200 OK", headers: { "Content-Type": ["application/json"] }, body: JSON.stringify(message), duration: "812ms" },
        },
      ],
    };
    await writeFile(join(directory, "whole.yaml"), serializeCassette(cassette));
    const { code, stdout } = await run(["inspect", "whole.yaml"], directory);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}0 +POST \/v1\/messages +200 OK +0\.812s +- +anthropic +claude-sonnet-4-5 +11 chars +add +tool_use +31\/12 +-?$/m);
  });

  it("walks a directory and reports the Chutes turn that BaseTen served", async () => {
    const { stdout } = await run(["inspect", "--json", cassettesDirectory]);
    const reports = JSON.parse(stdout) as Array<{ file: string; layout: string; interactions: Array<{ providers: string[] }> }>;
    expect(reports).toHaveLength(listCassettes().length);
    const chutes = reports.find((report) => report.file.endsWith("chutes.yaml"))!;
    expect(chutes.interactions.map((interaction) => interaction.providers)).toEqual([["Chutes"], ["BaseTen"]]);
    expect(reports.find((report) => report.file.endsWith("together.yaml"))!.layout).toBe("goccy/go-yaml");
  });
});

describe("tapedeck check", () => {
  it("passes the fixtures, recordings and synthetic, saying so on stdout", async () => {
    const { code, stdout, stderr } = await run(["check", cassettesDirectory, syntheticDirectory]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe("17 cassettes checked, all valid\n");
  });

  it("reports a stream cut short, a status code no server sends and a status line that disagrees, each where it stands", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-check-"));
    const cassette = parseCassette(readFileSync(providerCassettePath("novita")));
    // Interaction 1's stream, cut after its fifth event (before its finish reason and [DONE]).
    const events = bodyText(cassette.interactions[1]!.response.body).split("\n\n");
    cassette.interactions[1]!.response.body = `${events.slice(0, 5).join("\n\n")}\n\n`;
    cassette.interactions[0]!.response.code = 1000;
    cassette.interactions[1]!.response.status = "404 Not Found";
    await writeFile(join(directory, "cut.yaml"), serializeCassette(cassette));
    const text = readFileSync(join(directory, "cut.yaml"), "utf8").split("\n");
    const lineOf = (pattern: RegExp, from = 0) => text.findIndex((line, index) => index >= from && pattern.test(line)) + 1;
    const second = lineOf(/^ {2}- id: 1$/);
    const { code, stdout } = await run(["check", "cut.yaml"], directory);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe(`cut.yaml:${lineOf(/^ {8}code: 1000$/)}:15: interaction 0: status-code: the status code 1000 is outside 100-599, where HTTP status codes are (RFC 9110); a replay cannot send it`);
    expect(lines[1]).toBe(`cut.yaml:${lineOf(/^ {8}status: 404 Not Found$/)}:17: interaction 1: status-line: the status line says 404 but the code is 200`);
    const body = `cut.yaml:${lineOf(/^ {8}body: /, lineOf(/^ {4}response:$/, second))}:15: interaction 1, event 5: `;
    expect(lines.slice(2, -1).map((line) => line.split(": ").slice(0, 3).join(": "))).toEqual([`${body}missing-done`, `${body}missing-finish-reason`]);
    expect(lines.at(-1)).toBe("1 cassette checked: 4 problems in 1 file");
  });

  it("prints one located line per broken file and exits 1", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-check-"));
    await writeFile(join(directory, "a-version.yaml"), "---\nversion: 9\ninteractions: []\n");
    await writeFile(join(directory, "b-good.yaml"), "---\nversion: 2\ninteractions: []\n");
    await writeFile(join(directory, "c-tab.yml"), "---\nversion: 2\ninteractions:\n\t- id: 0\n");
    await writeFile(join(directory, "notes.txt"), "not a cassette, not checked");
    const { code, stdout } = await run(["check", "."], directory);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^a-version\.yaml:2:10: unsupported-version: version is 9/);
    expect(lines[1]).toMatch(/^c-tab\.yml:4:1: invalid-yaml: /);
    expect(lines[2]).toBe("3 cassettes checked: 2 problems in 2 files");
  });
});

describe("tapedeck check and merge agree", () => {
  it("on a stream whose line is over the reader's limit: both report invalid-framing, neither prints a stack", { timeout: 60_000 }, async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-agree-"));
    // A 65 MiB data line: over maxLineLength (64 MiB).
    const line = `data: ${"x".repeat(65 * 1024 * 1024)}\\n\\n`;
    await writeFile(
      join(directory, "huge.yaml"),
      `---\nversion: 2\ninteractions:\n    - id: 0\n      request:\n        url: https://openrouter.ai/api/v1/chat/completions\n        method: POST\n      response:\n        headers:\n            Content-Type:\n                - text/event-stream\n        body: "${line}"\n        code: 200\n`,
    );
    const checked = await run(["check", "huge.yaml"], directory);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^huge\.yaml:12:15: interaction 0, event 0: invalid-framing: the event stream broke at line 1: .*maxLineLength/);
    const merged = await run(["merge", "--strict", "huge.yaml"], directory);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toBe("");
    expect((JSON.parse(merged.stdout) as Array<{ diagnostics: Array<{ code: string }> }>)[0]!.diagnostics[0]!.code).toBe("invalid-framing");
  });
});

describe("tapedeck roundtrip", () => {
  it.each(listCassettes())("writes %s back byte for byte", async (name) => {
    const path = join(cassettesDirectory, `${name}.yaml`);
    const { code, stdout } = await run(["roundtrip", path]);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(path, "utf8"));
  });
});

describe("a file that cannot be read", () => {
  it("gives a located io error and exit 1, not a crash", async () => {
    const result = await run(["roundtrip", "missing.yaml"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^missing\.yaml:1:1: io: cannot read the file: ENOENT/);
  });
});

describe("tapedeck merge", () => {
  it("prints each streamed interaction merged, with its dialect and diagnostics", async () => {
    const { code, stdout } = await run(["merge", providerCassettePath("fireworks")]);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as Array<{ interaction: number; dialect: string; framing: string; merged: unknown; completion: { choices: Array<{ finish_reason: string; message: { tool_calls?: Array<{ id: string }> } }> }; diagnostics: unknown[] }>;
    expect(results.map((result) => [result.interaction, result.dialect, result.framing])).toEqual([
      [0, "openai-chat", "sse"],
      [1, "openai-chat", "sse"],
    ]);
    expect(results[0]!.merged).toEqual(results[0]!.completion);
    expect(results[0]!.completion.choices[0]!.message.tool_calls!.map((call) => call.id)).toEqual(["functions.add:0", "functions.multiply:1"]);
    expect(results[1]!.completion.choices[0]!.finish_reason).toBe("stop");
    expect(results.every((result) => result.diagnostics.length === 0)).toBe(true);
  });

  it.each([
    ["anthropic_direct", "anthropic", "sse", "stop_reason", "tool_use"],
    ["anthropic_bedrock", "anthropic", "aws-event-stream", "stop_reason", "tool_use"],
    ["openai_responses", "openai-responses", "sse", "status", "completed"],
    ["gemini_api", "gemini", "sse", "responseId", undefined],
    ["bedrock_converse", "bedrock-converse", "aws-event-stream", "stopReason", "tool_use"],
  ])("merges %s as %s over %s into the provider's own object", async (name, dialect, framing, key, value) => {
    const { code, stdout } = await run(["merge", syntheticCassettePath(name)]);
    expect(code).toBe(0);
    const [first] = JSON.parse(stdout) as Array<{ dialect: string; framing: string; merged: Record<string, unknown>; complete: boolean; diagnostics: unknown[]; completion?: unknown }>;
    expect(first).toMatchObject({ dialect, framing, complete: true, diagnostics: [] });
    expect(first!.merged).toHaveProperty(key);
    if (value !== undefined) expect(first!.merged[key]).toBe(value);
    expect(first!.completion).toBeUndefined();
  });

  it("says when no dialect fits a stream, and --strict exits 1 on any diagnostic", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-merge-"));
    const cassette = readFileSync(providerCassettePath("novita"), "utf8").replace(/"object":"chat\.completion\.chunk",/g, "").replace(/"choices":/g, '"options":').replaceAll("/chat/completions", "/v9/unknown");
    await writeFile(join(directory, "odd.yaml"), cassette);
    const lenient = await run(["merge", "odd.yaml"], directory);
    expect(lenient.code).toBe(0);
    const [result] = JSON.parse(lenient.stdout) as Array<{ dialect: unknown; merged: unknown; diagnostics: Array<{ code: string }> }>;
    expect(result).toMatchObject({ dialect: null, merged: null, diagnostics: [{ code: "unknown-dialect" }] });
    expect((await run(["merge", "--strict", "odd.yaml"], directory)).code).toBe(1);
    const forced = JSON.parse((await run(["merge", "--dialect", "openai-chat", "odd.yaml"], directory)).stdout) as Array<{ dialect: string; diagnostics: Array<{ code: string }> }>;
    expect(forced[0]!.dialect).toBe("openai-chat");
    expect(forced[0]!.diagnostics.map((diagnostic) => diagnostic.code)).toContain("empty-stream");
  });

  it("reports a stream cut short as complete: false with the diagnostic and its event, exits 0, and 1 with --strict", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-merge-"));
    // The synthetic Ollama cassette's first answer, with its last line (the `"done": true` chunk) cut off.
    const cassette = parseCassette(readFileSync(syntheticCassettePath("ollama"), "utf8"));
    const lines = bodyText(cassette.interactions[0]!.response.body).split("\n");
    expect(lines.at(-2)).toMatch(/"done":true/);
    const cut = `${lines.slice(0, -2).join("\n")}\n`;
    cassette.interactions[0]!.response.body = cut;
    await writeFile(join(directory, "cut.yaml"), serializeCassette(cassette));
    const lenient = await run(["merge", "cut.yaml"], directory);
    expect(lenient.code).toBe(0);
    const [first] = JSON.parse(lenient.stdout) as Array<{ dialect: string; complete: boolean; diagnostics: Array<{ code: string; event: number }> }>;
    expect(first).toMatchObject({ dialect: "ollama", complete: false, diagnostics: [{ code: "incomplete-stream", event: cut.split("\n").length - 1 }] });
    expect((await run(["merge", "--strict", "cut.yaml"], directory)).code).toBe(1);
  });

  it("lists every dialect and its framings in its help", async () => {
    const { stdout } = await run(["merge", "--help"]);
    const listed = stdout.slice(stdout.indexOf("Dialects:")).trim().split("\n").slice(1).map((line) => line.trim().split(/\s+/)[0]);
    expect(listed).toEqual(["openai-completions", "openai-chat", "openai-responses", "anthropic", "gemini", "bedrock-converse", "ollama", "cohere"]);
    expect(stdout).toMatch(/ {2}gemini {14}sse, json-array\n/);
  });

  it("prints the codec events one JSON object per line with --events", async () => {
    const { stdout } = await run(["merge", "--events", providerCassettePath("novita")]);
    const events = stdout.trim().split("\n").map((line) => JSON.parse(line) as { interaction: number; type: string; name?: string });
    expect(events.filter((event) => event.type === "tool-call-start").map((event) => event.name)).toEqual(["add", "multiply"]);
    expect(events.filter((event) => event.type === "finish").map((event) => event.interaction)).toEqual([0, 1]);
  });
});

describe("tapedeck codegen", () => {
  it("writes a module per dialect, and --check names the stale files and the command to run", { timeout: 60_000 }, async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-codegen-"));
    await cp(cassettesDirectory, join(directory, "recordings"), { recursive: true });
    await cp(syntheticDirectory, join(directory, "synthetic"), { recursive: true });
    const written = await run(["codegen", "recordings", "synthetic", "--out", "generated"], directory);
    expect(written.code).toBe(0);
    // Counts read off the fixtures: 327 chunks in the five recordings; the synthetic Anthropic streams hold 122 events.
    expect(written.stderr).toContain("wrote generated from 17 cassettes");
    expect(written.stderr).toContain("openai-chat: 327 events, 10 requests");
    expect(written.stderr).toContain("anthropic: 122 events, 6 requests");
    expect((await readdir(join(directory, "generated"))).sort()).toEqual([".tapedeck-codegen.json", "anthropic", "bedrock-converse", "cohere", "gemini", "index.ts", "ollama", "openai-chat", "openai-completions", "openai-responses", "validators.ts"]);
    expect((await run(["codegen", "recordings", "synthetic", "--out=generated", "--check"], directory)).code).toBe(0);
    await writeFile(join(directory, "generated", "anthropic", "types.ts"), "// edited by hand\n");
    const stale = await run(["codegen", "--check", "recordings", "synthetic", "--out", "generated"], directory);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe(
      "generated/anthropic/types.ts: stale: differs from what the cassettes generate\nRun `tapedeck codegen recordings synthetic --out generated` to regenerate them, and commit the result.\n",
    );
  });

  it("reads its cassettes and output folder from package.json, relative to it", { timeout: 60_000 }, async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-codegen-config-"));
    await cp(syntheticCassettePath("gemini_api"), join(directory, "cassettes", "gemini.yaml"), { recursive: true });
    await writeFile(join(directory, "package.json"), JSON.stringify({ name: "app", tapedeck: { codegen: { cassettes: ["cassettes"], out: "src/generated" } } }));
    await mkdir(join(directory, "src"));
    const result = await run(["codegen"], join(directory, "src"));
    expect(result.code).toBe(0);
    expect(await readdir(join(directory, "src", "generated", "gemini"))).toEqual(["types.ts", "validators.ts"]);
    expect(await readFile(join(directory, "src", "generated", "gemini", "types.ts"), "utf8")).toContain("Regenerate with `tapedeck codegen`.");
    // The same cassettes named on the command line give the same files: nothing in them depends on how codegen was called.
    expect((await run(["codegen", "cassettes", "--out", "src/generated", "--check"], directory)).code).toBe(0);
    expect((await run(["codegen", join(directory, "cassettes"), "--out", join(directory, "src", "generated"), "--check"], join(directory, "src"))).code).toBe(0);
  });

  it("refuses an --out that is a file, the working directory or above it, in one line and exit 1", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-codegen-unsafe-"));
    await cp(syntheticCassettePath("gemini_api"), join(directory, "cassettes", "gemini.yaml"), { recursive: true });
    await writeFile(join(directory, "notes.ts"), "// mine\n");
    for (const out of ["notes.ts", ".", ".."]) {
      const result = await run(["codegen", "cassettes", "--out", out], directory);
      expect(result.code, out).toBe(1);
      expect(result.stderr, out).toMatch(/^tapedeck: unsafe-out: --out \S+ is [^\n]+\n$/);
    }
    expect((await readdir(directory)).sort()).toEqual(["cassettes", "notes.ts"]);
  });

  it("never guesses a folder: without --out or a package.json setting it exits 2 and says what to add", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-codegen-none-"));
    await writeFile(join(directory, "package.json"), JSON.stringify({ name: "app" }));
    const result = await run(["codegen"], directory);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"tapedeck": { "codegen": { "cassettes": [...], "out": "..." } }');
    expect(result.stderr).toContain("Usage: tapedeck codegen");
  });

  it("says when --out has no value", async () => {
    const result = await run(["codegen", "--out"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tapedeck: codegen: Option '--out <value>' argument missing/);
  });
});

describe("command-line manners", () => {
  it("prints the version with --version and -v", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    expect((await run(["-v"])).stdout).toBe(`${version}\n`);
  });

  it("prints each command's own help with --help, and the command list without arguments", async () => {
    const help = await run(["merge", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tapedeck merge <file>/);
    expect(help.stdout).toContain("--dialect <name>");
    const list = await run([]);
    expect(list.stdout).toMatch(/^Usage: tapedeck <command>/);
    for (const command of ["inspect", "check", "roundtrip", "merge", "serve", "codegen"]) expect(list.stdout).toMatch(new RegExp(`^ {2}${command} `, "m"));
  });

  it("rejects an unknown option, naming it, with exit 2 and the command's usage", async () => {
    const result = await run(["inspect", "--jsno", cassettesDirectory]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tapedeck: inspect: Unknown option '--jsno'/);
    expect(result.stderr).toContain("Usage: tapedeck inspect");
    expect(result.stdout).toBe("");
  });

  it("exits 2 with the usage for an unknown command or a missing path", async () => {
    const unknown = await run(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^tapedeck: unknown command "frobnicate"/);
    const missing = await run(["inspect"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("give at least one cassette file or directory");
    expect((await run(["check", "/nonexistent"])).stderr).toContain("/nonexistent: no such file or directory");
  });

  it("prints one line, never a stack, for a typed error", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-typed-"));
    await writeFile(join(directory, "bad.yaml"), "---\nversion: 2\ninteractions: [\n");
    const result = await run(["merge", "bad.yaml"], directory);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^bad\.yaml:\d+:\d+: invalid-yaml: /);
  });

  it("stops quietly, exit 0, when the reader of its output goes away (| head)", { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL("../bin/tapedeck.js", import.meta.url)), "inspect", "--json", ...Array.from({ length: 100 }, () => cassettesDirectory)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await once(child.stdout, "data");
    child.stdout.destroy();
    const [code] = (await once(child, "exit")) as [number | null];
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });
});

describe("tapedeck serve", () => {
  it("serves the cassettes on 127.0.0.1 until stopped", async () => {
    const controller = new AbortController();
    let stdout = "";
    const running = main(["serve", providerCassettePath("novita"), "--latency", "0"], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      cwd: process.cwd(),
      signal: controller.signal,
    });
    while (!stdout.includes("http://")) await new Promise((resolve) => setTimeout(resolve, 10));
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout)![0];
    expect(stdout).toContain("replaying 2 interactions from 1 cassettes");
    const missed = await fetch(`${url}/nothing`);
    expect(missed.status).toBe(404);
    controller.abort();
    expect(await running).toBe(0);
  });

  it("answers a request again once its recordings are used only with --allow-repeats", async () => {
    const cassette = parseCassette(readFileSync(providerCassettePath("novita"), "utf8"));
    const { request } = cassette.interactions[0]!;
    for (const [flags, statuses] of [[[], [200, 404]], [["--allow-repeats"], [200, 200]]] as const) {
      const controller = new AbortController();
      let stdout = "";
      const running = main(["serve", providerCassettePath("novita"), ...flags], {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
        cwd: process.cwd(),
        signal: controller.signal,
      });
      while (!stdout.includes("http://")) await new Promise((resolve) => setTimeout(resolve, 10));
      const url = `${/http:\/\/127\.0\.0\.1:\d+/.exec(stdout)![0]}${new URL(request.url).pathname}`;
      const seen: number[] = [];
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: bodyText(request.body) });
        await response.arrayBuffer();
        seen.push(response.status);
      }
      controller.abort();
      await running;
      expect(seen, flags.join(" ")).toEqual(statuses);
    }
  });

  it("rejects a bad port", async () => {
    expect((await run(["serve", providerCassettePath("novita"), "--port", "http"])).code).toBe(2);
  });
});
