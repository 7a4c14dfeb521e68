import { readFileSync } from "node:fs";
import { parseCassette, serializeCassette } from "@tapedeck/cassette";
const [f, what] = process.argv.slice(2);
const bytes = readFileSync(f);
let c = parseCassette(bytes);
for (let i = 0; i < 4; i++) { const t = performance.now(); if (what === "load") c = parseCassette(bytes); else serializeCassette(c); console.log((performance.now() - t).toFixed(0)); }
