import type { MatchOptions } from "../options.js";

/** Characters a path segment may hold as they are (RFC 3986 `pchar` less `%`): their percent-encoded form means the same. */
const literalInPath = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

/**
 * A URL as compared: query parameters sorted (and the ignored ones left out),
 * the path's percent-encodings decoded where RFC 3986 lets a path segment hold
 * the character as it is (`%3A` is `:`, `%7E` is `~`) and upper-cased where it
 * does not (`%2f` is `%2F`), so that two spellings of one resource compare
 * equal. With `ignoreHosts`, only the path and query.
 */
export function normalizeUrl(text: string, options: Pick<MatchOptions, "ignoreHosts" | "ignoreQueryParameters"> = {}): string {
  let url: URL;
  try {
    url = new URL(text, "http://replay.invalid");
  } catch {
    return text;
  }
  for (const name of options.ignoreQueryParameters ?? []) url.searchParams.delete(name);
  url.searchParams.sort();
  const path = `${normalizePath(url.pathname)}${url.search}`;
  return options.ignoreHosts ? path : `${url.protocol}//${url.host}${path}`;
}

/** What only the scheme, host and port of two URLs tell apart: whether the rest is the same. */
export function differsOnlyInOrigin(recorded: string, sent: string): boolean {
  return recorded !== sent && normalizeUrl(recorded, { ignoreHosts: true }) === normalizeUrl(sent, { ignoreHosts: true });
}

function normalizePath(path: string): string {
  if (!path.includes("%")) return path;
  return path.replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return literalInPath.test(character) ? character : encoded.toUpperCase();
  });
}
