import { bodyText } from "@tapedeck/cassette";
import { providers } from "@tapedeck/fixtures";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReplayError } from "./errors.js";
import { createReplayFetch } from "./replay-fetch.js";
import { loadFixture, recordedRequest } from "./test-fixtures.js";

async function pieces(response: Response): Promise<string[]> {
  const decoder = new TextDecoder();
  const result: string[] = [];
  for await (const piece of response.body!) result.push(decoder.decode(piece));
  return result;
}

describe("createReplayFetch", () => {
  it.each(providers)("replays both %s interactions, event by event, with the recorded status and headers", async (provider) => {
    const cassette = loadFixture(provider);
    const fetch = createReplayFetch(cassette);
    for (const index of [0, 1]) {
      const response = await fetch(...recordedRequest(cassette, index));
      expect(response.status).toBe(200);
      expect(response.statusText).toBe("OK");
      expect(response.headers.get("content-type")).toBe("text/event-stream");
      expect(response.headers.get("content-length")).toBeNull();
      const received = await pieces(response);
      const recorded = bodyText(cassette.interactions[index]!.response.body);
      expect(received.join("")).toBe(recorded);
      // Counted without tapedeck's parser: the recordings end every event with a blank line (LF).
      expect(received).toHaveLength(recorded.split("\n\n").filter((event) => event !== "").length);
      expect(received[0]).toMatch(/^data: \{.*\}\n\n$/);
    }
  });

  it("uses each interaction once, in order, unless allowRepeats", async () => {
    const cassette = loadFixture("novita");
    const fetch = createReplayFetch(cassette);
    await fetch(...recordedRequest(cassette, 0));
    await expect(fetch(...recordedRequest(cassette, 0))).rejects.toThrow(/Nearest: interaction 0 \(already used\)/);
    const repeating = createReplayFetch(cassette, { match: { allowRepeats: true } });
    await repeating(...recordedRequest(cassette, 0));
    expect((await repeating(...recordedRequest(cassette, 0))).status).toBe(200);
  });

  it("names the nearest interaction and shows how a missed request differs", async () => {
    const cassette = loadFixture("fireworks");
    const [url, init] = recordedRequest(cassette, 0);
    const body = JSON.parse(init.body as string);
    body.messages[1].content = "Add 4 and 5";
    const error = await createReplayFetch(cassette)(url, { ...init, body: JSON.stringify(body) }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ReplayError);
    expect(error).toMatchObject({ code: "no-match", nearest: 0 });
    expect(error.differences).toEqual([{ path: "body.messages.1.content", recorded: "Add and multiply the number 2 and 3", sent: "Add 4 and 5" }]);
    expect(error.message).toContain('body.messages.1.content: recorded "Add and multiply the number 2 and 3", sent "Add 4 and 5"');
  });

  it("compares the URL, method and recorded headers", async () => {
    const cassette = loadFixture("novita");
    const [url, init] = recordedRequest(cassette, 0);
    const fetch = createReplayFetch(cassette);
    await expect(fetch(url.replace("openrouter.ai", "example.com"), init)).rejects.toMatchObject({ differences: [{ path: "url" }] });
    await expect(fetch(url, { ...init, headers: { "content-type": "text/plain" } })).rejects.toMatchObject({
      differences: [{ path: "headers.Content-Type", recorded: "application/json", sent: "text/plain" }],
    });
    const lenient = createReplayFetch(cassette, { match: { ignoreHeaders: ["content-type"] } });
    expect((await lenient(url, { ...init, headers: { "content-type": "text/plain", accept: "application/json" } })).status).toBe(200);
  });

  it("leaves out ignored body paths, with wildcards", async () => {
    const cassette = loadFixture("chutes");
    const [url, init] = recordedRequest(cassette, 1);
    const body = JSON.parse(init.body as string);
    // Chutes' recording replaced the tool-call ids with its own; a client sends the provider's.
    body.messages[2].tool_calls[0].id = "functions.add:0";
    body.messages[3].tool_call_id = "functions.add:0";
    const strict = createReplayFetch(cassette);
    await expect(strict(url, { ...init, body: JSON.stringify(body) })).rejects.toMatchObject({ nearest: 1 });
    const lenient = createReplayFetch(cassette, { match: { ignoreBodyPaths: ["messages.*.tool_calls.*.id", "messages.*.tool_call_id"] } });
    expect((await lenient(url, { ...init, body: JSON.stringify(body) })).status).toBe(200);
  });
});

