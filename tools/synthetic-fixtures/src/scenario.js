// The scenario every synthetic cassette records, the same as the five real recordings:
// two tool calls (add and multiply, both {"a": 2, "b": 3}), then the tool results and a text answer.

export const system = "You are a helpful assistant. Always use both add and multiply at the same time.";
export const question = "Add and multiply the number 2 and 3";
export const preamble = "I'll add and multiply 2 and 3 at the same time.";
export const thinking = "The user wants both the sum and the product of 2 and 3, so I call add and multiply together.";
export const answer = "2 + 3 = 5, and 2 × 3 = 6.";
export const results = { add: "5", multiply: "6" };

/** The two functions, as JSON Schema. */
export const functions = [
  { name: "add", description: "Add two numbers" },
  { name: "multiply", description: "Multiply two numbers" },
].map((tool) => ({
  ...tool,
  parameters: {
    type: "object",
    properties: { a: { type: "integer", description: "first number" }, b: { type: "integer", description: "second number" } },
    required: ["a", "b"],
  },
}));

/** A go-vcr request, as the Go clients of the recordings send one. */
export function request(url, body, headers = {}) {
  return {
    proto: "HTTP/1.1",
    protoMajor: 1,
    protoMinor: 1,
    contentLength: Buffer.byteLength(body),
    host: "",
    body,
    headers: { Accept: ["application/json"], "Content-Type": ["application/json"], ...headers },
    url,
    method: "POST",
  };
}

/** A go-vcr streamed response. */
export function response(body, contentType, duration, extraHeaders = {}) {
  return {
    proto: "HTTP/2.0",
    protoMajor: 2,
    protoMinor: 0,
    contentLength: -1,
    body,
    headers: { "Content-Type": [contentType], ...extraHeaders },
    status: "200 OK",
    code: 200,
    duration,
  };
}
