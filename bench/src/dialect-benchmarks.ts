import { parseAwsEventStream, serializeAwsEventStream } from "@tapedeck/aws-event-stream";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { aiSdkFor, type DialectCase, dialectCases, serve } from "./dialect-inputs.js";
import { floorAlone } from "./floor-comparison.js";
import { log, mark, measure, ms, ratio, results } from "./report.js";

/** What a merge says the stream held: its text and tool inputs, to check contenders agree before timing them. */
function essence(item: DialectCase, merged: unknown): string {
  const normalized = item.dialect.normalize(merged);
  return normalized.text + normalized.toolCalls.map((call) => JSON.stringify(call.arguments)).join("");
}

export async function dialectBenchmarks(): Promise<void> {
  log("## Merge, every dialect");
  log();
  log("Each stream is a canonical split (4-character deltas) of a 100 KB answer or of two 20 KB tool inputs. tapedeck (stream) reads the bytes in 64 KiB");
  log("pieces, like the official accumulator fed the same bytes through its client's fetch; tapedeck (events) merges the events' JSON texts, like the floor parses them.");
  log("Where the provider's SDK has no accumulator (Gemini, Bedrock), the AI SDK's provider stands in. The floor and tapedeck (events) are timed side by side alone in a fresh process per stream (the target),");
  log("and again in this process, where every dialect has been merged first, as in a test suite that replays many providers' cassettes; the official clients are timed together in this process.");
  log();
  log("| stream | events | JSON.parse floor ms | tapedeck (events) ms | ÷ floor (≤ 1.3×) | ÷ floor, every dialect warm | tapedeck (stream) ms | official | official ms | official ÷ tapedeck (≥ 2×) | AI SDK ms | AI SDK ÷ tapedeck |");
  log("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
  const rows = [];
  const cases = dialectCases();
  // Every dialect merged a few times first: the merge code they share has then seen them all.
  for (const item of cases) for (let round = 0; round < 3; round += 1) item.dialect.mergeEvents(item.payloads);
  for (const [index, item] of cases.entries()) {
    const reference = essence(item, item.dialect.merge(item.body, { framing: item.framing }).merged);
    const fromEvents = item.dialect.mergeEvents(item.payloads);
    if (essence(item, fromEvents.merged) !== reference || fromEvents.diagnostics.length > 0) throw new Error(`${item.name}: merging the events does not give what merging the stream gives`);
    const theirs = await item.official.run(serve(item));
    const aiSdk = item.framing === "sse" ? aiSdkFor[item.dialect.name] : undefined;
    const agree = theirs === reference && (aiSdk === undefined || (await aiSdk.run(serve(item))) === reference);
    const alone = floorAlone("dialect", index);
    // The same two here, on their own: the contenders below make far more garbage, which would be collected during whichever run came next.
    const shared = await measure(
      {
        floor: () => item.payloads.map((payload) => JSON.parse(payload)),
        events: () => item.dialect.mergeEvents(item.payloads),
      },
      { iterations: 15, time: 1500 },
    );
    const contenders = await measure(
      {
        bytes: () => {
          const merger = item.dialect.createStreamMerger({ framing: item.framing });
          for (const piece of item.pieces) merger.feed(piece);
          return merger.finish();
        },
        official: () => item.official.run(serve(item)),
        ...(aiSdk === undefined ? {} : { aiSdk: () => aiSdk.run(serve(item)) }),
      },
      { iterations: 15, time: 1500 },
    );
    const times: Record<string, number> = { ...contenders, floor: alone.floor, events: alone.merge };
    const row = {
      stream: item.name,
      events: item.events,
      official: item.official.name,
      ...times,
      eventsOverFloor: alone.merge / alone.floor,
      sharedProcess: { floor: shared.floor!, events: shared.events! },
      sharedOverFloor: shared.events! / shared.floor!,
      officialOverTapedeck: times.official! / times.bytes!,
      aiSdkOverTapedeck: times.aiSdk === undefined ? undefined : times.aiSdk / times.bytes!,
      agree,
    };
    rows.push(row);
    log(
      `| ${item.name} | ${item.events.toLocaleString("en")} | ${ms(times.floor!)} | ${ms(times.events!)} | ${ratio(row.eventsOverFloor)} ${mark(row.eventsOverFloor <= 1.3)} | ${ratio(row.sharedOverFloor)} | ${ms(times.bytes!)} | ${item.official.name} | ${ms(times.official!)} | ${ratio(row.officialOverTapedeck)} ${item.official.accumulates === false ? "n/a (no accumulator)" : mark(row.officialOverTapedeck >= 2)} | ${times.aiSdk === undefined ? "-" : ms(times.aiSdk)} | ${row.aiSdkOverTapedeck === undefined ? "-" : ratio(row.aiSdkOverTapedeck)} |`,
    );
  }
  log();
  const disagreements = rows.filter((row) => !row.agree).map((row) => row.stream);
  log(disagreements.length === 0 ? "Every contender merged the same text and tool inputs as tapedeck on every stream (checked before timing)." : `Disagreed with tapedeck on: ${disagreements.join(", ")}.`);
  log();
  results.dialects = rows;
}

export async function framingBenchmarks(): Promise<void> {
  log("## AWS event-stream framing");
  log();
  const payload = (index: number) => new TextEncoder().encode(JSON.stringify({ bytes: btoa(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"chunk ${index}"}}`), p: "abcdefghijklmnop" }));
  const messages = Array.from({ length: 20_000 }, (_, index) => ({
    headers: [
      { name: ":event-type", type: "string" as const, value: "chunk" },
      { name: ":content-type", type: "string" as const, value: "application/json" },
      { name: ":message-type", type: "string" as const, value: "event" },
    ],
    payload: payload(index),
  }));
  const bytes = serializeAwsEventStream(messages);
  const smithy = new EventStreamCodec(
    (value) => new TextDecoder().decode(value),
    (value) => new TextEncoder().encode(value),
  );
  const smithyMessages = messages.map((message) => ({ headers: Object.fromEntries(message.headers.map(({ name, type, value }) => [name, { type, value }])), body: message.payload }));
  const times = await measure(
    {
      tapedeckDecode: () => parseAwsEventStream(bytes).length,
      smithyDecode: () => {
        // AWS's codec decodes one whole message at a time: the stream is cut by each message's length prefix.
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        let count = 0;
        for (let offset = 0; offset < bytes.length; ) {
          const length = view.getUint32(offset);
          smithy.decode(bytes.subarray(offset, offset + length));
          offset += length;
          count += 1;
        }
        return count;
      },
      tapedeckEncode: () => serializeAwsEventStream(messages).length,
      smithyEncode: () => smithyMessages.map((message) => smithy.encode(message as never)).length,
    },
    { iterations: 15, time: 1500 },
  );
  log(`${messages.length.toLocaleString("en")} Bedrock-shaped messages (${(bytes.length / 2 ** 20).toFixed(1)} MiB), decoded with both CRCs checked and encoded, against AWS's own \`@smithy/eventstream-codec\`:`);
  log();
  log("| | tapedeck ms | @smithy/eventstream-codec ms | smithy ÷ tapedeck |");
  log("|---|---:|---:|---:|");
  log(`| decode | ${ms(times.tapedeckDecode!)} | ${ms(times.smithyDecode!)} | ${ratio(times.smithyDecode! / times.tapedeckDecode!)} |`);
  log(`| encode | ${ms(times.tapedeckEncode!)} | ${ms(times.smithyEncode!)} | ${ratio(times.smithyEncode! / times.tapedeckEncode!)} |`);
  log();
  results.framing = times;
}
