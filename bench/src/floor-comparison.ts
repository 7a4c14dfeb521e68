import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The JSON.parse floor and tapedeck's merge of the same event texts, timed side by side in a fresh process of
 * their own (`floor-child.js`). In the bench's own process, the shared merge code has by then run every dialect:
 * V8's inline caches there are megamorphic and stop inlining, so each row would be billed for the rows before it
 * (0.05× to 0.4× of the floor in the committed run: the "every dialect warm" column), and for their heap. Benchmark harnesses such as JMH fork per
 * benchmark for the same reason. The dialects table also shows the ratio in a process that has merged every dialect.
 */
export function floorAlone(kind: "chat" | "dialect", index: number): { floor: number; merge: number } {
  const script = fileURLToPath(new URL("./floor-child.js", import.meta.url));
  const output = execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=16384", script, kind, String(index)], { encoding: "utf8" });
  return JSON.parse(output) as { floor: number; merge: number };
}
