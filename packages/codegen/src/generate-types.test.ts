import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cassettePath, cassettesDirectory, listCassettes, listSyntheticCassettes, syntheticCassettePath, syntheticDirectory } from "@tapedeck/fixtures";
import { afterAll, describe, expect, it } from "vitest";
import { checkTypes, generateTypes, writeTypes } from "./generate-types.js";

const everyDialect = [cassettesDirectory, syntheticDirectory];

/** Property names each dialect alone sends (from docs/dialects/). */
const hallmarks: Record<string, string[]> = {
  "openai-chat": ["choices", "system_fingerprint"],
  "openai-responses": ["sequence_number", "output_index"],
  anthropic: ["content_block", "stop_reason"],
  gemini: ["candidates", "usageMetadata"],
  "bedrock-converse": ["contentBlockIndex", "stopReason"],
};

/** The property names of every object type in a generated module. */
function propertyNames(types: string): Set<string> {
  return new Set([...types.matchAll(/^ {4}"?([\w$-]+)"?\??:/gm)].map((match) => match[1]!));
}

/** `export type Name = { ... }` → its body. */
function typeBody(types: string, name: string): string {
  const match = new RegExp(`^export type ${name} = \\{\\n([\\s\\S]*?)\\n\\}`, "m").exec(types);
  if (match === null) throw new Error(`no type ${name}`);
  return match[1]!;
}

/** The members of `export type Union = | A | B;`. */
function unionMembers(types: string, name: string): string[] {
  const match = new RegExp(`^export type ${name} =\\n([\\s\\S]*?);$`, "m").exec(types);
  if (match === null) throw new Error(`no union ${name}`);
  return [...match[1]!.matchAll(/\| (\w+)/g)].map((member) => member[1]!);
}

