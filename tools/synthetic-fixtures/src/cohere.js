// Cohere's v2 Chat API streamed, written from its reference ("Chat with streaming", "Tool use"):
// `event:` + `data:` pairs, every event's `type` in both, a tool plan before the calls, the
// arguments in fragments, `message-end` last with the finish reason and usage.
import { fragments, random } from "./wire.js";
import { answer, functions, preamble, question, request, response, results, system } from "./scenario.js";

const model = "command-a-03-2025";
const tools = functions.map((fn) => ({ type: "function", function: fn }));

const sse = (events) => events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join("");

const start = (id) => ({ id, type: "message-start", delta: { message: { role: "assistant", content: [], tool_plan: "", tool_calls: [], citations: [] } } });
const end = (finish_reason, input, output) => ({
  type: "message-end",
  delta: { finish_reason, usage: { billed_units: { input_tokens: input - 451, output_tokens: output }, tokens: { input_tokens: input, output_tokens: output } } },
});

export function cohereInteractions(seed) {
  const rng = random(seed);
  const uuid = () => `${rng.text(8, "0123456789abcdef")}-${rng.text(4, "0123456789abcdef")}-4${rng.text(3, "0123456789abcdef")}-a${rng.text(3, "0123456789abcdef")}-${rng.text(12, "0123456789abcdef")}`;
  const ids = ["add", "multiply"].map((name) => [name, `${name}_${rng.text(12, "0123456789abcdefghijklmnopqrstuvwxyz")}`]);

  const first = [start(uuid())];
  for (const piece of fragments(preamble, rng, 6)) first.push({ type: "tool-plan-delta", delta: { message: { tool_plan: piece } } });
  ids.forEach(([name, id], index) => {
    first.push({ type: "tool-call-start", index, delta: { message: { tool_calls: { id, type: "function", function: { name, arguments: "" } } } } });
    for (const piece of ['{"a": ', "2, ", '"b": 3}']) first.push({ type: "tool-call-delta", index, delta: { message: { tool_calls: { function: { arguments: piece } } } } });
    first.push({ type: "tool-call-end", index });
  });
  first.push(end("TOOL_CALL", 1502, 71));

  const second = [start(uuid()), { type: "content-start", index: 0, delta: { message: { content: { type: "text", text: "" } } } }];
  for (const text of fragments(answer, rng, 5)) second.push({ type: "content-delta", index: 0, delta: { message: { content: { text } } } });
  second.push({ type: "content-end", index: 0 });
  const sources = ids.map(([, id]) => ({ type: "tool", id: `${id}:0`, tool_output: {} }));
  second.push({ type: "citation-start", index: 0, delta: { message: { citations: { start: 6, end: 7, text: "5", sources: [sources[0]], type: "TEXT_CONTENT" } } } });
  second.push({ type: "citation-end", index: 0 });
  second.push({ type: "citation-start", index: 1, delta: { message: { citations: { start: 19, end: 20, text: "6", sources: [sources[1]], type: "TEXT_CONTENT" } } } });
  second.push({ type: "citation-end", index: 1 });
  second.push(end("COMPLETE", 1610, 16));

  const user = [
    { role: "system", content: system },
    { role: "user", content: question },
  ];
  const assistant = { role: "assistant", tool_plan: preamble, tool_calls: ids.map(([name, id]) => ({ id, type: "function", function: { name, arguments: '{"a": 2, "b": 3}' } })) };
  const toolResults = ids.map(([name, id]) => ({ role: "tool", tool_call_id: id, content: [{ type: "document", document: { data: JSON.stringify({ result: results[name] }) } }] }));
  const body = (messages) => JSON.stringify({ stream: true, model, messages, tools });
  const headers = { "User-Agent": ["cohere-go/v2.15.3"], "X-Fern-Language": ["Go"], "X-Fern-Sdk-Name": ["github.com/cohere-ai/cohere-go/v2"] };
  const responseHeaders = { "X-Debug-Trace-Id": [rng.text(32, "0123456789abcdef")] };
  return {
    file: "cohere",
    interactions: [
      { request: request("https://api.cohere.com/v2/chat", body(user), headers), response: response(sse(first), "text/event-stream", "1.322s", responseHeaders) },
      { request: request("https://api.cohere.com/v2/chat", body([...user, assistant, ...toolResults]), headers), response: response(sse(second), "text/event-stream", "802.6ms", responseHeaders) },
    ],
  };
}
