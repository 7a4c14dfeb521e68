import chromiumBinary from "@sparticuz/chromium";
import { type Browser, chromium } from "playwright-core";

/**
 * Starts a headless Chromium for the viewer's tests: the one `CHROMIUM_PATH`
 * names, else the build that the npm package `@sparticuz/chromium` ships (so a
 * machine with only Node and npm can run the tests). Launched with plain
 * arguments rather than that package's serverless defaults; the
 * background-networking flags keep it from calling out on a closed network.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (await chromiumBinary.executablePath());
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
