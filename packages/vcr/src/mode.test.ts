import { describe, expect, it } from "vitest";
import { cassettePathFor } from "./cassette-path.js";
import { VcrError } from "./errors.js";
import { resolveMode } from "./mode.js";

describe("resolveMode", () => {
  it.each([
    [undefined, {}, "record-missing"],
    [undefined, { CI: "true" }, "replay"],
    [undefined, { CI: "1" }, "replay"],
    [undefined, { CI: "false" }, "record-missing"],
    [undefined, { CI: "" }, "record-missing"],
    [undefined, { CI: "true", TAPEDECK_MODE: "record" }, "record"],
    [undefined, { TAPEDECK_MODE: "passthrough" }, "passthrough"],
    ["replay", { TAPEDECK_MODE: "record" }, "replay"],
  ] as const)("mode %s with %j is %s", (mode, environment, expected) => {
    expect(resolveMode(mode, environment)).toBe(expected);
  });

  it("refuses a mode that does not exist, saying which are", () => {
    expect(() => resolveMode(undefined, { TAPEDECK_MODE: "replay-only" })).toThrow(
      new VcrError("invalid-mode", 'TAPEDECK_MODE is "replay-only"; expected one of replay, once, record-missing, record, passthrough'),
    );
  });
});

describe("cassettePathFor", () => {
  it("puts a test's cassette next to its file, a folder per describe, with no spaces", () => {
    expect(cassettePathFor({ testFile: "/repo/test/chat.test.ts", testName: ["chat", "streams a reply"] })).toBe("/repo/test/__cassettes__/chat.test.ts/chat/streams_a_reply.yaml");
    expect(cassettePathFor({ testFile: "/repo/test/chat.test.ts", testName: ["openai-node 6 retries"] })).toBe("/repo/test/__cassettes__/chat.test.ts/openai-node_6_retries.yaml");
  });

  it("makes names safe for every file system, and never maps two names to one file", () => {
    // The suffixes are the first 8 hex digits of each name's SHA-256 (node -e 'crypto.createHash("sha256").update(name)').
    expect(cassettePathFor({ testFile: "/r/a.test.ts", testName: ["a/b: c?", "*d*"], directory: "/c" })).toBe("/c/a.test.ts/a-b-c-ffa60210/d-32ed29f0.yaml");
    const names = ["a: b", "a/b", "a b", "a_b", "a-b", "A b", "a  b", "a b ", "con", "Con.txt", "x".repeat(300), "x".repeat(301), "é", "e\u0301"];
    const files = names.map((name) => cassettePathFor({ testFile: "/r/a.test.ts", testName: [name] }));
    expect(new Set(files).size).toBe(names.length);
    for (const file of files) expect(file.slice("/r/__cassettes__/a.test.ts/".length)).toMatch(/^[A-Za-z0-9._-]{1,100}\.yaml$/);
    expect(files.slice(0, 3)).toEqual(["/r/__cassettes__/a.test.ts/a-b-75cd1899.yaml", "/r/__cassettes__/a.test.ts/a-b-c14cddc0.yaml", "/r/__cassettes__/a.test.ts/a_b.yaml"]);
  });
});
