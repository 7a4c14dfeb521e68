// Times the JSON.parse floor against tapedeck's merge of the same event texts for one case, alone in this
// process, and prints the two medians: run by floor-comparison.ts, one process per case.
import { openaiChat } from "@tapedeck/codec/openai-chat";
import { jsonParseFloor } from "./contenders.js";
import { dialectCases } from "./dialect-inputs.js";
import { mergeCase } from "./inputs.js";
import { measure } from "./report.js";

const [kind, indexText] = process.argv.slice(2) as ["chat" | "dialect", string];
const index = Number(indexText);
let tasks: { floor: () => unknown; merge: () => unknown };
let options = { iterations: 30, time: 3000 };
if (kind === "chat") {
  const item = mergeCase(index);
  tasks = { floor: () => item.streams.map(jsonParseFloor), merge: () => item.streams.map((stream) => openaiChat.mergeEvents(stream.payloads)) };
  // The million-delta case takes seconds a pass: once each.
  if (item.deltas > 200_000) options = { iterations: 1, time: 0 };
} else {
  const item = dialectCases()[index]!;
  tasks = { floor: () => item.payloads.map((payload) => JSON.parse(payload)), merge: () => item.dialect.mergeEvents(item.payloads) };
}
process.stdout.write(JSON.stringify(await measure(tasks, options)));
