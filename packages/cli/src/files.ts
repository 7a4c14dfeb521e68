import { CassetteError } from "@tapedeck/cassette";
import { findCassetteFiles } from "@tapedeck/cassette/node";

/**
 * Expands file and directory arguments into cassette file paths, as the user
 * would write them (see `findCassetteFiles`); a missing path is a usage error.
 */
export async function expandCassettePaths(paths: readonly string[], cwd: string): Promise<string[]> {
  try {
    return (await findCassetteFiles(paths, cwd)).map((file) => file.path);
  } catch (error) {
    if (error instanceof CassetteError && error.code === "io") throw new UsageError(`${error.source}: ${error.detail}`);
    throw error;
  }
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
