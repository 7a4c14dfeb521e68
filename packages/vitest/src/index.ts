import { type CassetteOptions, type CassetteSession, cassettePathFor, installInterception, startCassette } from "@tapedeck/vcr";
import { afterEach, beforeEach } from "vitest";

export { type VcrMode, VcrError, type VcrErrorCode } from "@tapedeck/vcr";

/** The test a cassette is for. */
export interface CassetteTest {
  /** The test file's absolute path. */
  file: string;
  /** The test's name, after the names of the `describe` blocks around it. */
  name: string[];
}

/** Options of {@link useCassettes}: every option of a cassette but its path, and where cassettes go. */
export interface UseCassettesOptions extends Omit<CassetteOptions, "path"> {
  /** The folder for cassettes; default `__cassettes__` next to the test file. */
  directory?: string;
  /** The cassette file of a test, instead of `<directory>/<test file name>/<describe> <test>.yaml`. */
  cassettePath?: (test: CassetteTest) => string;
}

/**
 * Gives every test in the file (or in the `describe` block it is called in)
 * a cassette of its own: requests through global `fetch`, `node:http` and
 * `node:https` are recorded to it or replayed from it, by `TAPEDECK_MODE`
 * (`replay` on CI, `record-missing` elsewhere) or the `mode` option. A test
 * fails when a request matches nothing recorded, when a recorded interaction
 * was not used (in `replay`), or when its cassette is missing in `replay`.
 * Call it at the top of the test file, before clients are created: from then
 * on, requests made outside a test pass through untouched.
 *
 * @example
 * ```ts
 * import { useCassettes } from "@tapedeck/vitest";
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
  // Now, not in the first test: clients made in `beforeAll` or at the top of the file keep the fetch they found.
  installInterception();
  let session: CassetteSession | undefined;
  beforeEach(async (context) => {
    const test = testOf(context.task);
    const path = cassettePath?.(test) ?? cassettePathFor({ testFile: test.file, testName: test.name, ...(directory === undefined ? {} : { directory }) });
    session = await startCassette({ ...cassetteOptions, path });
  });
  afterEach(async () => {
    const ending = session;
    session = undefined;
    await ending?.stop();
  });
}

interface TaskLike {
  name: string;
  suite?: TaskLike | undefined;
  file?: { filepath: string } | undefined;
  filepath?: string;
}

function testOf(task: TaskLike): CassetteTest {
  const name: string[] = [];
  for (let current: TaskLike | undefined = task; current !== undefined && current.filepath === undefined; current = current.suite) {
    if (current.name !== "") name.unshift(current.name);
  }
  return { file: task.file?.filepath ?? "", name };
}
