// OpenAI Responses streams (docs/dialects/openai-responses.md) for api.openai.com and Azure.
import { fragments, random, responsesSse } from "./wire.js";
import { answer, functions, question, request, response, results, system, thinking } from "./scenario.js";

const tools = functions.map(({ name, description, parameters }) => ({ type: "function", name, description, parameters, strict: false }));

function baseResponse({ id, status, model, azure, output, usage, serviceTier }) {
  const value = {
    id,
    object: "response",
    created_at: 1760000000,
    status,
    background: false,
    completed_at: status === "completed" ? 1760000004 : null,
    error: null,
    incomplete_details: null,
    instructions: system,
    max_output_tokens: null,
    model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: "low", summary: "auto" },
    service_tier: serviceTier,
    store: false,
    temperature: 1,
    text: { format: { type: "text" }, verbosity: "medium" },
    tool_choice: "auto",
    tools,
    top_p: 1,
    truncation: "disabled",
    usage,
  };
  if (azure) value.content_filters = status === "completed" ? [] : null;
  return value;
}

/** One turn: lifecycle events around its output items, each item streamed the way docs/dialects/openai-responses.md ("Events") lays out. */
function turnEvents({ rng, azure, id, items, usage }) {
  const model = "gpt-5-2025-08-07";
  const events = [];
  const started = baseResponse({ id, status: "in_progress", model, azure, output: [], usage: null, serviceTier: "auto" });
  events.push({ type: "response.created", response: started }, { type: "response.in_progress", response: started });
  const final = [];
  items.forEach((item, output_index) => {
    const obfuscation = () => rng.text(rng.int(2, 14));
    if (item.type === "reasoning") {
      const done = { id: item.id, type: "reasoning", encrypted_content: item.encrypted[1], summary: [{ type: "summary_text", text: item.summary }] };
      events.push({ type: "response.output_item.added", item: { id: item.id, type: "reasoning", encrypted_content: item.encrypted[0], summary: [] }, output_index });
      const base = { item_id: item.id, output_index, summary_index: 0 };
      events.push({ type: "response.reasoning_summary_part.added", ...base, part: { type: "summary_text", text: "" } });
      for (const delta of fragments(item.summary, rng)) events.push({ type: "response.reasoning_summary_text.delta", ...base, delta, obfuscation: obfuscation() });
      events.push({ type: "response.reasoning_summary_text.done", ...base, text: item.summary });
      events.push({ type: "response.reasoning_summary_part.done", ...base, part: { type: "summary_text", text: item.summary } });
      events.push({ type: "response.output_item.done", item: done, output_index });
      final.push({ ...done, encrypted_content: item.encrypted[2] });
    } else if (item.type === "function_call") {
      const done = { id: item.id, type: "function_call", status: "completed", arguments: item.arguments, call_id: item.call_id, name: item.name };
      events.push({ type: "response.output_item.added", item: { ...done, status: "in_progress", arguments: "" }, output_index });
      // Small calls come in one delta.
      events.push({ type: "response.function_call_arguments.delta", delta: item.arguments, item_id: item.id, obfuscation: obfuscation(), output_index });
      events.push({ type: "response.function_call_arguments.done", arguments: item.arguments, item_id: item.id, output_index });
      events.push({ type: "response.output_item.done", item: done, output_index });
      final.push(done);
    } else {
      const base = { item_id: item.id, output_index, content_index: 0 };
      const part = { type: "output_text", annotations: [], logprobs: [], text: item.text };
      events.push({ type: "response.output_item.added", item: { id: item.id, type: "message", status: "in_progress", content: [], role: "assistant" }, output_index });
      events.push({ type: "response.content_part.added", ...base, part: { ...part, text: "" } });
      for (const delta of fragments(item.text, rng, 6)) events.push({ type: "response.output_text.delta", ...base, delta, logprobs: [], obfuscation: obfuscation() });
      events.push({ type: "response.output_text.done", ...base, logprobs: [], text: item.text });
      events.push({ type: "response.content_part.done", ...base, part });
      const done = { id: item.id, type: "message", status: "completed", content: [part], role: "assistant" };
      events.push({ type: "response.output_item.done", item: done, output_index });
      final.push(done);
    }
  });
  events.push({ type: "response.completed", response: baseResponse({ id, status: "completed", model, azure, output: final, usage, serviceTier: "default" }) });
  return events;
}

const usage = (input, output, reasoning) => ({ input_tokens: input, input_tokens_details: { cached_tokens: 0 }, output_tokens: output, output_tokens_details: { reasoning_tokens: reasoning }, total_tokens: input + output });

/** The two interactions of OpenAI (or Azure): a reasoning item and two calls, then the text answer. */
export function responsesInteractions(azure, seed) {
  const rng = random(seed);
  const url = azure ? "https://tapedeck-synthetic.openai.azure.com/openai/v1/responses" : "https://api.openai.com/v1/responses";
  const encrypted = () => `gAAAAABo${rng.text(120, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")}==`;
  const calls = ["add", "multiply"].map((name) => ({ type: "function_call", id: `fc_${rng.text(48, "0123456789abcdef")}`, call_id: `call_${rng.text(24)}`, name, arguments: '{"a":2,"b":3}' }));
  const reasoning = { type: "reasoning", id: `rs_${rng.text(48, "0123456789abcdef")}`, summary: thinking, encrypted: [encrypted(), encrypted(), encrypted()] };
  const base = (input) => ({ model: "gpt-5", input, instructions: system, tools, reasoning: { effort: "low", summary: "auto" }, include: ["reasoning.encrypted_content"], store: false, stream: true });
  const firstInput = [{ role: "user", content: question }];
  // The client sends calls back as {type, call_id, name, arguments} (arguments byte for byte), never the reasoning item ("Next turn").
  const secondInput = [
    ...firstInput,
    ...calls.map(({ call_id, name, arguments: args }) => ({ type: "function_call", call_id, name, arguments: args })),
    ...calls.map(({ call_id, name }) => ({ type: "function_call_output", call_id, output: results[name] })),
  ];
  const headers = azure ? { "User-Agent": ["OpenAI/Go 2.3.0"] } : { "User-Agent": ["OpenAI/Go 2.3.0"], "Openai-Beta": ["responses=v1"] };
  const first = turnEvents({ rng, azure, id: `resp_${rng.text(48, "0123456789abcdef")}`, items: [reasoning, ...calls], usage: usage(214, 96, 64) });
  const second = turnEvents({ rng, azure, id: `resp_${rng.text(48, "0123456789abcdef")}`, items: [{ type: "message", id: `msg_${rng.text(48, "0123456789abcdef")}`, text: answer }], usage: usage(330, 18, 0) });
  return {
    file: azure ? "openai_responses_azure" : "openai_responses",
    interactions: [
      { request: request(url, JSON.stringify(base(firstInput)), headers), response: response(responsesSse(first), "text/event-stream; charset=utf-8", "741.902ms") },
      { request: request(url, JSON.stringify(base(secondInput)), headers), response: response(responsesSse(second), "text/event-stream; charset=utf-8", "533.2ms") },
    ],
  };
}
