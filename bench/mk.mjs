import { parseCassette } from "@tapedeck/cassette";
const n = Number(process.argv[2]);
let text = "version: 2\nextra:\n";
for (let key = 0; key < n; key += 1) text += `    key${key}: ${key}\n`;
text += "interactions: []\n";
for (let i = 0; i < 3; i++) parseCassette(text);
const t = [];
for (let i = 0; i < 5; i++) { const s = performance.now(); parseCassette(text); t.push(performance.now() - s); }
console.log(n, t.map((x) => (x / n * 1e6).toFixed(0)).join(" "), "ns/key");