describe("generateTypes over a directory of every dialect", () => {
  it("writes one module per dialect, and no type carries another dialect's fields", { timeout: 60_000 }, async () => {
    const { files } = await generateTypes({ cassettes: everyDialect });
    expect(Object.keys(files).sort()).toEqual([
      "anthropic/types.ts",
      "anthropic/validators.ts",
      "bedrock-converse/types.ts",
      "bedrock-converse/validators.ts",
      "cohere/types.ts",
      "cohere/validators.ts",
      "gemini/types.ts",
      "gemini/validators.ts",
      "index.ts",
      "ollama/types.ts",
      "ollama/validators.ts",
      "openai-chat/types.ts",
      "openai-chat/validators.ts",
      "openai-completions/types.ts",
      "openai-completions/validators.ts",
      "openai-responses/types.ts",
      "openai-responses/validators.ts",
      "validators.ts",
    ]);
    for (const [dialect, own] of Object.entries(hallmarks)) {
      const names = propertyNames(files[`${dialect}/types.ts`]!);
      for (const key of own) expect(names, `${dialect} has ${key}`).toContain(key);
      for (const [other, keys] of Object.entries(hallmarks)) {
        if (other === dialect) continue;
        for (const key of keys) expect(names.has(key), `${dialect} carries ${other}'s ${key}`).toBe(false);
      }
    }
  });

  it("gives each Anthropic and Responses event type its own member of a union discriminated on a literal type", { timeout: 60_000 }, async () => {
    const { files } = await generateTypes({ cassettes: everyDialect });
    const anthropic = files["anthropic/types.ts"]!;
    // The event types of the Messages stream, as the spec lists them (each one is in the synthetic fixtures).
    const messageEvents = ["content_block_delta", "content_block_start", "content_block_stop", "message_delta", "message_start", "message_stop", "ping"];
    const names = ["ContentBlockDeltaEvent", "ContentBlockStartEvent", "ContentBlockStopEvent", "MessageDeltaEvent", "MessageStartEvent", "MessageStopEvent", "PingEvent"];
    expect(unionMembers(anthropic, "MessageStreamEvent")).toEqual(names);
    for (const [position, name] of names.entries()) expect(typeBody(anthropic, name)).toMatch(new RegExp(`^ {4}type: +"${messageEvents[position]}";$`, "m"));
    expect(files["anthropic/validators.ts"]).toContain('export const MessageStreamEventSchema = z.discriminatedUnion("type", [');
    expect(files["anthropic/validators.ts"]).toContain('"type": z.literal("content_block_delta"),');

    const responses = files["openai-responses/types.ts"]!;
    const members = unionMembers(responses, "ResponseStreamEvent");
    expect(members).toHaveLength(15);
    expect(members).toContain("ResponseOutputTextDeltaEvent");
    expect(members).toContain("ResponseFunctionCallArgumentsDeltaEvent");
    // Two event types of the same shape stay two members.
    expect(typeBody(responses, "ResponseCreatedEvent")).toMatch(/type: +"response\.created";/);
    expect(typeBody(responses, "ResponseInProgressEvent")).toMatch(/type: +"response\.in_progress";/);

    const converse = files["bedrock-converse/types.ts"]!;
    expect(typeBody(converse, "ConverseStreamEventMap")).toBe(
      [
        '    "contentBlockDelta": ContentBlockDeltaEvent;',
        '    "contentBlockStart": ContentBlockStartEvent;',
        '    "contentBlockStop": ContentBlockStopEvent;',
        '    "messageStart": MessageStartEvent;',
        '    "messageStop": MessageStopEvent;',
        '    "metadata": ConverseStreamMetadataEvent;',
      ].join("\n"),
    );
    expect(files["gemini/types.ts"]).toContain("export type GenerateContentResponse = {");
    expect(files["openai-chat/types.ts"]).toContain("export type ChatCompletionChunk = {");
    expect(files["openai-chat/types.ts"]).toContain("export type ChatCompletionCreateParams = {");
  });

  it("keeps types honest: strings stay strings, null stays in unions, a field missing from some samples is optional", { timeout: 60_000 }, async () => {
    const { files } = await generateTypes({ cassettes: [cassettesDirectory] });
    const chunk = typeBody(files["openai-chat/types.ts"]!, "ChatCompletionChunk");
    expect(chunk).toMatch(/\bid: +string;/);
    expect(chunk).toMatch(/\bmodel: +string;/);
    expect(chunk).toMatch(/\bsystem_fingerprint\?: +null \| string;/);
    expect(chunk).toMatch(/\busage\?: +\w+;/);
    expect(files["openai-chat/types.ts"]).not.toMatch(/\benum\b|Date\b|Purple|Fluffy/);
  });

  it("is deterministic whatever the argument order, with a header of counts, not of files", { timeout: 60_000 }, async () => {
    const paths = [...listCassettes().map((name) => cassettePath(name)), ...listSyntheticCassettes().map((name) => syntheticCassettePath(name))];
    const forward = await generateTypes({ cassettes: paths });
    const backward = await generateTypes({ cassettes: [...paths].reverse() });
    expect(backward.files).toEqual(forward.files);
    const header = forward.files["anthropic/types.ts"]!.split("\n\n")[0]!;
    // 3 synthetic Anthropic cassettes (direct, Vertex, Bedrock), two streams each; counts from the fixtures.
    expect(header).toContain("// From 3 cassettes: 6 streams, 122 events, 6 request bodies.");
    expect(header).toContain("//   content_block_delta: 74");
    expect(header).toContain("Regenerate with `tapedeck codegen`.");
    expect(header).not.toMatch(/\.yaml/);
    expect(header.split("\n")).toHaveLength(4 + 7);
  });
});

/** A folder inside this package, so the generated validators can import zod. */
const scratch = fileURLToPath(new URL("../.test-output/", import.meta.url));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** An Anthropic stream of one text block with an event type no fixture has. */
function anthropicCassette(): string {
  const events = [
    { type: "message_start", message: { id: "msg_1", type: "message", role: "assistant", model: "claude-x", content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 3, output_tokens: 1 } } },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hi" } },
    { type: "content_block_progress", index: 0, elapsed_ms: 120 },
    { type: "content_block_stop", index: 0 },
    { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 2 } },
    { type: "message_stop" },
  ];
  const body = events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join("");
  const indented = body.split("\n").map((line) => (line === "" ? "" : `            ${line}`)).join("\n");
  return `---
version: 2
interactions:
    - id: 0
      request:
        body: '{"model":"claude-x","max_tokens":10,"messages":[{"role":"user","content":"Hi"}],"stream":true}'
        url: https://api.anthropic.com/v1/messages
        method: POST
      response:
        body: |
${indented}
        headers:
            Content-Type:
                - text/event-stream
        status: 200 OK
        code: 200
        duration: 1s
`;
}

