import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCassette } from "@tapedeck/cassette";
import { streamPayloads } from "@tapedeck/codec";
import { providerCassettePath, providers } from "@tapedeck/fixtures";
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

beforeAll(async () => {
  await build({ configFile, logLevel: "silent", build: { outDir, emptyOutDir: true } });
  server = await preview({ configFile, logLevel: "silent", build: { outDir }, preview: { host: "127.0.0.1", port: 0 } });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(server.resolvedUrls!.local[0]!);
  expect(errors).toEqual([]);
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

describe("the web viewer, in Chromium", () => {
  for (const provider of providers) {
    it(`shows the ${provider} recording, scrubbed through its tool calls`, async () => {
      const cassette = parseCassette(readFileSync(providerCassettePath(provider), "utf8"));
      const chunks = streamPayloads(cassette.interactions[0]!.response.body ?? "").map((payload) => JSON.parse(payload.data) as { choices: Array<{ delta: { tool_calls?: Array<{ index: number }> } }> });
      // Read off the recording: the chunk where the second call (index 1) begins.
      const secondCallStarts = chunks.findIndex((chunk) => chunk.choices[0]?.delta.tool_calls?.some((call) => call.index === 1));

      await page.getByTestId("fixture").selectOption({ label: `multi_tool_streaming_kimi-k2_${provider}` });
      await expect.poll(() => page.getByTestId("cassette-title").innerText()).toContain(`${provider}.yaml · 2 interactions`);
      await page.getByTestId("interaction-0").click();
      expect(await page.getByTestId("position").innerText()).toBe(`${chunks.length} of ${chunks.length} chunks`);

      const complete = await toolCallRows();
      expect(complete).toHaveLength(2);
      expect(complete[0]).toMatch(/\tadd\t\{"a": ?2, ?"b": ?3\}$/);
      expect(complete[1]).toMatch(/\tmultiply\t\{"a": ?2, ?"b": ?3\}$/);
      expect(await page.getByTestId("summary").innerText()).toMatch(/finish\s+tool_calls/);
      expect(await page.getByTestId("validation").innerText()).toBe(`all ${chunks.length} chunks valid`);
      expect(await page.getByTestId("diagnostics").innerText()).toBe("none");

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

  it("reads a dropped cassette, and shows a broken one's error with its position", async () => {
    await page.getByTestId("file").setInputFiles({ name: "broken.yaml", mimeType: "text/yaml", buffer: Buffer.from("---\nversion: 3\ninteractions: []\n") });
    await expect.poll(() => page.getByTestId("error").innerText()).toBe("broken.yaml:2:10: unsupported-version: version is 3; tapedeck reads go-vcr cassettes of version 2");
    await page.getByTestId("file").setInputFiles({ name: "novita.yaml", mimeType: "text/yaml", buffer: readFileSync(providerCassettePath("novita")) });
    await expect.poll(() => page.getByTestId("cassette-title").innerText()).toBe("novita.yaml · 2 interactions");
    expect(await page.getByTestId("error").isHidden()).toBe(true);
    await page.screenshot({ path: `${screenshots}viewer-dropped.png`, fullPage: true });
  });
});
