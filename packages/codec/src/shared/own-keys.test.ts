import { afterEach, describe, expect, it } from "vitest";
import { dialectNames, dialects } from "../dialects/index.js";

// The mergers walk keys with for...in (see own-keys.ts): a property some other code added to Object.prototype
// must never reach a merged response.
describe("a polluted Object.prototype", () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it.each(dialectNames)("adds nothing to what %s merges", (name) => {
    const dialect = dialects[name];
    const body = dialect.split(dialect.example("Hello, world"), { fragment: 3 });
    const clean = dialect.merge(body);
    Object.defineProperty(Object.prototype, "polluted", { value: "from elsewhere", enumerable: true, configurable: true, writable: true });
    const polluted = dialect.merge(body);
    delete (Object.prototype as Record<string, unknown>).polluted;
    expect(JSON.stringify(polluted.merged)).toBe(JSON.stringify(clean.merged));
    expect(polluted.diagnostics).toEqual(clean.diagnostics);
  });
});
