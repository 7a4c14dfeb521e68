import type { ChatCompletionChunk as CodecChunk } from "@tapedeck/codec/openai-chat";
import { expectTypeOf, test } from "vitest";
import type { ChatCompletionChunk, ChatCompletionRequest } from "./index.js";
import type { ChatCompletionChunkSchema } from "./validators.js";
import type { z } from "zod";

test("anything ever recorded can be merged: the generated chunk type fits the codec's", () => {
  expectTypeOf<ChatCompletionChunk>().toExtend<CodecChunk>();
  expectTypeOf<z.infer<typeof ChatCompletionChunkSchema>>().toExtend<CodecChunk>();
});

test("the generated types describe what was sent", () => {
  expectTypeOf<ChatCompletionChunk["choices"][number]["index"]>().toEqualTypeOf<number>();
  expectTypeOf<ChatCompletionChunk["choices"][number]["finish_reason"]>().toEqualTypeOf<null | string>();
  expectTypeOf<ChatCompletionRequest["model"]>().toEqualTypeOf<string>();
  // Not every recorded chunk carries usage: it is optional.
  expectTypeOf<ChatCompletionChunk>().toHaveProperty("usage");
  expectTypeOf<undefined>().toExtend<ChatCompletionChunk["usage"]>();
});
