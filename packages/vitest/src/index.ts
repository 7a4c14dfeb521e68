import { type CassetteOptions, type CassetteSession, cassettePathFor, installInterception, interceptionInstalled, runInScope, type StopReport, startCassette } from "@tapedeck/vcr";
import * as vitest from "vitest";

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
  /** The cassette file of a test, instead of `<directory>/<test file name>/<describe>/<test>.yaml`. */
  cassettePath?: (test: CassetteTest) => string;
}

interface TaskLike {
  name: string;
  suite?: TaskLike | undefined;
  file?: { filepath: string } | undefined;
  filepath?: string;
  result?: { state?: string; errors?: ReadonlyArray<{ message?: string }> } | undefined;
}

type AroundEach = (listener: (runTest: () => Promise<void>, context: { task: TaskLike }) => Promise<void>) => void;

let warnedLate = false;

/**
 * Gives every test in the file (or in the `describe` block it is called in)
 * a cassette of its own: requests through global `fetch`, `node:http`,
 * `node:https` and `node:http2` are recorded to it or replayed from it, by
 * `TAPEDECK_MODE` (`replay` on CI, `record-missing` elsewhere) or the `mode`
 * option. Concurrent tests (`test.concurrent`) each use their own cassette.
 * A test fails when a request matches nothing recorded, when a recorded
 * interaction was not used (in `replay`), or when a request went past the
 * interception; a test that makes no request needs no cassette.
 *
 * Add `@tapedeck/vitest/setup` to `test.setupFiles` so that interception is in
 * place before any client exists; otherwise it starts here, after the test
 * file's imports, and says so once.
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
  warnIfLate();
  const start = (task: TaskLike) => {
    const test = testOf(task);
    const path = cassettePath?.(test) ?? cassettePathFor({ testFile: test.file, testName: test.name, ...(directory === undefined ? {} : { directory }) });
    const recordCommand = `TAPEDECK_MODE=record-missing npx vitest run ${JSON.stringify(test.file)} -t ${JSON.stringify(test.name.join(" "))}`;
    return startCassette({ recordCommand, ...cassetteOptions, path });
  };
  const aroundEach = (vitest as unknown as { aroundEach?: AroundEach }).aroundEach;
  if (typeof aroundEach === "function") {
    // Each test runs in a scope of its own, so concurrent tests each use their own cassette.
    aroundEach((runTest, context) =>
      runInScope(async () => {
        const session = await start(context.task);
        await runTest();
        await finish(session, context.task);
      }),
    );
    return;
  }
  // vitest before 4.1: one test at a time.
  const sessions = new Map<TaskLike, CassetteSession>();
  vitest.beforeEach(async (context) => {
    sessions.set(context.task, await start(context.task));
  });
  vitest.afterEach(async (context) => {
    const session = sessions.get(context.task);
    sessions.delete(context.task);
    if (session !== undefined) await finish(session, context.task);
  });
}

async function finish(session: CassetteSession, task: TaskLike): Promise<void> {
  const errors = (task.result?.errors ?? []).map((error) => String(error.message ?? ""));
  const report: StopReport = await session.stop({ testFailed: task.result?.state === "fail" || errors.length > 0, testErrors: errors });
  for (const note of report.notes) console.warn(`tapedeck: ${note}`);
}

/** Installs interception if the setup file did not, and says once that clients made by the file's imports may have missed it. */
function warnIfLate(): void {
  const before = interceptionInstalled();
  installInterception({ late: true });
  if (before || warnedLate) return;
  warnedLate = true;
  console.warn(
    "tapedeck: interception started when useCassettes ran, after this file's imports: a client created while they ran keeps the fetch it found and would bypass the cassettes (tapedeck fails such a test). Add \"@tapedeck/vitest/setup\" to test.setupFiles to rule it out.",
  );
}

function testOf(task: TaskLike): CassetteTest {
  const name: string[] = [];
  for (let current: TaskLike | undefined = task; current !== undefined && current.filepath === undefined; current = current.suite) {
    if (current.name !== "") name.unshift(current.name);
  }
  return { file: task.file?.filepath ?? "", name };
}
