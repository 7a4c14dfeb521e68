import type { Body } from "./cassette.js";

/**
 * A body as text: a string as it is, bytes (`!!binary`) decoded as UTF-8 with
 * U+FFFD for anything that is not.
 *
 * @example
 * ```ts
 * bodyText(interaction.request.body); // '{"model":"moonshotai/kimi-k2-0905",...}'
 * ```
 */
export function bodyText(body: Body | undefined): string {
  if (body === undefined) return "";
  return typeof body === "string" ? body : new TextDecoder().decode(body);
}
