import { readFileSync } from "node:fs";
import { parseCassette, serializeCassette } from "@tapedeck/cassette";
const f = process.argv[2];
const bytes = readFileSync(f);
const c = parseCassette(bytes);
for (let i = 0; i < 3; i++) { const t = performance.now(); serializeCassette(c); console.log((performance.now() - t).toFixed(0)); }
