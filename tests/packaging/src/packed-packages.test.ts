import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { providerCassettePath } from "@tapedeck/fixtures";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const packagesDirectory = join(root, "packages");
const published = ["sse", "aws-event-stream", "cassette", "codec", "codegen", "chunk-types", "replay", "cli", "vcr", "vitest", "jest"];

/** pnpm as the repository runs it: the one that started this test, else the pinned version through npx. */
function pnpm(args: string[], cwd: string): string {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return execFileSync(process.execPath, [execPath, ...args], { cwd, encoding: "utf8" });
  return execFileSync("npx", ["--yes", "pnpm@10.34.8", ...args], { cwd, encoding: "utf8" });
}

interface Manifest {
  name: string;
  license?: string;
  keywords?: string[];
  repository?: { type: string; url: string; directory: string };
  homepage?: string;
  bugs?: { url: string };
  sideEffects?: boolean | string[];
  engines?: { node: string };
  bin?: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional: boolean }>;
}

const project = mkdtempSync(join(tmpdir(), "tapedeck-pack-"));
const tarballs = join(project, "tarballs");

/** The files of each packed tarball, as `tar` lists them (without the `package/` prefix). */
const contents = new Map<string, string[]>();

beforeAll(() => {
  for (const name of published) {
    pnpm(["pack", "--pack-destination", tarballs], join(packagesDirectory, name));
    const tarball = readdirSync(tarballs).find((file) => file.startsWith(`tapedeck-${name}-`))!;
    const files = execFileSync("tar", ["-tzf", join(tarballs, tarball)], { encoding: "utf8" }).trim().split("\n");
    contents.set(name, files.map((file) => file.replace(/^package\//, "")).sort());
  }
}, 300_000);

describe.each(published)("the @tapedeck/%s tarball", (name) => {
  const manifest = JSON.parse(readFileSync(join(packagesDirectory, name, "package.json"), "utf8")) as Manifest;

  it("holds the license, readme, manifest and built code, and no test helper, fixture or source map", () => {
    const files = contents.get(name)!;
    expect(files).toContain("LICENSE");
    expect(files).toContain("README.md");
    expect(files).toContain("package.json");
    expect(readFileSync(join(packagesDirectory, name, "LICENSE"), "utf8")).toBe(readFileSync(join(root, "LICENSE"), "utf8"));
    const rest = files.filter((file) => !["LICENSE", "README.md", "package.json"].includes(file));
    expect(rest.filter((file) => !/^(dist|bin)\//.test(file))).toEqual([]);
    expect(rest.filter((file) => /\.map$|\.test\.|\.test-d\.|test-support|test-fixtures|\/test\/|\.yaml$|\.sse$/.test(file))).toEqual([]);
    expect(rest.filter((file) => /\.(js|d\.ts)$/.test(file) === false)).toEqual([]);
  });

  it("points every export and bin at a file it ships, types first", () => {
    const files = new Set(contents.get(name)!);
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === "string") {
        expect(subpath).toBe("./package.json");
        continue;
      }
      expect(Object.keys(target)).toEqual(["types", "default"]);
      // A subpath pattern (`./*` for each dialect) must match shipped files, the same names for types and code.
      const matches = (path: string) => {
        const pattern = new RegExp(`^${path.replace(/^\.\//, "").replace(/[.]/g, "\\.").replace("*", "([^/]+)")}$`);
        // Each matching file stands for what `*` matched in it ("" when the subpath has no `*`).
        return [...files].flatMap((file) => {
          const match = pattern.exec(file);
          return match === null ? [] : [match[1] ?? ""];
        }).sort();
      };
      expect(matches(target.types).length, `${subpath} types`).toBeGreaterThan(0);
      expect(matches(target.default), `${subpath} code`).toEqual(matches(target.types));
    }
    for (const path of Object.values(manifest.bin ?? {})) expect(files.has(path.replace(/^\.\//, ""))).toBe(true);
  });

  it("says where it comes from and what it is", () => {
    expect(manifest.license).toBe("MIT");
    expect(manifest.keywords?.length).toBeGreaterThan(2);
    expect(manifest.repository).toEqual({ type: "git", url: "git+https://github.com/tapedeck/tapedeck.git", directory: `packages/${name}` });
    expect(manifest.homepage).toBe(`https://github.com/tapedeck/tapedeck/tree/main/packages/${name}#readme`);
    expect(manifest.bugs).toEqual({ url: "https://github.com/tapedeck/tapedeck/issues" });
    // No side effects, but for a setup entry, which is imported for its effect (installing interception).
    if (Array.isArray(manifest.sideEffects)) expect(manifest.sideEffects).toEqual(["./dist/setup.js"]);
    else expect(manifest.sideEffects).toBe(false);
    expect(manifest.engines).toEqual({ node: ">=20.19" });
  });
});

const smoke = `
import { readFile } from "node:fs/promises";
import * as cassettePackage from "@tapedeck/cassette";
import { bodyText, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { readCassette } from "@tapedeck/cassette/node";
import * as codecPackage from "@tapedeck/codec";
import { mergeInteraction, streamPayloads } from "@tapedeck/codec";
import { anthropic } from "@tapedeck/codec/anthropic";
import { openaiChat } from "@tapedeck/codec/openai-chat";
import { MergerStream } from "@tapedeck/codec/stream";
import { parseAwsEventStream } from "@tapedeck/aws-event-stream";
import * as codegenPackage from "@tapedeck/codegen";
import { generateTypes } from "@tapedeck/codegen";
import * as replayPackage from "@tapedeck/replay";
import { createReplayFetch } from "@tapedeck/replay";
import { startReplayServer } from "@tapedeck/replay/node";
import { resolveMode, startCassette } from "@tapedeck/vcr";
import { parseEventStream } from "@tapedeck/sse";
import { EventStreamParserStream } from "@tapedeck/sse/stream";

const path = process.argv[2];
const text = await readFile(path, "utf8");
const cassette = await readCassette(path);
const { merged: completion, residual } = openaiChat.merge(bodyText(cassette.interactions[0].response.body), { residual: true });
const [chunk] = streamPayloads(cassette.interactions[0].response.body).map((payload) => JSON.parse(payload.data));
const server = await startReplayServer(cassette);
await server.close();
const exported = [cassettePackage, codecPackage, codegenPackage, replayPackage].flatMap((module) => Object.keys(module));
let valid;
try {
  const { ChatCompletionChunkSchema } = await import("@tapedeck/chunk-types/openai-chat/validators");
  valid = ChatCompletionChunkSchema.safeParse(chunk).success;
} catch (error) {
  valid = error.code;
}
console.log(JSON.stringify({
  lossless: serializeCassette(parseCassette(text)) === text,
  calls: completion.choices[0].message.tool_calls.map((call) => call.function.name),
  valid,
  events: parseEventStream("data: 1\\n\\n").length,
  exact: openaiChat.split(completion, { residual }) === bodyText(cassette.interactions[0].response.body),
  detected: mergeInteraction(cassette.interactions[0]).dialect,
  anthropic: anthropic.normalize(anthropic.merge(anthropic.split({ id: "m", type: "message", role: "assistant", model: "x", content: [{ type: "text", text: "hi" }], stop_reason: "end_turn", stop_sequence: null, usage: {} })).merged).text,
  frames: parseAwsEventStream(new Uint8Array()).length,
  exports: [typeof MergerStream, typeof EventStreamParserStream, typeof createReplayFetch, typeof generateTypes, typeof startCassette],
  mode: resolveMode(undefined, { CI: "true" }),
  internals: exported.filter((key) => ["InteractionPool", "compareRequest", "buildResponse", "collectSamples", "headerValues", "chunkPayloads", "dialectShapes", "summarizeInteraction"].includes(key)),
}));
`;

describe("the published packages, installed with npm into an empty project", () => {
  it("import as ESM and work; zod comes only with the validators, when the user installs it; the tapedeck bin runs", () => {
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "smoke", private: true, type: "module" }));
    // @tapedeck/vitest and @tapedeck/jest are packed and checked above, not installed: their runner peers would be a large download.
    const files = readdirSync(tarballs)
      .filter((file) => !file.startsWith("tapedeck-vitest-") && !file.startsWith("tapedeck-jest-"))
      .map((file) => join(tarballs, file));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...files], { cwd: project, encoding: "utf8" });
    // Types-only users of @tapedeck/chunk-types get no zod.
    expect(existsSync(join(project, "node_modules", "zod"))).toBe(false);
    writeFileSync(join(project, "smoke.mjs"), smoke);
    const fixture = providerCassettePath("fireworks");
    const run = () => JSON.parse(execFileSync(process.execPath, ["smoke.mjs", fixture], { cwd: project, encoding: "utf8" })) as Record<string, unknown>;
    const expected = {
      lossless: true,
      calls: ["add", "multiply"],
      events: 1,
      exact: true,
      detected: "openai-chat",
      anthropic: "hi",
      frames: 0,
      exports: ["function", "function", "function", "function", "function"],
      mode: "replay",
      internals: [],
    };
    expect(run()).toEqual({ ...expected, valid: "ERR_MODULE_NOT_FOUND" });
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", "zod@^4.1.12"], { cwd: project, encoding: "utf8" });
    expect(run()).toEqual({ ...expected, valid: true });
    const checked = execFileSync(join(project, "node_modules", ".bin", "tapedeck"), ["check", dirname(fixture)], { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(checked).toBe("5 cassettes checked, all valid\n");
    const version = execFileSync(join(project, "node_modules", ".bin", "tapedeck"), ["--version"], { cwd: project, encoding: "utf8" });
    expect(version).toBe("0.0.0\n");
  });
});
