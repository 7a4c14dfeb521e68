import { createHash } from "node:crypto";
import { basename, dirname, join } from "node:path";

/** What a cassette's path is made from. */
export interface CassettePathParts {
  /** The test file's absolute path. */
  testFile: string;
  /** The test's name, after the names of the suites around it. */
  testName: readonly string[];
  /** The folder for cassettes; default `__cassettes__` next to the test file. */
  directory?: string;
}

/**
 * The cassette file of one test: `<directory>/<test file>/<suite>/<test>.yaml`,
 * a folder per `describe`. Each name becomes a file name with no spaces that
 * is safe on every file system and never shared by two different names:
 * letters, digits, `.` and `-` are kept and each space becomes `_`; a name
 * with any other character (or too long, or reserved on Windows) becomes a
 * readable part plus 8 hex digits of its hash, so `"a: b"` and `"a/b"` get
 * two files.
 *
 * @example
 * ```ts
 * cassettePathFor({ testFile: "/repo/test/chat.test.ts", testName: ["chat", "streams a reply"] });
 * // "/repo/test/__cassettes__/chat.test.ts/chat/streams_a_reply.yaml"
 * cassettePathFor({ testFile: "/repo/test/chat.test.ts", testName: ["openai-node: a reply"] });
 * // "/repo/test/__cassettes__/chat.test.ts/openai-node_a_reply-d6b50266.yaml"
 * ```
 */
export function cassettePathFor({ testFile, testName, directory }: CassettePathParts): string {
  const folder = directory ?? join(dirname(testFile), "__cassettes__");
  const names = testName.length === 0 ? ["test"] : testName.map(fileNameOf);
  const file = names.pop()!;
  return join(folder, basename(testFile), ...names, `${file}.yaml`);
}

const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
const maxLength = 100;

/** One test or suite name as a file name: as it is where that is safe and unambiguous, else readable plus a hash. */
export function fileNameOf(name: string): string {
  const plain = name.replaceAll(" ", "_");
  const safe = /^[A-Za-z0-9.\- ]+$/.test(name) && !/^[. ]|[. ]$/.test(name) && !windowsReserved.test(plain) && plain.length <= maxLength;
  if (safe) return plain;
  const readable = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9.-]+/g, (run) => (/^ +$/.test(run) ? "_" : "-"))
    .replace(/^[-._]+|[-._]+$/g, "")
    .slice(0, maxLength - 9);
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${readable === "" ? "test" : readable}-${hash}`;
}
