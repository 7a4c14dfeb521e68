import { syncBuiltinESMExports } from "node:module";
import { BatchInterceptor } from "@mswjs/interceptors";
import { ClientRequestInterceptor } from "@mswjs/interceptors/ClientRequest";
import { FetchInterceptor } from "@mswjs/interceptors/fetch";
import { currentHandler } from "../scope.js";
import { watchForBypass } from "./bypass.js";
import { interceptHttp2 } from "./http2.js";

let interceptor: BatchInterceptor<[ClientRequestInterceptor, FetchInterceptor]> | undefined;

/** Where interception was first installed: `"early"` by a setup file (or before any test file ran), `"late"` by a test file. */
let installedBy: "early" | "late" | undefined;

/**
 * Starts intercepting global `fetch`, `node:http`, `node:https` and
 * `node:http2` for the rest of the process (once; later calls do nothing).
 * Test-runner adapters pass `late: true` when they install it from a test
 * file, after its imports ran, so that a bypass report can say so.
 * Requests pass through untouched while no cassette is in use. Call it before
 * clients are created, in a setup file: a client that keeps the `fetch` it
 * found at construction sees only the `fetch` of that moment (and is reported
 * if it reaches the network while a cassette is in use).
 *
 * @example
 * ```ts
 * import { installInterception } from "@tapedeck/vcr";
 * installInterception(); // in a setup file, before any client exists
 * ```
 */
export function installInterception(options: { late?: boolean } = {}): void {
  if (interceptor !== undefined) return;
  installedBy = options.late ? "late" : "early";
  interceptor = new BatchInterceptor({ name: "tapedeck-vcr", interceptors: [new ClientRequestInterceptor(), new FetchInterceptor()] });
  interceptor.on("request", async ({ request, controller }) => {
    const handler = currentHandler();
    if (handler === undefined) return;
    try {
      controller.respondWith(await handler.handle(request));
    } catch (error) {
      controller.errorWith(error as Error);
    }
  });
  interceptor.apply();
  interceptHttp2();
  watchForBypass();
  // `import { request } from "node:http"` binds the export itself: update those bindings too.
  syncBuiltinESMExports();
}

/** Whether interception is installed. */
export function interceptionInstalled(): boolean {
  return interceptor !== undefined;
}

/** Whether a test file, not a setup file, installed interception: clients made while its imports ran may have bypassed it. */
export function installedLate(): boolean {
  return installedBy === "late";
}
