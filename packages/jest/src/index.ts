import { afterEach, beforeEach, expect } from "@jest/globals";
import { type CassetteOptions, type CassetteSession, cassettePathFor, installInterception, interceptionInstalled, startCassette } from "@tapedeck/vcr";

export { type VcrMode, VcrError, type VcrErrorCode } from "@tapedeck/vcr";

/** The test a cassette is for. */
export interface CassetteTest {
  /** The test file's absolute path. */
  file: string;
  /** The test's full name, its `describe` blocks' names first, as Jest prints it. */
  name: string;
}

/** Options of {@link useCassettes}: every option of a cassette but its path, and where cassettes go. */
export interface UseCassettesOptions extends Omit<CassetteOptions, "path"> {
  /** The folder for cassettes; default `__cassettes__` next to the test file. */
  directory?: string;
  /** The cassette file of a test, instead of `<directory>/<test file name>/<test name>.yaml`. */
  cassettePath?: (test: CassetteTest) => string;
}

let warnedLate = false;

/**
 * Gives every test in the file (or in the `describe` block it is called in)
 * a cassette of its own: requests through global `fetch`, `node:http`,
 * `node:https` and `node:http2` are recorded to it or replayed from it, by
 * `TAPEDECK_MODE` (`replay` on CI, `record-missing` elsewhere) or the `mode`
 * option. A test fails when a request matches nothing recorded, when a
 * recorded interaction was not used (in `replay`), or when a request went past
 * the interception; a test that makes no request needs no cassette. Tests run
 * one at a time (Jest runs `beforeEach` and `afterEach` once around all
 * `test.concurrent` tests, so those are not supported).
 *
 * Add `@tapedeck/jest/setup` to Jest's `setupFiles` so that interception is in
 * place before any client exists.
 *
 * @example
 * ```ts
 * import { useCassettes } from "@tapedeck/jest";
 * import OpenAI from "openai";
 *
 * useCassettes();
 *
 * test("answers about the weather", async () => {
 *   const reply = await new OpenAI().chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "user", content: "Weather in Paris?" }] });
 *   expect(reply.choices[0]!.message.content).toContain("Paris");
 * });
 * ```
 */
export function useCassettes(options: UseCassettesOptions = {}): void {
  const { directory, cassettePath, ...cassetteOptions } = options;
  warnIfLate();
  let session: CassetteSession | undefined;
  beforeEach(async () => {
    const { testPath, currentTestName } = expect.getState();
    const test: CassetteTest = { file: testPath ?? "", name: currentTestName ?? "test" };
    const path = cassettePath?.(test) ?? cassettePathFor({ testFile: test.file, testName: [test.name], ...(directory === undefined ? {} : { directory }) });
    const recordCommand = `TAPEDECK_MODE=record-missing npx jest ${JSON.stringify(test.file)} -t ${JSON.stringify(test.name)}`;
    session = await startCassette({ recordCommand, ...cassetteOptions, path });
  });
  afterEach(async () => {
    const ending = session;
    session = undefined;
    const report = await ending?.stop();
    for (const note of report?.notes ?? []) console.warn(`tapedeck: ${note}`);
  });
}

/** Installs interception if the setup file did not, and says once that clients made by the file's imports may have missed it. */
function warnIfLate(): void {
  const before = interceptionInstalled();
  installInterception({ late: true });
  if (before || warnedLate) return;
  warnedLate = true;
  console.warn(
    "tapedeck: interception started when useCassettes ran, after this file's imports: a client created while they ran keeps the fetch it found and would bypass the cassettes (tapedeck fails such a test). Add \"@tapedeck/jest/setup\" to setupFiles to rule it out.",
  );
}
