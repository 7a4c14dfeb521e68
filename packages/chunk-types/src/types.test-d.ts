import type { ChatCompletionChunk as CodecChunk } from "@tapedeck/codec/openai-chat";
import type { AnthropicStreamEvent } from "@tapedeck/codec/anthropic";
import type { GenerateContentResponse as CodecGenerateContentResponse } from "@tapedeck/codec/gemini";
import { expectTypeOf, test } from "vitest";
import type { z } from "zod";
import type { anthropic, gemini, openaiChat } from "./index.js";
import type { ChatCompletionChunk } from "./generated/openai-chat/types.js";
import type { openaiChat as chatValidators } from "./validators.js";

test("anything ever recorded can be merged: the generated types fit the codec's", () => {
  expectTypeOf<openaiChat.ChatCompletionChunk>().toExtend<CodecChunk>();
  expectTypeOf<z.infer<typeof chatValidators.ChatCompletionChunkSchema>>().toExtend<CodecChunk>();
  // message_start's nested `message.type` is generated as a string (only the event's own `type` becomes a
  // literal); the codec types it as the literal "message". Every other event type fits as generated.
  expectTypeOf<Exclude<anthropic.MessageStreamEvent, anthropic.MessageStartEvent>>().toExtend<AnthropicStreamEvent>();
  expectTypeOf<gemini.GenerateContentResponse>().toExtend<CodecGenerateContentResponse>();
});

test("the event union narrows on its literal type", () => {
  type Delta = Extract<anthropic.MessageStreamEvent, { type: "content_block_delta" }>;
  expectTypeOf<Delta>().toEqualTypeOf<anthropic.ContentBlockDeltaEvent>();
  expectTypeOf<Delta["index"]>().toEqualTypeOf<number>();
});

test("the generated types describe what was sent", () => {
  expectTypeOf<ChatCompletionChunk>().toEqualTypeOf<openaiChat.ChatCompletionChunk>();
  expectTypeOf<ChatCompletionChunk["choices"][number]["index"]>().toEqualTypeOf<number>();
  expectTypeOf<ChatCompletionChunk["choices"][number]["finish_reason"]>().toEqualTypeOf<null | string>();
  // Not every recorded chunk carries usage: it is optional.
  expectTypeOf<undefined>().toExtend<ChatCompletionChunk["usage"]>();
});
