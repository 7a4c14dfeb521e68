import { readFileSync } from "node:fs";
import { parseCassette, serializeCassette } from "@tapedeck/cassette";
for (const f of ["/tmp/shape-huge.yaml", "/tmp/shape-many.yaml"]) {
  const bytes = readFileSync(f);
  const text = bytes.toString("utf8");
  let c; const l = [], s = [];
  for (let i = 0; i < 5; i++) { let t = performance.now(); c = parseCassette(bytes); l.push(performance.now() - t); t = performance.now(); const out = Buffer.from(serializeCassette(c)); s.push(performance.now() - t); if (!out.equals(bytes)) console.log("DIFF"); }
  console.log(f, l.map(x=>x.toFixed(0)).join(" "), "|", s.map(x=>x.toFixed(0)).join(" "));
}
