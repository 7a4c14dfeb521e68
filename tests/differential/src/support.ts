import { readFileSync } from "node:fs";
import { bodyText, type Cassette, cassetteLayouts, parseCassette } from "@tapedeck/cassette";
import { streamPayloads } from "@tapedeck/codec";
import { syntheticCassettePath } from "@tapedeck/fixtures";
import { createReplayFetch } from "@tapedeck/replay";
import { type LanguageModel, streamText } from "ai";

/**
 * A synthetic cassette's interaction, and a fetch that replays only it. Clients
 * write their own request bodies and headers, so matching is on method and URL.
 */
export function recorded(name: string, index: number) {
  const cassette = parseCassette(readFileSync(syntheticCassettePath(name)));
  const interaction = cassette.interactions[index]!;
  return {
    body: interaction.response.body!,
    request: JSON.parse(bodyText(interaction.request.body)) as Record<string, unknown>,
    fetch: replayOnly({ ...cassette, interactions: [interaction] }),
    /** The stream's events, parsed. */
    events: () => streamPayloads(interaction.response.body!).map((payload) => JSON.parse(payload.data) as Record<string, unknown>),
  };
}

/** A fetch answering one request to `url` with this body, for hand-written quirk streams. */
export function serving(url: string, body: string, contentType = "text/event-stream") {
  const cassette: Cassette = {
    version: 2,
    layout: cassetteLayouts.C,
    interactions: [{ id: 0, request: { method: "POST", url, body: "{}" }, response: { code: 200, status: "200 OK", headers: { "Content-Type": [contentType] }, body } }],
  };
  return replayOnly(cassette);
}

function replayOnly(cassette: Cassette) {
  return createReplayFetch(cassette, { match: { ignoreBodyPaths: ["*"], ignoreHeaders: true } });
}

/** What the AI SDK's `streamText` makes of a stream: the values a user acts on. */
export async function aiSdk(model: LanguageModel) {
  const errors: unknown[] = [];
  const result = streamText({ model, prompt: "Add and multiply the number 2 and 3", onError: ({ error }) => void errors.push(error) });
  const content = await result.content;
  return {
    text: await result.text,
    reasoning: await result.reasoningText,
    toolCalls: (await result.toolCalls).map((call) => ({ id: call.toolCallId, name: call.toolName, input: call.input })),
    finishReason: await result.finishReason,
    usage: await result.usage,
    /** Provider metadata of each content part, in order. */
    metadata: content.filter((part) => part.type !== "tool-error").map((part) => ({ type: part.type, metadata: (part as { providerMetadata?: unknown }).providerMetadata })),
    errors: errors.map((error) => String((error as Error).message ?? error)),
  };
}
