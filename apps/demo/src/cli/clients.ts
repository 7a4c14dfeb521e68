import Anthropic from "@anthropic-ai/sdk";
import { bodyText, type Cassette, type Interaction } from "@tapedeck/cassette";
import { anthropic, type DialectName, type NormalizedMessage, openaiChat, openaiResponses } from "@tapedeck/codec";
import { createReplayFetch } from "@tapedeck/replay";
import OpenAI from "openai";

/** An official client's verdict on one recorded turn, replayed into it. */
export interface ClientVerdict {
  client: string;
  agrees: boolean;
  /** What differed, or what the client threw. */
  detail: string;
}

/** What a user acts on, to compare: text, tool calls (name and arguments) and finish reason. */
export function essentials(message: NormalizedMessage) {
  return { text: message.text, toolCalls: message.toolCalls.map((call) => ({ name: call.name, arguments: call.arguments })), finishReason: message.finishReason };
}

/**
 * Replays one turn into the provider's official TypeScript client, through
 * tapedeck's replay fetch, and compares what the client assembled with the
 * codec's merge. `undefined` where the demo has no client for the dialect or
 * host (Gemini, Bedrock, Anthropic on Vertex or Bedrock).
 */
export async function replayIntoClient(cassette: Cassette, interaction: Interaction, dialect: DialectName, ours: NormalizedMessage): Promise<ClientVerdict | undefined> {
  // The clients write their own headers and bodies: the turn is matched on method and URL.
  const fetch = createReplayFetch({ ...cassette, interactions: [interaction] }, { match: { ignoreBodyPaths: ["*"], ignoreHeaders: true } });
  const body = JSON.parse(bodyText(interaction.request.body)) as Record<string, unknown>;
  const url = new URL(interaction.request.url);
  let client: string;
  let theirs: () => Promise<NormalizedMessage>;
  if (dialect === "openai-chat" || dialect === "openai-responses") {
    client = "openai-node";
    const openai = new OpenAI({ apiKey: "replay", baseURL: `${url.origin}${url.pathname.replace(/\/(chat\/completions|responses)$/, "")}`, fetch, maxRetries: 0 });
    theirs =
      dialect === "openai-chat"
        ? async () => openaiChat.normalize((await openai.chat.completions.stream(body as never).finalChatCompletion()) as never)
        : async () => openaiResponses.normalize((await openai.responses.stream(body as never).finalResponse()) as never);
  } else if (dialect === "anthropic" && url.host === "api.anthropic.com") {
    client = "anthropic-sdk";
    const sdk = new Anthropic({ apiKey: "replay", fetch, maxRetries: 0 });
    theirs = async () => anthropic.normalize((await sdk.messages.stream(body as never).finalMessage()) as never);
  } else {
    return undefined;
  }
  // The Anthropic SDK warns on the console about the recorded model's deprecation date: kept out of the table.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const mine = JSON.stringify(essentials(ours));
    const other = JSON.stringify(essentials(await theirs()));
    return { client, agrees: mine === other, detail: mine === other ? "same text, tool calls and finish" : `differs: ${other}` };
  } catch (error) {
    return { client, agrees: false, detail: `threw: ${String((error as Error).message).split("\n")[0]}` };
  } finally {
    console.warn = warn;
  }
}
