import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { providerCassettePath } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";

const packagesDirectory = fileURLToPath(new URL("../../../packages/", import.meta.url));
const published = ["sse", "aws-event-stream", "cassette", "codec", "codegen", "chunk-types", "replay", "cli"];

/** pnpm as the repository runs it: the one that started this test, else the pinned version through npx. */
function pnpm(args: string[], cwd: string): string {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return execFileSync(process.execPath, [execPath, ...args], { cwd, encoding: "utf8" });
  return execFileSync("npx", ["--yes", "pnpm@10.34.8", ...args], { cwd, encoding: "utf8" });
}

const smoke = `
import { readFile } from "node:fs/promises";
import { bodyText, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { readCassette } from "@tapedeck/cassette/node";
import { mergeInteraction, streamPayloads } from "@tapedeck/codec";
import { anthropic } from "@tapedeck/codec/anthropic";
import { openaiChat } from "@tapedeck/codec/openai-chat";
import { MergerStream } from "@tapedeck/codec/stream";
import { parseAwsEventStream } from "@tapedeck/aws-event-stream";
import { ChatCompletionChunkSchema } from "@tapedeck/chunk-types/validators";
import { renderChunkTypes } from "@tapedeck/codegen";
import { createReplayFetch } from "@tapedeck/replay";
import { startReplayServer } from "@tapedeck/replay/node";
import { parseEventStream } from "@tapedeck/sse";
import { EventStreamParserStream } from "@tapedeck/sse/stream";

const path = process.argv[2];
const text = await readFile(path, "utf8");
const cassette = await readCassette(path);
const { merged: completion, residual } = openaiChat.merge(bodyText(cassette.interactions[0].response.body), { residual: true });
const [chunk] = streamPayloads(cassette.interactions[0].response.body).map((payload) => ({ json: JSON.parse(payload.data) }));
const server = await startReplayServer(cassette);
await server.close();
console.log(JSON.stringify({
  lossless: serializeCassette(parseCassette(text)) === text,
  calls: completion.choices[0].message.tool_calls.map((call) => call.function.name),
  valid: ChatCompletionChunkSchema.safeParse(chunk.json).success,
  events: parseEventStream("data: 1\\n\\n").length,
  exact: openaiChat.split(completion, { residual }) === bodyText(cassette.interactions[0].response.body),
  detected: mergeInteraction(cassette.interactions[0]).dialect,
  anthropic: anthropic.normalize(anthropic.merge(anthropic.split({ id: "m", type: "message", role: "assistant", model: "x", content: [{ type: "text", text: "hi" }], stop_reason: "end_turn", stop_sequence: null, usage: {} })).merged).text,
  frames: parseAwsEventStream(new Uint8Array()).length,
  exports: [typeof MergerStream, typeof EventStreamParserStream, typeof createReplayFetch, typeof renderChunkTypes],
}));
`;

describe("the published packages, packed and installed with npm", () => {
  it("import as ESM and work: parse a fixture, merge it, validate a chunk; the tapedeck bin runs", () => {
    const project = mkdtempSync(join(tmpdir(), "tapedeck-pack-"));
    const tarballs = join(project, "tarballs");
    for (const name of published) pnpm(["pack", "--pack-destination", tarballs], join(packagesDirectory, name));
    const files = readdirSync(tarballs).map((file) => join(tarballs, file));
    expect(files).toHaveLength(published.length);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "smoke", private: true, type: "module" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...files], { cwd: project, encoding: "utf8" });
    writeFileSync(join(project, "smoke.mjs"), smoke);
    const fixture = providerCassettePath("fireworks");
    const output = JSON.parse(execFileSync(process.execPath, ["smoke.mjs", fixture], { cwd: project, encoding: "utf8" }));
    expect(output).toEqual({
      lossless: true,
      calls: ["add", "multiply"],
      valid: true,
      events: 1,
      exact: true,
      detected: "openai-chat",
      anthropic: "hi",
      frames: 0,
      exports: ["function", "function", "function", "function"],
    });
    const checked = execFileSync(join(project, "node_modules", ".bin", "tapedeck"), ["check", dirname(fixture)], { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(checked).toBe("");
  });
});