describe("regenerating when a new cassette arrives", () => {
  it("makes a new Anthropic event type a new union member, and --check says stale until then", { timeout: 60_000 }, async () => {
    await mkdir(scratch, { recursive: true });
    const directory = await mkdtemp(join(scratch, "regenerate-"));
    const cassettes = join(directory, "cassettes");
    const out = join(directory, "generated");
    await mkdir(cassettes);
    for (const name of listSyntheticCassettes().filter((name) => name.startsWith("anthropic"))) await copyFile(syntheticCassettePath(name), join(cassettes, `${name}.yaml`));
    await writeTypes({ cassettes: [cassettes], out, cwd: directory });
    expect(unionMembers(await readFile(join(out, "anthropic/types.ts"), "utf8"), "MessageStreamEvent")).not.toContain("ContentBlockProgressEvent");

    await writeFile(join(cassettes, "new_event_type.yaml"), anthropicCassette());
    expect(await checkTypes({ cassettes: [cassettes], out, cwd: directory })).toEqual([join(out, "anthropic/types.ts"), join(out, "anthropic/validators.ts"), join(out, "index.ts"), join(out, "validators.ts")]);
    const { summary } = await writeTypes({ cassettes: [cassettes], out, cwd: directory });
    expect(summary.dialects.map((dialect) => [dialect.dialect, dialect.eventTypes.content_block_progress])).toEqual([["anthropic", 1]]);
    const types = await readFile(join(out, "anthropic/types.ts"), "utf8");
    expect(unionMembers(types, "MessageStreamEvent")).toContain("ContentBlockProgressEvent");
    expect(typeBody(types, "ContentBlockProgressEvent")).toBe(['    elapsed_ms: number;', "    index:      number;", '    type:       "content_block_progress";'].join("\n"));
    expect(await checkTypes({ cassettes: [cassettes], out, cwd: directory })).toEqual([]);

    const validators = (await import(join(out, "anthropic/validators.ts"))) as typeof import("zod") & Record<string, import("zod").ZodType>;
    const schema = validators.MessageStreamEventSchema!;
    expect(schema.safeParse({ type: "content_block_progress", index: 0, elapsed_ms: 5 }).success).toBe(true);
    const wrong = schema.safeParse({ type: "content_block_progress", index: 0, elapsed_ms: "5" });
    expect(wrong.error?.issues.map((issue) => issue.path)).toEqual([["elapsed_ms"]]);
  });

  it("removes the files of a dialect no cassette holds any more, and counts what it could not use", { timeout: 60_000 }, async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-codegen-"));
    const out = join(directory, "generated");
    await writeTypes({ cassettes: [syntheticCassettePath("gemini_api"), syntheticCassettePath("bedrock_converse")], out, cwd: directory });
    expect((await readdir(out)).sort()).toEqual([".tapedeck-codegen.json", "bedrock-converse", "gemini", "index.ts", "validators.ts"]);
    await writeFile(join(out, "mine.ts"), "// written by hand, kept\n");
    expect(await checkTypes({ cassettes: [syntheticCassettePath("gemini_api")], out, cwd: directory })).toEqual([
      join(out, "index.ts"),
      join(out, "validators.ts"),
      join(out, ".tapedeck-codegen.json"),
      join(out, "bedrock-converse/types.ts"),
      join(out, "bedrock-converse/validators.ts"),
    ]);
    await writeTypes({ cassettes: [syntheticCassettePath("gemini_api")], out, cwd: directory });
    expect((await readdir(out)).sort()).toEqual([".tapedeck-codegen.json", "gemini", "index.ts", "mine.ts", "validators.ts"]);
    expect(await readFile(join(out, "mine.ts"), "utf8")).toBe("// written by hand, kept\n");

    const odd = join(directory, "odd.yaml");
    await writeFile(odd, (await readFile(syntheticCassettePath("gemini_api"), "utf8")).replace('data: {\\"candidates\\"', 'data: [\\"candidates\\"').replaceAll(":streamGenerateContent", ":other"));
    const { summary } = await generateTypes({ cassettes: [odd] });
    // The first event of the first stream is no longer a JSON object: counted, not typed.
    expect(summary).toMatchObject({ unusablePayloads: 1, unknownStreams: 0 });
  });
});
