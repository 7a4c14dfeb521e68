// OpenAI legacy completions (`POST /v1/completions`), written from OpenAI's API reference
// ("Create completion", stream: true) and vLLM's OpenAI-compatible server: `data:` chunks of
// `text_completion` objects, `data: [DONE]` last. Completions have no tools, so the scenario
// is the prompt and its text answer only.
import { fragments, random } from "./wire.js";
import { answer, question, request, response, system } from "./scenario.js";

const prompt = `${system}\n\nUser: ${question}\nAssistant:`;

/** One SSE `data:` line per chunk, compact JSON, then the terminator. */
const sse = (chunks) => `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("")}data: [DONE]\n\n`;

/** OpenAI: `system_fingerprint` on no chunk, `logprobs: null`, a usage-only chunk with `choices: []` (stream_options.include_usage). */
function openai(rng) {
  const id = `cmpl-${rng.text(29)}`;
  const base = { id, object: "text_completion", created: 1760000000, model: "gpt-3.5-turbo-instruct:20230824-v2" };
  const pieces = fragments(` ${answer}`, rng, 6);
  const chunks = pieces.map((text, index) => ({ ...base, choices: [{ text, index: 0, logprobs: null, finish_reason: index === pieces.length - 1 ? "stop" : null }] }));
  chunks.push({ ...base, choices: [], usage: { prompt_tokens: 38, completion_tokens: 17, total_tokens: 55 } });
  const body = JSON.stringify({ model: "gpt-3.5-turbo-instruct", prompt, max_tokens: 256, stream: true, stream_options: { include_usage: true } });
  return {
    request: request("https://api.openai.com/v1/completions", body, { "User-Agent": ["OpenAI/Go 2.3.0"] }),
    response: response(sse(chunks), "text/event-stream; charset=utf-8", "904.112ms", { "Openai-Processing-Ms": ["96"] }),
  };
}

/** vLLM: `stop_reason` beside `finish_reason`, the last text chunk with `finish_reason: "length"`, usage on that chunk. */
function vllm(rng) {
  const id = `cmpl-${rng.text(32, "0123456789abcdef")}`;
  const base = { id, object: "text_completion", created: 1760000100, model: "Qwen/Qwen2.5-7B-Instruct" };
  const pieces = fragments(` ${answer}`, rng, 4);
  const chunks = pieces.map((text, index) => {
    const last = index === pieces.length - 1;
    const choice = { index: 0, text, logprobs: null, finish_reason: last ? "length" : null, stop_reason: null };
    return last ? { ...base, choices: [choice], usage: { prompt_tokens: 41, total_tokens: 57, completion_tokens: 16 } } : { ...base, choices: [choice] };
  });
  const body = JSON.stringify({ model: "Qwen/Qwen2.5-7B-Instruct", prompt, max_tokens: 16, stream: true, stream_options: { include_usage: true, continuous_usage_stats: false } });
  return {
    request: request("http://127.0.0.1:8000/v1/completions", body, { "User-Agent": ["OpenAI/Go 2.3.0"] }),
    response: { ...response(sse(chunks), "text/event-stream; charset=utf-8", "412.9ms"), proto: "HTTP/1.1", protoMajor: 1, protoMinor: 1 },
  };
}

/** OpenAI's and a vLLM server's answer to the same prompt. */
export function completionsInteractions(seed) {
  const rng = random(seed);
  return { file: "openai_completions", interactions: [openai(rng), vllm(rng)] };
}
