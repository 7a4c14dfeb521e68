/**
 * fetch's bound on a chain of redirects (WHATWG Fetch: past 20, a network
 * error); node:http clients that follow redirects stop near it too.
 */
export const maxRedirects = 20;

/**
 * Follows chains of redirects through a cassette session. Each hop reaches
 * tapedeck as a request of its own (the interceptor follows a recorded or live
 * `3xx` itself), so the count is kept here: the URL a `3xx` answer points to
 * is remembered with its hop number, and a request for it carries that number.
 *
 * @example
 * ```ts
 * const redirects = createRedirectWatch();
 * const hop = redirects.arrive(request.url); // 0 for a request of its own
 * if (hop > maxRedirects) throw new Error("redirect loop");
 * redirects.leave(request.url, hop, response);
 * ```
 */
export function createRedirectWatch(): { arrive(url: string): number; leave(url: string, hop: number, response: Response): void } {
  const hops = new Map<string, number>();
  return {
    arrive(url) {
      const hop = hops.get(url) ?? 0;
      hops.delete(url);
      return hop;
    },
    leave(url, hop, response) {
      if (response.status < 300 || response.status > 399) return;
      const location = response.headers.get("location");
      if (location === null) return;
      try {
        hops.set(new URL(location, url).href, hop + 1);
      } catch {
        // A Location that is not a URL leads nowhere the client can follow.
      }
    },
  };
}
