// Gemini streams (docs/dialects/gemini.md) for the Gemini API (Gemini 3) and Vertex AI (Gemini 2.5).
import { fragments, geminiJsonArray, geminiSse, random } from "./wire.js";
import { answer, functions, question, request, response, results, system, thinking } from "./scenario.js";

const declarations = [{ functionDeclarations: functions }];

/** The two interactions of one host; `jsonArray` asks without `alt=sse` (docs/framings.md, "json-array"), for one JSON array. */
export function geminiInteractions(vertex, seed, jsonArray = false) {
  const rng = random(seed);
  const model = vertex ? "gemini-2.5-flash" : "gemini-3-pro-preview";
  const url = vertex
    ? "https://us-central1-aiplatform.googleapis.com/v1/projects/tapedeck-synthetic/locations/us-central1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
    : `https://generativelanguage.googleapis.com/v1beta/models/gemini-3-pro-preview:streamGenerateContent${jsonArray ? "" : "?alt=sse"}`;
  const signature = () => `Cq${rng.text(70, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}==`;
  const responseId = () => rng.text(22, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
  const createTime = "2025-10-01T10:00:00.123456Z";
  const calls = ["add", "multiply"].map((name) => ({ name, args: { a: 2, b: 3 }, ...(vertex ? {} : { id: rng.text(8, "abcdefghijklmnopqrstuvwxyz0123456789") }) }));
  const callSignature = signature();

  /** One chunk in each host's layout: `{parts, role}` and `index` on the API; `{role, parts}`, no index and `createTime` on Vertex. */
  const chunk = (id, parts, usage, finish = {}) => {
    const content = vertex ? { role: "model", parts } : { parts, role: "model" };
    const candidate = vertex ? { content, ...finish } : { content, ...finish, index: 0 };
    return vertex ? { candidates: [candidate], usageMetadata: usage, modelVersion: model, createTime, responseId: id } : { candidates: [candidate], usageMetadata: usage, modelVersion: model, responseId: id };
  };
  const usage = (prompt, candidates, thoughts) => {
    const value = { promptTokenCount: prompt, ...(candidates === undefined ? {} : { candidatesTokenCount: candidates }), totalTokenCount: prompt + (candidates ?? 0) + (thoughts ?? 0) };
    if (thoughts !== undefined) value.thoughtsTokenCount = thoughts;
    if (vertex) value.trafficType = "ON_DEMAND";
    return value;
  };
  const midUsage = (prompt, candidates, thoughts) => (vertex ? { trafficType: "ON_DEMAND" } : usage(prompt, candidates, thoughts));

  // Turn 1: a thought summary in a chunk of its own, then the calls (signature on the first only), then a trailing empty part (Gemini 3).
  const first = [];
  const id1 = responseId();
  first.push(chunk(id1, [{ text: thinking, thought: true }], midUsage(96, undefined, 41)));
  if (vertex) {
    first.push(chunk(id1, [{ functionCall: calls[0], thoughtSignature: callSignature }], midUsage()));
    first.push(chunk(id1, [{ functionCall: calls[1] }], usage(96, 22, 41), { finishReason: "STOP" }));
  } else {
    first.push(chunk(id1, [{ functionCall: calls[0], thoughtSignature: callSignature }, { functionCall: calls[1] }], usage(96, 22, 41)));
    first.push(chunk(id1, [{ text: "" }], usage(96, 22, 41), { finishReason: "STOP", finishMessage: "Model generated function call(s)." }));
  }

  // Turn 2: the text answer; Gemini 3 signs it on a trailing empty part, Vertex 2.5 on the first fragment.
  const second = [];
  const id2 = responseId();
  const answerSignature = signature();
  const pieces = fragments(answer, rng, 10);
  pieces.forEach((text, index) => {
    const part = vertex && index === 0 ? { text, thoughtSignature: answerSignature } : { text };
    const last = index === pieces.length - 1;
    second.push(chunk(id2, [part], last && vertex ? usage(160, 14) : midUsage(160, index + 1), last && vertex ? { finishReason: "STOP" } : {}));
  });
  if (!vertex) second.push(chunk(id2, [{ text: "", thoughtSignature: answerSignature }], usage(160, 14), { finishReason: "STOP" }));

  const body = (contents) => ({ contents, systemInstruction: { parts: [{ text: system }], role: "user" }, tools: declarations, generationConfig: { thinkingConfig: { includeThoughts: true } } });
  const user = { parts: [{ text: question }], role: "user" };
  // The client sends the calls back with their signature on the same part; thought and empty parts are dropped; Vertex rejects ids ("Next turn").
  const model_ = {
    parts: calls.map((call, index) => ({ functionCall: { args: { a: 2, b: 3 }, ...(call.id ? { id: call.id } : {}), name: call.name }, ...(index === 0 ? { thoughtSignature: callSignature } : {}) })),
    role: "model",
  };
  const toolResults = { parts: calls.map((call) => ({ functionResponse: { ...(call.id ? { id: call.id } : {}), name: call.name, response: { result: results[call.name] } } })), role: "user" };
  const headers = vertex ? { "User-Agent": ["google-genai-sdk/1.30.0 gl-go/go1.25.1"] } : { "User-Agent": ["google-genai-sdk/1.30.0 gl-go/go1.25.1"], "X-Goog-Api-Client": ["google-genai-sdk/1.30.0 gl-go/go1.25.1"] };
  const stream = (chunks, duration) =>
    jsonArray ? response(geminiJsonArray(chunks), "application/json; charset=UTF-8", duration) : response(geminiSse(chunks), "text/event-stream", duration);
  return {
    file: vertex ? "gemini_vertex" : jsonArray ? "gemini_api_json_array" : "gemini_api",
    interactions: [
      { request: request(url, JSON.stringify(body([user])), headers), response: stream(first, "2.014876s") },
      { request: request(url, JSON.stringify(body([user, model_, toolResults])), headers), response: stream(second, "1.2045s") },
    ],
  };
}