describe("replay timing", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits the recorded time to first byte, divided by speed, and the event delay between events", async () => {
    vi.useFakeTimers();
    const cassette = loadFixture("novita"); // duration: 1.989344792s
    const fetch = createReplayFetch(cassette, { timing: { latency: "recorded", speed: 2, pacing: 10 } });
    let settled = false;
    const pending = fetch(...recordedRequest(cassette, 0)).then((response) => {
      settled = true;
      return response;
    });
    // 1989.344792 ms / 2 = 994.67 ms (timers count whole milliseconds).
    await vi.advanceTimersByTimeAsync(993);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(settled).toBe(true);
    const body = (await pending).body!;
    const began = Date.now();
    const arrivals: number[] = [];
    let done = false;
    const reading = (async () => {
      for await (const _piece of body) arrivals.push(Date.now() - began);
      done = true;
    })();
    while (!done) await vi.advanceTimersByTimeAsync(1);
    await reading;
    // Event k cannot arrive before k event delays (5 ms at speed 2), and all arrive on time.
    expect(arrivals).toHaveLength(30);
    for (const [index, arrival] of arrivals.entries()) expect(arrival).toBeGreaterThanOrEqual(index * 5);
    expect(arrivals.at(-1)).toBeLessThanOrEqual(29 * 5 + 1);
  });

  it("plays a forged recorded time (two weeks) as timing.maxRecordedWait at most, and notes it", async () => {
    vi.useFakeTimers();
    const cassette = loadFixture("novita");
    const interaction = cassette.interactions[0]!;
    const length = new TextEncoder().encode(bodyText(interaction.response.body)).length;
    const twoWeeks = 14 * 24 * 3_600_000;
    interaction.response.duration = "336h0m0s";
    interaction.response.headers = { ...interaction.response.headers, "X-Tapedeck-Pacing": [`10@0,${length - 10}@${twoWeeks}`] };
    const fetch = createReplayFetch(cassette, { timing: { latency: "recorded", pacing: "recorded", maxRecordedWait: 1_000 } });
    let settled = false;
    const pending = fetch(...recordedRequest(cassette, 0)).then((response) => {
      settled = true;
      return response;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    const reader = (await pending).body!.getReader();
    expect((await reader.read()).value).toHaveLength(10);
    const second = reader.read();
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await second).value).toHaveLength(length - 10);
    expect(fetch.notes()).toEqual([
      "interaction 0: its recorded latency of 1209600000 ms is played as 1000 ms (timing.maxRecordedWait)",
      "interaction 0: the recorded wait of 1209600000 ms before piece 1 is played as 1000 ms (timing.maxRecordedWait)",
    ]);
  });

  it("reports at most 20 differences, the first ones in order, however many extra items a request has", async () => {
    const cassette = {
      version: 2 as const,
      layout: loadFixture("novita").layout,
      interactions: [{ id: 0, request: { method: "POST", url: "https://x.test/", body: JSON.stringify({ messages: [1, 2] }) }, response: { code: 200, body: "ok" } }],
    };
    const fetch = createReplayFetch(cassette);
    const sent = JSON.stringify({ messages: Array.from({ length: 100_000 }, (_, index) => index + 1) });
    const miss = (await fetch("https://x.test/", { method: "POST", body: sent }).catch((error: unknown) => error)) as ReplayError;
    expect(miss.differences.map(({ path }) => path)).toEqual(Array.from({ length: 20 }, (_, index) => `body.messages.${index + 2}`));
    expect(miss.differences[0]).toEqual({ path: "body.messages.2", recorded: undefined, sent: 3 });
  });

  it("compares request bodies thousands of levels deep without overflowing the stack", async () => {
    const deep = (depth: number, leaf: number) => `${"[".repeat(depth)}${leaf}${"]".repeat(depth)}`;
    const cassette = {
      version: 2 as const,
      layout: loadFixture("novita").layout,
      interactions: [{ id: 0, request: { method: "POST", url: "https://x.test/", body: deep(50_000, 1) }, response: { code: 200, body: "ok" } }],
    };
    const fetch = createReplayFetch(cassette);
    const miss = await fetch("https://x.test/", { method: "POST", body: deep(50_000, 2) }).catch((error: unknown) => error);
    expect(miss).toBeInstanceOf(ReplayError);
    expect((miss as ReplayError).differences).toHaveLength(1);
    expect((miss as ReplayError).differences[0]!.path).toBe(`body.${Array(50_000).fill("0").join(".")}`);
    expect(await (await fetch("https://x.test/", { method: "POST", body: deep(50_000, 1) })).text()).toBe("ok");
  });
});
