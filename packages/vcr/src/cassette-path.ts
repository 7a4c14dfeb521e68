import { basename, dirname, join } from "node:path";

/** What a cassette's path is made from. */
export interface CassettePathParts {
  /** The test file's absolute path. */
  testFile: string;
  /** The test's name, with the names of the suites around it. */
  testName: readonly string[];
  /** The folder for cassettes; default `__cassettes__` next to the test file. */
  directory?: string;
}

/**
 * The cassette file of one test: `<directory>/<test file name>/<suite> <test>.yaml`,
 * the names made safe for every file system (letters, digits, `-`, `_`, `.`
 * and spaces kept; anything else becomes a space; at most 120 characters).
 *
 * @example
 * ```ts
 * cassettePathFor({ testFile: "/repo/test/chat.test.ts", testName: ["chat", "streams a reply"] });
 * // "/repo/test/__cassettes__/chat.test.ts/chat streams a reply.yaml"
 * cassettePathFor({ testFile: "/repo/test/chat.test.ts", testName: ["openai-node: a reply"] });
 * // "/repo/test/__cassettes__/chat.test.ts/openai-node a reply.yaml"
 * ```
 */
export function cassettePathFor({ testFile, testName, directory }: CassettePathParts): string {
  const folder = directory ?? join(dirname(testFile), "__cassettes__");
  const name = testName
    .join(" ")
    .replace(/[^\p{L}\p{N}\-_. ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  return join(folder, basename(testFile), `${name || "test"}.yaml`);
}
