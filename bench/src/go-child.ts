// Times one tapedeck load and save of a cassette file, alone in this fresh process, as Go's timing does in its own
// (go-comparison.ts runs one per round): warm-up runs first, then a collected heap before the timed load and before
// the timed save of what it loaded. Prints the two times, and whether the save gave back the file.
import { readFileSync } from "node:fs";
import { parseCassette, serializeCassette } from "@tapedeck/cassette";

const [file] = process.argv.slice(2) as [string];
const bytes = readFileSync(file);
// Warm-up: the first loads and saves compile tapedeck's code (Go's first run of two is its warm-up).
for (let warmup = 0; warmup < 3; warmup += 1) Buffer.from(serializeCassette(parseCassette(bytes)));
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
collectGarbage();
let start = performance.now();
const loaded = parseCassette(bytes);
const loadMs = performance.now() - start;
collectGarbage();
start = performance.now();
const saved = Buffer.from(serializeCassette(loaded));
const saveMs = performance.now() - start;
process.stdout.write(JSON.stringify({ loadMs, saveMs, same: saved.equals(bytes) }));
