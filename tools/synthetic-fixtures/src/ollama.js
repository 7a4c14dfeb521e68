// Ollama's native API, written from its API reference (docs/api.md: "Generate a chat completion",
// "Generate a completion", streaming and tool calling): one JSON object per line
// (`application/x-ndjson`), `done: true` with the timings last.
import { fragments, random } from "./wire.js";
import { answer, functions, question, results, system, thinking } from "./scenario.js";

const model = "qwen3:8b";
const tools = functions.map((fn) => ({ type: "function", function: fn }));
const userAgent = { "User-Agent": ["ollama/0.12.3 (amd64 linux) Go/go1.25.1"] };

/** Ollama writes `created_at` with nanoseconds, one timestamp per chunk. */
const clock = (start) => {
  let nanoseconds = start;
  return () => {
    nanoseconds += 23_456_789;
    const seconds = Math.floor(nanoseconds / 1e9);
    return `2025-10-01T10:00:${String(seconds).padStart(2, "0")}.${String(nanoseconds % 1e9).padStart(9, "0")}Z`;
  };
};

const ndjson = (chunks) => chunks.map((chunk) => `${JSON.stringify(chunk)}\n`).join("");

const timings = (prompt, evaluated) => ({
  total_duration: 2_120_345_678 + evaluated * 1_000,
  load_duration: 18_234_567,
  prompt_eval_count: prompt,
  prompt_eval_duration: 95_123_456,
  eval_count: evaluated,
  eval_duration: 1_901_234_567,
});

/** A local Ollama request: HTTP/1.1, the Go client's headers. */
const localRequest = (path, body) => ({
  proto: "HTTP/1.1",
  protoMajor: 1,
  protoMinor: 1,
  contentLength: Buffer.byteLength(body),
  host: "",
  body,
  headers: { Accept: ["application/x-ndjson"], "Content-Type": ["application/json"], ...userAgent },
  url: `http://127.0.0.1:11434${path}`,
  method: "POST",
});

const localResponse = (body, duration) => ({
  proto: "HTTP/1.1",
  protoMajor: 1,
  protoMinor: 1,
  contentLength: -1,
  body,
  headers: { "Content-Type": ["application/x-ndjson"], Date: ["Wed, 01 Oct 2025 10:00:00 GMT"] },
  status: "200 OK",
  code: 200,
  duration,
});

/** `/api/chat` twice (thinking then both tool calls in one chunk; then the answer) and `/api/generate` once. */
export function ollamaInteractions(seed) {
  const rng = random(seed);
  const now = clock(0);
  const ids = ["add", "multiply"].map((name) => [name, `call_${rng.text(8, "abcdefghijklmnopqrstuvwxyz0123456789")}`]);

  const first = fragments(thinking, rng, 8).map((piece) => ({ model, created_at: now(), message: { role: "assistant", content: "", thinking: piece }, done: false }));
  first.push({
    model,
    created_at: now(),
    message: { role: "assistant", content: "", tool_calls: ids.map(([name, id], index) => ({ id, function: { index, name, arguments: { a: 2, b: 3 } } })) },
    done: false,
  });
  first.push({ model, created_at: now(), message: { role: "assistant", content: "" }, done: true, done_reason: "stop", ...timings(212, 64) });

  const second = fragments(answer, rng, 5).map((piece) => ({ model, created_at: now(), message: { role: "assistant", content: piece }, done: false }));
  second.push({ model, created_at: now(), message: { role: "assistant", content: "" }, done: true, done_reason: "stop", ...timings(268, 15) });

  const generated = fragments(answer, rng, 7).map((piece) => ({ model, created_at: now(), response: piece, done: false }));
  generated.push({ model, created_at: now(), response: "", done: true, done_reason: "stop", context: [151644, 872, 198, 2212, 323, 30270], ...timings(31, 15) });

  const messages = [
    { role: "system", content: system },
    { role: "user", content: question },
  ];
  const assistant = { role: "assistant", content: "", thinking, tool_calls: ids.map(([name], index) => ({ function: { index, name, arguments: { a: 2, b: 3 } } })) };
  const toolResults = ids.map(([name]) => ({ role: "tool", content: results[name], tool_name: name }));
  const chat = (history) => JSON.stringify({ model, messages: history, stream: true, think: true, tools });
  return {
    file: "ollama",
    interactions: [
      { request: localRequest("/api/chat", chat(messages)), response: localResponse(ndjson(first), "2.431s") },
      { request: localRequest("/api/chat", chat([...messages, assistant, ...toolResults])), response: localResponse(ndjson(second), "1.04s") },
      { request: localRequest("/api/generate", JSON.stringify({ model, prompt: question, system, stream: true })), response: localResponse(ndjson(generated), "980.5ms") },
    ],
  };
}
