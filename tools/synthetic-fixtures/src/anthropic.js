// Anthropic Messages streams (docs/dialects/anthropic.md) for the direct API, Vertex AI and Bedrock.
import { anthropicSse, bedrockInvokeFrames, fragments, random } from "./wire.js";
import { answer, functions, preamble, question, request, response, results, system, thinking } from "./scenario.js";

const tools = functions.map(({ name, description, parameters }) => ({ name, description, input_schema: parameters }));

/** The events of a turn: optional thinking, optional text, tool calls or not, with the quirks of each host. */
function turnEvents({ host, rng, ids, model, text, calls, withThinking, startUsage, finalUsage, stopReason }) {
  const events = [];
  const message = { id: ids.message, type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: startUsage };
  // Newer direct-API recordings put the model first.
  events.push({ type: "message_start", message: host === "direct" ? { model, ...message } : message });
  if (host === "vertex") events.push({ type: "ping" });
  let index = 0;
  if (withThinking) {
    events.push({ type: "content_block_start", index, content_block: { type: "thinking", thinking: "", signature: "" } });
    if (host === "direct") events.push({ type: "ping" });
    for (const piece of fragments(thinking, rng)) events.push({ type: "content_block_delta", index, delta: { type: "thinking_delta", thinking: piece } });
    events.push({ type: "content_block_delta", index, delta: { type: "thinking_delta", thinking: "" } });
    events.push({ type: "content_block_delta", index, delta: { type: "signature_delta", signature: ids.signature } });
    events.push({ type: "content_block_stop", index });
    index += 1;
  }
  if (text !== undefined) {
    events.push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
    if (host === "direct" && !withThinking) events.push({ type: "ping" });
    for (const piece of fragments(text, rng)) events.push({ type: "content_block_delta", index, delta: { type: "text_delta", text: piece } });
    events.push({ type: "content_block_stop", index });
    index += 1;
  }
  for (const [name, id] of calls) {
    const block = { type: "tool_use", id, name, input: {} };
    events.push({ type: "content_block_start", index, content_block: host === "direct" ? { ...block, caller: { type: "direct" } } : block });
    events.push({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: "" } });
    for (const piece of ['{"a": 2', ', "b": 3}']) events.push({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: piece } });
    events.push({ type: "content_block_stop", index });
    index += 1;
  }
  events.push({ type: "message_delta", delta: { stop_reason: stopReason, stop_sequence: null }, usage: finalUsage });
  const stop = { type: "message_stop" };
  if (host === "bedrock") stop["amazon-bedrock-invocationMetrics"] = { inputTokenCount: finalUsage.input_tokens ?? startUsage.input_tokens, outputTokenCount: finalUsage.output_tokens, invocationLatency: 1532, firstByteLatency: 611 };
  events.push(stop);
  return events;
}

/** The assistant turn as a client sends it back ("Next turn"): thinking and signature byte for byte, `caller` dropped, input re-encoded with sorted keys. */
function assistantTurn({ ids, calls, withThinking }) {
  const content = [];
  if (withThinking) content.push({ type: "thinking", thinking, signature: ids.signature });
  content.push({ type: "text", text: preamble });
  for (const [name, id] of calls) content.push({ type: "tool_use", id, name, input: { a: 2, b: 3 } });
  return { role: "assistant", content };
}

const hosts = {
  direct: {
    file: "anthropic_direct",
    url: "https://api.anthropic.com/v1/messages",
    model: "claude-sonnet-4-5-20250929",
    infix: "",
    body: (messages) => ({ max_tokens: 4000, messages, model: "claude-sonnet-4-5-20250929", system, thinking: { budget_tokens: 1024, type: "enabled" }, tools, stream: true }),
    headers: { "Anthropic-Version": ["2023-06-01"], "User-Agent": ["Anthropic/Go 1.13.0"] },
    responseHeaders: { "Request-Id": ["req_011CSynthetic"] },
    thinking: true,
    usage: (input, output) => ({ input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 }, output_tokens: output, service_tier: "standard" }),
    final: (input, output) => ({ input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: output }),
  },
  vertex: {
    file: "anthropic_vertex",
    url: "https://us-east5-aiplatform.googleapis.com/v1/projects/tapedeck-synthetic/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict",
    model: "claude-sonnet-4-5-20250929",
    infix: "vrtx_",
    body: (messages) => ({ anthropic_version: "vertex-2023-10-16", max_tokens: 4000, messages, system, tools, stream: true }),
    headers: { "User-Agent": ["Anthropic/Go 1.13.0"] },
    responseHeaders: {},
    thinking: false,
    usage: (input, output) => ({ input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: output }),
    final: (_input, output) => ({ output_tokens: output }),
  },
  bedrock: {
    file: "anthropic_bedrock",
    url: "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke-with-response-stream",
    model: "claude-sonnet-4-5-20250929",
    infix: "bdrk_",
    body: (messages) => ({ anthropic_version: "bedrock-2023-05-31", max_tokens: 4000, messages, system, tools }),
    headers: { "User-Agent": ["Anthropic/Go 1.13.0"] },
    responseHeaders: { "X-Amzn-Requestid": ["6f1c2b0e-5a55-4e0f-9b4e-2d0c1e7f3a11"] },
    thinking: false,
    usage: (input, output) => ({ input_tokens: input, output_tokens: output }),
    final: (_input, output) => ({ output_tokens: output }),
  },
};

/** The two interactions of one host, as go-vcr records them. */
export function anthropicInteractions(name, seed) {
  const host = hosts[name];
  const rng = random(seed);
  const ids = {
    message: `msg_${host.infix}01${rng.text(22)}`,
    signature: `Er${rng.text(86, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}==`,
  };
  const calls = [
    ["add", `toolu_${host.infix}01${rng.text(22)}`],
    ["multiply", `toolu_${host.infix}01${rng.text(22)}`],
  ];
  const firstMessages = [{ role: "user", content: [{ type: "text", text: question }] }];
  const first = turnEvents({ host: name, rng, ids, model: host.model, text: preamble, calls, withThinking: host.thinking, startUsage: host.usage(612, 8), finalUsage: host.final(612, 189), stopReason: "tool_use" });
  const secondMessages = [
    ...firstMessages,
    assistantTurn({ ids, calls, withThinking: host.thinking }),
    { role: "user", content: calls.map(([call, id]) => ({ type: "tool_result", tool_use_id: id, content: results[call] })) },
  ];
  const second = turnEvents({ host: name, rng, ids: { message: `msg_${host.infix}01${rng.text(22)}` }, model: host.model, text: answer, calls: [], withThinking: false, startUsage: host.usage(845, 2), finalUsage: host.final(845, 21), stopReason: "end_turn" });
  const body = (events) => (name === "bedrock" ? bedrockInvokeFrames(events, rng) : anthropicSse(events, rng));
  const contentType = name === "bedrock" ? "application/vnd.amazon.eventstream" : "text/event-stream; charset=utf-8";
  return {
    file: host.file,
    interactions: [
      { request: request(host.url, JSON.stringify(host.body(firstMessages)), host.headers), response: response(body(first), contentType, "1.318402s", host.responseHeaders) },
      { request: request(host.url, JSON.stringify(host.body(secondMessages)), host.headers), response: response(body(second), contentType, "902.11ms", host.responseHeaders) },
    ],
  };
}
