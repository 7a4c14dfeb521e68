import { dialects, streamPayloads } from "@tapedeck/codec";
const name = process.argv[2];
const d = dialects[name];
const words = "the quick brown fox jumps over the lazy dog while tapedeck merges every delta ";
const answer = words.repeat(1300).slice(0, 100000);
const body = d.split(d.example(answer), { fragment: 4 });
const payloads = streamPayloads(body, { framing: d.framing }).map((p) => name === "bedrock-converse" ? `{${JSON.stringify(p.type)}:${p.data}}` : p.data);
const tasks = { floor: () => payloads.map((p) => JSON.parse(p)), events: () => d.mergeEvents(payloads) };
const samples = { floor: [], events: [] };
for (let r = 0; r < 60; r++) for (const k of r % 2 ? ["floor", "events"] : ["events", "floor"]) { const s = performance.now(); tasks[k](); if (r >= 6) samples[k].push(performance.now() - s); }
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
console.log(name, med(samples.floor).toFixed(2), med(samples.events).toFixed(2), (med(samples.events) / med(samples.floor)).toFixed(2));
console.log(payloads[1]); console.log(payloads.at(-1));
