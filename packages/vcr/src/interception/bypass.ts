import { subscribe } from "node:diagnostics_channel";
import { currentHandler } from "../scope.js";
import { isOwnRequest } from "./network.js";

interface UndiciRequestCreate {
  request: { method?: string; origin?: string | URL; path?: string };
}

let watching = false;

/**
 * Watches the requests Node's own `fetch` (undici) sends. One that tapedeck did
 * not send itself, made while a cassette is in use, went past the
 * interception: a client that kept the `fetch` it found before interception
 * was installed. It is reported to that cassette, which fails the test: it
 * would pass here, with the network, and fail in CI without it.
 */
export function watchForBypass(): void {
  if (watching) return;
  watching = true;
  subscribe("undici:request:create", (message) => {
    if (isOwnRequest()) return;
    const handler = currentHandler();
    if (handler === undefined) return;
    const { request } = message as UndiciRequestCreate;
    handler.reportBypass(request.method ?? "GET", `${String(request.origin ?? "")}${request.path ?? ""}`);
  });
}
