import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { useCassettes } from "@tapedeck/vitest";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { upstreamForMode } from "@tapedeck/example-fake-provider";

// The AWS SDK sends over HTTP/2 by default; in replay it finds no keys and asks the
// instance metadata service, which tapedeck answers offline.
useCassettes({ match: { ignoreHosts: true } });

let upstream: Awaited<ReturnType<typeof upstreamForMode>>;
let client: BedrockRuntimeClient;
beforeAll(async () => {
  upstream = await upstreamForMode();
  const keys = process.env.TAPEDECK_MODE === "replay" ? {} : { credentials: { accessKeyId: "AKIAEXAMPLEEXAMPLE00", secretAccessKey: "example-not-a-real-secret" } };
  client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: upstream.url, ...keys });
});
afterAll(() => upstream.close());

const request = { modelId: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user" as const, content: [{ text: "What is the capital of France?" }] }] };

describe("@aws-sdk/client-bedrock-runtime", () => {
  test("Converse", async () => {
    const answer = await client.send(new ConverseCommand(request));
    expect(answer.output?.message?.content).toEqual([{ text: "The capital of France is Paris." }]);
  });

  test("ConverseStream", async () => {
    const answer = await client.send(new ConverseStreamCommand(request));
    let text = "";
    for await (const event of answer.stream!) text += event.contentBlockDelta?.delta?.text ?? "";
    expect(text).toBe("The capital of France is Paris.");
  });
});
