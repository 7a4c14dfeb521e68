import Anthropic from "@anthropic-ai/sdk";
import { bodyText, type Cassette, type Interaction } from "@tapedeck/cassette";
import { type DialectName, dialects, type NormalizedMessage } from "@tapedeck/codec";
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

/** What a client needs to make the recorded request itself: its body, URL, and a fetch that answers from the cassette. */
interface ClientRequest {
  body: Record<string, unknown>;
  url: URL;
  fetch: typeof fetch;
}

/**
 * The demo's runs of each official client a dialect names (`officialClient`):
 * the provider's own merged object, as the client accumulated it; `undefined`
 * where the client does not serve this host or endpoint (Anthropic on Vertex
 * or Bedrock).
 */
const officialClients: Record<string, (request: ClientRequest) => Promise<unknown> | undefined> = {
  openai({ body, url, fetch }) {
    const baseURL = `${url.origin}${url.pathname.replace(/\/(chat\/completions|responses)$/, "")}`;
    const openai = new OpenAI({ apiKey: "replay", baseURL, fetch, maxRetries: 0 });
    if (url.pathname.endsWith("/chat/completions")) return openai.chat.completions.stream(body as never).finalChatCompletion();
    if (url.pathname.endsWith("/responses")) return openai.responses.stream(body as never).finalResponse();
    return undefined;
  },
  "@anthropic-ai/sdk"({ body, url, fetch }) {
    if (url.host !== "api.anthropic.com") return undefined;
    return new Anthropic({ apiKey: "replay", fetch, maxRetries: 0 }).messages.stream(body as never).finalMessage();
  },
};

/** A client's name short enough for the table: `openai-node`, `anthropic-sdk`. */
function label(client: string): string {
  return client === "openai" ? "openai-node" : client.replace(/^@([a-z]+)(?:-ai)?\/sdk$/, "$1-sdk");
}

/**
 * Replays one turn into the provider's official TypeScript client (the one the
 * dialect names), through tapedeck's replay fetch, and compares what the
 * client assembled with the codec's merge. `undefined` where the demo runs no
 * client for the dialect or host.
 */
export async function replayIntoClient(cassette: Cassette, interaction: Interaction, dialect: DialectName, ours: NormalizedMessage): Promise<ClientVerdict | undefined> {
  const client = dialects[dialect].officialClient?.package;
  const run = client === undefined ? undefined : officialClients[client];
  if (client === undefined || run === undefined) return undefined;
  // The clients write their own headers and bodies: the turn is matched on method and URL.
  const fetch = createReplayFetch({ ...cassette, interactions: [interaction] }, { match: { ignoreBodyPaths: ["*"], ignoreHeaders: true } });
  const request = { body: JSON.parse(bodyText(interaction.request.body)) as Record<string, unknown>, url: new URL(interaction.request.url), fetch };
  // The Anthropic SDK warns on the console about the recorded model's deprecation date: kept out of the table.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const pending = run(request);
    if (pending === undefined) return undefined;
    const theirs = dialects[dialect].normalize(await pending);
    const mine = JSON.stringify(essentials(ours));
    const other = JSON.stringify(essentials(theirs));
    return { client: label(client), agrees: mine === other, detail: mine === other ? "same text, tool calls and finish" : `differs: ${other}` };
  } catch (error) {
    return { client: label(client), agrees: false, detail: `threw: ${String((error as Error).message).split("\n")[0]}` };
  } finally {
    console.warn = warn;
  }
}
