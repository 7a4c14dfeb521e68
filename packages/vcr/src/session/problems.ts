import type { Interaction } from "@tapedeck/cassette";
import { VcrError } from "../errors.js";

/**
 * The answer a client gets for a request the cassette cannot answer: an HTTP
 * error that clients report with its message and do not retry (`x-should-retry:
 * false` for the OpenAI and Anthropic SDKs; 4xx for the AI SDK), so the test
 * shows tapedeck's message, not a connection error after retries.
 */
export function failureResponse(problem: VcrError): Response {
  const body = JSON.stringify({ error: { type: "tapedeck_vcr", code: problem.code, message: `tapedeck: ${problem.message}` } });
  const replayable = problem.code === "invalid-recording";
  return new Response(body, {
    status: replayable ? 502 : 404,
    statusText: replayable ? "Not Replayable" : "Not Recorded",
    headers: { "content-type": "application/json", "x-should-retry": "false" },
  });
}

/** How to record what a cassette lacks, as a miss message says it. */
export function recordAdvice(path: string, recordCommand: string | undefined): string {
  return `To record it, run ${recordCommand ?? "the test again with TAPEDECK_MODE=record-missing"}, then commit ${path}.`;
}

/** The unused-interactions problem, with what to do about it. */
export function unusedProblem(path: string, unused: readonly Interaction[]): VcrError {
  const ids = unused.map(({ id, request }) => `  interaction ${id}: ${request.method} ${request.url}`);
  return new VcrError(
    "unused-interactions",
    `${path}: ${unused.length} recorded interaction${unused.length === 1 ? " was" : "s were"} not used:\n${ids.join("\n")}\nRecord with TAPEDECK_MODE=record-missing to remove them (it removes what no request uses), or pass unused: "keep".`,
    { cassette: path },
  );
}

/** A request that went past the interception while the cassette was in use. */
export function bypassProblem(path: string, requests: readonly string[], late: boolean): VcrError {
  const where = late ? " Interception was installed when the test file called useCassettes, after its imports had run." : "";
  return new VcrError(
    "network-bypass",
    `${path}: ${requests.join(", ")} reached the network past tapedeck while this cassette was in use: neither replayed nor recorded, it would fail in CI.${where} Its client was probably created before interception was installed: install it in a setup file (@tapedeck/vitest/setup, @tapedeck/jest/setup, or installInterception()), or create the client inside the test.`,
    { cassette: path },
  );
}

/**
 * The error `stop()` throws for a session's problems: each once, and none that
 * the test's own failure already shows (a client that raised tapedeck's miss
 * message). `undefined` when nothing is left to say.
 */
export function finalError(problems: readonly VcrError[], testErrors: readonly string[]): VcrError | undefined {
  const unseen = problems.filter((problem) => {
    if (problem.code !== "no-match" && problem.code !== "missing-cassette" && problem.code !== "invalid-recording") return true;
    const headline = problem.message.split("\n")[0]!;
    return !testErrors.some((message) => message.includes(headline));
  });
  const [first] = unseen;
  if (first === undefined) return undefined;
  if (unseen.length === 1) return first;
  return new VcrError(first.code, unseen.map((problem) => problem.message).join("\n\n"), { cassette: first.cassette, problems: unseen });
}
