import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { bedrockConverse } from "@tapedeck/codec/bedrock-converse";
import { describe, expect, it } from "vitest";
import { aiSdk, recorded } from "./support.js";

// tapedeck's ConverseStream merge against the AI SDK's Amazon Bedrock provider, on the same bytes.

describe("the AI SDK's Amazon Bedrock provider (streamText, ConverseStream)", () => {
  it("agrees on bedrock_converse: text begun by a delta, tool inputs joined and parsed, usage, finish", async () => {
    for (const index of [0, 1]) {
      const { fetch, body } = recorded("bedrock_converse", index);
      const theirs = await aiSdk(createAmazonBedrock({ region: "us-east-1", accessKeyId: "test", secretAccessKey: "test", fetch })("us.amazon.nova-pro-v1:0"));
      const ours = bedrockConverse.normalize(bedrockConverse.merge(body).merged);
      expect(theirs.errors).toEqual([]);
      expect(theirs.text).toBe(ours.text);
      expect(theirs.toolCalls).toEqual(ours.toolCalls.map(({ id, name, arguments: input }) => ({ id, name, input })));
      expect(theirs.usage).toMatchObject({ inputTokens: ours.usage!.inputTokens, outputTokens: ours.usage!.outputTokens, totalTokens: ours.usage!.totalTokens });
      expect(theirs.finishReason).toBe(index === 0 ? "tool-calls" : "stop");
    }
  });
});
