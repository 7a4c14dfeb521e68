import fc from "fast-check";
import type { Cassette } from "../model/cassette.js";
import { cassetteLayouts } from "../model/layout.js";

/*
 * Generated cassettes for property tests: values mixing what makes Go's
 * writers pick each quoting style, in every layout.
 */

// Strings mixing what makes Go's writers pick each style: quotes, indicators,
// line breaks, tabs, non-ASCII, emoji, control characters and YAML words.
export const text = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", " ", "\n", ":", "#", "-", "'", '"', "\\", "{", "\t", "é", "×", "🎉", "\r", "\u0085", "\u00a0", "\u0007", "1", ".") }),
  fc.constantFrom("", "true", "null", "~", "yes", "0x1F", "1:30", "2025-09-22", "1e3", "<<", ".5", "-", "data: {}\n\n"),
  fc.string({ unit: "binary", maxLength: 12 }),
);

// Streamed bodies of a kilobyte or more, in ASCII (as most are): lines of events, blank lines, lines indented
// further or ending in spaces, and every way to end (no line break, one, several).
const longBody = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom('data: {"a":1}', "", "  indented", "trailing  ", "event: x", " "), fc.string({ unit: fc.constantFrom("a", " ", "{", '"', ":", "#", "|"), maxLength: 120 })), { minLength: 1, maxLength: 30 }),
    fc.constantFrom("", "\n", "\n\n", "\n  \n"),
  )
  .map(([lines, end]) => {
    let body = lines.join("\n");
    while (body.length < 1_100) body += `\n${lines.join("\n")}`;
    return body + end;
  });
const body = fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: longBody });

// HTTP header values cannot hold line breaks.
const headerValue = text.map((value) => value.replace(/[\r\n\u0085\u2028\u2029]/g, ""));
const headers = fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/), fc.array(headerValue, { maxLength: 2 }), {
  maxKeys: 3,
});

export const interaction = fc.record({
  request: fc.record({
    proto: fc.constantFrom("HTTP/1.1", "HTTP/2.0"),
    protoMajor: fc.nat(3),
    protoMinor: fc.nat(3),
    contentLength: fc.integer({ min: -1, max: 100000 }),
    host: text,
    body,
    headers,
    url: text,
    method: fc.constantFrom("GET", "POST"),
  }),
  response: fc.record({
    proto: fc.constant("HTTP/2.0"),
    protoMajor: fc.constant(2),
    protoMinor: fc.constant(0),
    contentLength: fc.integer({ min: -1, max: 100000 }),
    body,
    headers,
    status: text,
    code: fc.integer({ min: 100, max: 599 }),
    duration: fc.constantFrom("0s", "1.5s", "662.265667ms", "1h0m0s"),
  }),
});

export const layoutNames = fc.constantFrom(...(Object.keys(cassetteLayouts) as Array<keyof typeof cassetteLayouts>));

/** Interactions numbered from 0, as go-vcr numbers them. */
export function withIds(interactions: Array<Omit<Cassette["interactions"][number], "id">>): Cassette["interactions"] {
  return interactions.map((item, id) => ({ id, ...item })) as Cassette["interactions"];
}
