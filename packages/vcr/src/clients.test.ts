
import { join } from "node:path";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText } from "ai";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { startCassette } from "./session/cassette-session.js";
import { useScratchAndUpstream } from "./test-upstream.js";

const scratch = useScratchAndUpstream("tapedeck-vcr-clients-");

/** A cassette with one recorded chat request, and a replay session on it that counts the requests it sees. */
async function replayingOneChat() {
  const path = join(scratch.directory, "chat.yaml");
  const recording = await startCassette({ path, mode: "record" });
  await (await fetch(`${scratch.upstream.url}/v1/chat/completions`, { method: "POST", body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "Paris?" }] }) })).text();
  await recording.stop();
  let requests = 0;
  const session = await startCassette({
    path,
    mode: "replay",
    unused: "keep",
    match: {
      matcher: (request, interaction) => {
        requests += 1;
        return request.body === interaction.request.body ? [] : [{ path: "body", recorded: interaction.request.body, sent: request.body }];
      },
    },
  });
  return { session, requests: () => requests };
}

describe("a miss seen through real clients", () => {
  it("openai-node shows tapedeck's message, and does not retry", async () => {
    const { session, requests } = await replayingOneChat();
    const client = new OpenAI({ apiKey: "sk-test", baseURL: `${scratch.upstream.url}/v1` });
    const error = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "Rome?" }] }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as Error).message).toMatch(/^404 tapedeck: .*chat\.yaml: No recorded interaction matches POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);
    expect(requests()).toBe(1);
    await expect(session.stop()).rejects.toThrow(/No recorded interaction matches/);
  });

  it("the AI SDK shows tapedeck's message, and does not retry", async () => {
    const { session, requests } = await replayingOneChat();
    const provider = createOpenAICompatible({ name: "test", baseURL: `${scratch.upstream.url}/v1`, apiKey: "sk-test" });
    const error = await generateText({ model: provider("m"), prompt: "Rome?" }).catch((reason: unknown) => reason);
    expect(String((error as Error).message)).toContain("tapedeck: ");
    expect(String((error as Error).message)).toContain("No recorded interaction matches POST");
    expect(requests()).toBe(1);
    await expect(session.stop()).rejects.toThrow(/No recorded interaction matches/);
  });
});
