import { CassetteError } from "@tapedeck/cassette";
import { findCassetteFiles } from "@tapedeck/cassette/node";
import { UsageError } from "./errors.js";

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

/** At least one path, or a usage error. */
export function requirePaths(paths: readonly string[]): readonly string[] {
  if (paths.length === 0) throw new UsageError("give at least one cassette file or directory");
  return paths;
}
