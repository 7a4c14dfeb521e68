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
      new VcrError("invalid-mode", 'TAPEDECK_MODE is "replay-only"; expected one of replay, record-missing, record, passthrough'),
    );
  });
});

describe("cassettePathFor", () => {
  it("puts a test's cassette next to its file, named after the test", () => {
    expect(cassettePathFor({ testFile: "/repo/test/chat.test.ts", testName: ["chat", "streams a reply"] })).toBe("/repo/test/__cassettes__/chat.test.ts/chat streams a reply.yaml");
  });

  it("makes names safe for every file system", () => {
    expect(cassettePathFor({ testFile: "/r/a.test.ts", testName: ["a/b: c?", "*d*"], directory: "/c" })).toBe("/c/a.test.ts/a b c d.yaml");
  });
});
