import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bodyText, parseCassette, serializeCassette } from "@tapedeck/cassette";
import { providerCassettePath, providers, syntheticCassettePath } from "@tapedeck/fixtures";
import type { Browser, Page } from "playwright-core";
import { build, type PreviewServer, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./launch-chromium.js";

const configFile = fileURLToPath(new URL("../../vite.config.ts", import.meta.url));
const outDir = fileURLToPath(new URL("../../test-results/viewer-build/", import.meta.url));
const screenshots = fileURLToPath(new URL("../../test-results/", import.meta.url));

let server: PreviewServer;
let browser: Browser;
let page: Page;
/** Every page error, console error and failed request (404s included) of the whole run. */
const problems: string[] = [];

beforeAll(async () => {
  await build({ configFile, logLevel: "silent", build: { outDir, emptyOutDir: true } });
  server = await preview({ configFile, logLevel: "silent", build: { outDir }, preview: { host: "127.0.0.1", port: 0 } });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(server.resolvedUrls!.local[0]!);
  mkdirSync(screenshots, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
});

async function scrubTo(position: number): Promise<void> {
  await page.getByTestId("scrubber").evaluate((input, value) => {
    (input as HTMLInputElement).value = String(value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, position);
}

const toolCallRows = () => page.getByTestId("tool-calls").locator("tbody tr").allInnerTexts();
const timeline = () => page.getByTestId("events").locator("li").allInnerTexts();

/**
 * Events in a body, counted without tapedeck: a JSON array's elements, NDJSON's lines, SSE `data:` lines
 * that are not `[DONE]`, or AWS frames by their length prelude.
 */
function countEvents(body: string | Uint8Array): number {
  if (typeof body === "string" && body.startsWith("[")) return (JSON.parse(body) as unknown[]).length;
  if (typeof body === "string" && body.startsWith("{")) return body.split("\n").filter((line) => line !== "").length;
  if (typeof body === "string") return body.split(/\r\n|\r|\n/).filter((line) => line.startsWith("data:") && line.slice(5).trim() !== "[DONE]").length;
  let count = 0;
  for (let offset = 0; offset < body.length; count += 1) offset += new DataView(body.buffer, body.byteOffset + offset, 4).getUint32(0);
  return count;
}

async function chooseFixture(group: "recordings" | "synthetic", name: string, interactions = 2): Promise<void> {
  await page.getByTestId("fixture").selectOption(`${group}/${name}.yaml`);
  await expect.poll(() => page.getByTestId("cassette-title").innerText()).toBe(`${name}.yaml · ${interactions} interactions`);
}

describe("the web viewer, in Chromium", () => {
  for (const provider of providers) {
    it(`shows the ${provider} recording, scrubbed through its tool calls`, async () => {
      const cassette = parseCassette(readFileSync(providerCassettePath(provider), "utf8"));
      const body = cassette.interactions[0]!.response.body as string;
      const chunks = body.split("\n").filter((line) => line.startsWith("data: {")).map((line) => JSON.parse(line.slice(6)) as { choices: Array<{ delta: { tool_calls?: Array<{ index: number }> } }> });
      // Read off the recording: the chunk where the second call (index 1) begins.
      const secondCallStarts = chunks.findIndex((chunk) => chunk.choices[0]?.delta.tool_calls?.some((call) => call.index === 1));

      await chooseFixture("recordings", `multi_tool_streaming_kimi-k2_${provider}`);
      await page.getByTestId("interaction-0").click();
      expect(await page.getByTestId("position").innerText()).toBe(`${chunks.length} of ${chunks.length} events`);
      expect(await page.getByTestId("interaction-0").innerText()).toContain(`openai-chat · ${chunks.length} events`);
      const complete = await toolCallRows();
      expect(complete).toHaveLength(2);
      expect(complete[0]).toMatch(/\tadd\t\{"a": ?2, ?"b": ?3\}$/);
      expect(complete[1]).toMatch(/\tmultiply\t\{"a": ?2, ?"b": ?3\}$/);
      expect(await page.getByTestId("summary").innerText()).toMatch(/finish\s+tool_calls/);
      expect(await page.getByTestId("validation").innerText()).toBe(`all ${chunks.length} events valid`);
      expect(await page.getByTestId("diagnostics").innerText()).toBe("none");
      expect(await page.getByTestId("request-line").innerText()).toBe("POST https://openrouter.ai/api/v1/chat/completions");

      await scrubTo(secondCallStarts);
      const partial = await toolCallRows();
      expect(partial).toHaveLength(1);
      expect(partial[0]).toMatch(/\tadd\t/);
      expect(await page.getByTestId("summary").innerText()).toMatch(/finish\s+-/);
      expect(await page.locator("#events li.current").count()).toBe(1);
      await page.screenshot({ path: `${screenshots}viewer-${provider}.png`, fullPage: true });

      await page.getByTestId("interaction-1").click();
      expect(await page.getByTestId("content").innerText()).toMatch(/5[\s\S]*6/);
      expect(await toolCallRows()).toEqual([]);
    }, 60_000);
  }

  // One synthetic cassette per dialect, framing and host; the first event's type and the answers come from the wire formats in docs/dialects.md.
  it.each([
    ["anthropic_direct", "anthropic over sse", "message_start"],
    ["anthropic_vertex", "anthropic over sse", "message_start"],
    ["anthropic_bedrock", "anthropic over aws-event-stream", "message_start"],
    ["openai_responses", "openai-responses over sse", "response.created"],
    ["openai_responses_azure", "openai-responses over sse", "response.created"],
    ["gemini_api", "gemini over sse", "chunk"],
    ["gemini_vertex", "gemini over sse", "chunk"],
    ["bedrock_converse", "bedrock-converse over aws-event-stream", "messageStart"],
    ["gemini_api_json_array", "gemini over json-array", "chunk"],
    ["ollama", "ollama over ndjson", "chunk"],
    ["cohere", "cohere over sse", "message-start"],
  ])("shows %s: %s, each event decoded, the merge at the scrubbed event", async (name, dialect, firstType) => {
    const cassette = parseCassette(readFileSync(syntheticCassettePath(name)));
    const [first, second] = cassette.interactions;
    const events = countEvents(first!.response.body!);
    await chooseFixture("synthetic", name, cassette.interactions.length);
    expect(await page.getByTestId("summary").innerText()).toMatch(new RegExp(`dialect\\s+${dialect}`));
    expect(await page.getByTestId("position").innerText()).toBe(`${events} of ${events} events`);
    const lines = await timeline();
    expect(lines).toHaveLength(events);
    expect(lines[0]).toMatch(new RegExp(`^0\\s*${firstType.replace(".", "\\.")} \\{`));
    expect(await page.getByTestId("request-line").innerText()).toBe(`POST ${first!.request.url}`);
    expect(await page.getByTestId("request-body").textContent()).toContain("Add and multiply the number 2 and 3");
    const calls = await toolCallRows();
    expect(calls.map((row) => row.split("\t").slice(1))).toEqual([
      ["add", expect.stringMatching(/^\{"a": ?2, ?"b": ?3\}$/)],
      ["multiply", expect.stringMatching(/^\{"a": ?2, ?"b": ?3\}$/)],
    ]);
    expect(await page.getByTestId("validation").innerText()).toBe(`all ${events} events valid`);
    await scrubTo(1);
    expect(await toolCallRows()).toEqual([]);
    await page.screenshot({ path: `${screenshots}viewer-${name}.png`, fullPage: true });
    await page.getByTestId("interaction-1").click();
    expect(await page.getByTestId("position").innerText()).toBe(`${countEvents(second!.response.body!)} of ${countEvents(second!.response.body!)} events`);
    expect(await page.getByTestId("content").innerText()).toBe("2 + 3 = 5, and 2 × 3 = 6.");
  }, 60_000);

  it("reads a dropped cassette, resets the fixture menu, and after a broken one shows only its located error", async () => {
    await chooseFixture("synthetic", "anthropic_direct");
    await page.getByTestId("file").setInputFiles({ name: "broken.yaml", mimeType: "text/yaml", buffer: Buffer.from("---\nversion: 3\ninteractions: []\n") });
    await expect.poll(() => page.getByTestId("error").innerText()).toBe("broken.yaml:2:10: unsupported-version: version is 3; tapedeck reads go-vcr cassettes of version 2");
    expect(await page.getByTestId("cassette-title").innerText()).toBe("Interactions");
    expect(await page.getByTestId("interactions").locator("li").count()).toBe(0);
    expect(await timeline()).toEqual([]);
    expect(await page.getByTestId("content").innerText()).toBe("");
    expect(await page.getByTestId("request-line").innerText()).toBe("");
    expect(await toolCallRows()).toEqual([]);
    expect(await page.getByTestId("fixture").inputValue()).toBe("");

    await page.getByTestId("file").setInputFiles({ name: "novita.yaml", mimeType: "text/yaml", buffer: readFileSync(providerCassettePath("novita")) });
    await expect.poll(() => page.getByTestId("cassette-title").innerText()).toBe("novita.yaml · 2 interactions");
    expect(await page.getByTestId("error").isHidden()).toBe(true);
    await page.screenshot({ path: `${screenshots}viewer-dropped.png`, fullPage: true });
  });

  it("counts a CRLF stream's events the same in the list and the timeline", async () => {
    const cassette = parseCassette(readFileSync(providerCassettePath("novita"), "utf8"));
    const interaction = cassette.interactions[0]!;
    const crlf = { ...cassette, interactions: [{ ...interaction, response: { ...interaction.response, body: bodyText(interaction.response.body).replaceAll("\n", "\r\n") } }] };
    await page.getByTestId("file").setInputFiles({ name: "crlf.yaml", mimeType: "text/yaml", buffer: Buffer.from(serializeCassette(crlf)) });
    await expect.poll(() => page.getByTestId("cassette-title").innerText()).toBe("crlf.yaml · 1 interactions");
    // 29 JSON events before [DONE] in the recording.
    expect(await page.getByTestId("interaction-0").innerText()).toContain("openai-chat · 29 events");
    expect(await page.getByTestId("position").innerText()).toBe("29 of 29 events");
    expect(await timeline()).toHaveLength(29);
  });

  it("shows a tool call's whole arguments, and fits a window under 700 px without sideways scrolling", async () => {
    await chooseFixture("synthetic", "bedrock_converse");
    const cell = page.getByTestId("tool-calls").locator("tbody tr").first().locator("td").last();
    expect(await cell.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 600, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
    expect(await cell.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
    await page.screenshot({ path: `${screenshots}viewer-narrow.png`, fullPage: true });
    await page.setViewportSize({ width: 1500, height: 1000 });
  });

  it("met no page error, console error or failed request on the way", () => {
    expect(problems).toEqual([]);
  });
});
