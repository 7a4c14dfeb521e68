import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Runs one operation of `memory.ts` alone in a fresh process, on a file read as text or as bytes, and gives its
 * peak resident memory over what that process held just before it (the input), in bytes; `exact` is false where
 * the peak could not be reset before the operation (not Linux).
 */
export function peakOverStart(operation: string, file: string, form: "text" | "bytes" = "text"): { bytes: number; exact: boolean } {
  const script = fileURLToPath(new URL("./memory.js", import.meta.url));
  const output = execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=16384", script, operation, file, form], { encoding: "utf8" });
  const { peakOverStartKilobytes, exact } = JSON.parse(output) as { peakOverStartKilobytes: number; exact: boolean };
  return { bytes: peakOverStartKilobytes * 1024, exact };
}
