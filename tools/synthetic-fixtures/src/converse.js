// Bedrock ConverseStream (docs/dialects/bedrock-converse.md, from the AWS documentation).
import { bedrockConverseFrames, fragments, random } from "./wire.js";
import { answer, functions, preamble, question, request, response, results, system } from "./scenario.js";

const toolConfig = { tools: functions.map(({ name, description, parameters }) => ({ toolSpec: { name, description, inputSchema: { json: parameters } } })) };

export function converseInteractions(seed) {
  const rng = random(seed);
  const url = "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.amazon.nova-pro-v1%3A0/converse-stream";
  const ids = ["add", "multiply"].map((name) => [name, `tooluse_${rng.text(22)}`]);
  const first = [["messageStart", { role: "assistant" }]];
  // A text block begins with its first delta; tool blocks with contentBlockStart.
  for (const text of fragments(preamble, rng)) first.push(["contentBlockDelta", { contentBlockIndex: 0, delta: { text } }]);
  first.push(["contentBlockStop", { contentBlockIndex: 0 }]);
  ids.forEach(([name, toolUseId], offset) => {
    const contentBlockIndex = offset + 1;
    first.push(["contentBlockStart", { contentBlockIndex, start: { toolUse: { toolUseId, name } } }]);
    for (const input of ['{"a": 2,', ' "b": 3}']) first.push(["contentBlockDelta", { contentBlockIndex, delta: { toolUse: { input } } }]);
    first.push(["contentBlockStop", { contentBlockIndex }]);
  });
  first.push(["messageStop", { stopReason: "tool_use" }], ["metadata", { usage: { inputTokens: 488, outputTokens: 96, totalTokens: 584 }, metrics: { latencyMs: 1422 } }]);
  const second = [["messageStart", { role: "assistant" }]];
  for (const text of fragments(answer, rng)) second.push(["contentBlockDelta", { contentBlockIndex: 0, delta: { text } }]);
  second.push(["contentBlockStop", { contentBlockIndex: 0 }], ["messageStop", { stopReason: "end_turn" }], ["metadata", { usage: { inputTokens: 612, outputTokens: 17, totalTokens: 629 }, metrics: { latencyMs: 688 } }]);
  const user = { role: "user", content: [{ text: question }] };
  const assistant = { role: "assistant", content: [{ text: preamble }, ...ids.map(([name, toolUseId]) => ({ toolUse: { toolUseId, name, input: { a: 2, b: 3 } } }))] };
  const toolResults = { role: "user", content: ids.map(([name, toolUseId]) => ({ toolResult: { toolUseId, content: [{ text: results[name] }] } })) };
  const body = (messages) => JSON.stringify({ messages, system: [{ text: system }], toolConfig, inferenceConfig: { maxTokens: 4000 } });
  const headers = { "User-Agent": ["aws-sdk-go-v2/1.39.2 os/linux lang/go#1.25.1 api/bedrockruntime#1.40.0"] };
  const contentType = "application/vnd.amazon.eventstream";
  const responseHeaders = { "X-Amzn-Requestid": ["0b7d2c41-8e39-4f2e-a6a1-5c7f9e0d4b22"] };
  return {
    file: "bedrock_converse",
    interactions: [
      { request: request(url, body([user]), headers), response: response(bedrockConverseFrames(first, rng), contentType, "811.4ms", responseHeaders) },
      { request: request(url, body([user, assistant, toolResults]), headers), response: response(bedrockConverseFrames(second, rng), contentType, "640.07ms", responseHeaders) },
    ],
  };
}
