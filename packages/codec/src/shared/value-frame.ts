/**
 * A stream's events are mostly one event written again and again with another
 * string value in one place (a text delta). A merger that has just parsed such
 * an event can keep the text around that value (its frame): an event that is
 * the frame with another value between, with nothing in it to unescape, parses
 * to the same event with that value, so it can be merged without parsing.
 * (docs/merging-unparsed.md says when and why this is exact.)
 */

/** The text before and after a string value in an event's JSON text. */
export interface ValueFrame {
  readonly before: string;
  readonly after: string;
}

/**
 * The frame of the `key` string value in `raw`, an event's JSON text that
 * parsed to an object holding a `key` whose value is `value`, when the text
 * tells that value's place for certain; `undefined` otherwise. It does when
 * `"key"` is written once in the whole text, followed by `:"`, the value as it
 * is and `"`, and no backslash is anywhere. With no escapes, every `"` opens or
 * closes a string, and a key is written as its characters; so that `"key"` is
 * the only key of that name in the event, the holder's, and the value is
 * exactly its characters (a JSON string holds no quote or control character
 * unescaped).
 *
 * @example
 * ```ts
 * valueFrame('{"i":0,"text":"ab"}', "text", "ab"); // { before: '{"i":0,"text":"', after: '"}' }
 * valueFrame('{"text":"a\\"b"}', "text", 'a"b'); // undefined: an escape
 * valueFrame('{"text":"ab","m":{"text":"ab"}}', "text", "ab"); // undefined: "text" twice
 * ```
 */
export function valueFrame(raw: string, key: string, value: string): ValueFrame | undefined {
  const token = `"${key}"`;
  const at = raw.indexOf(token);
  const start = at + token.length + 2;
  if (at === -1 || raw.charCodeAt(start - 2) !== 58 || raw.charCodeAt(start - 1) !== 34 || raw.includes(token, start) || raw.includes("\\")) return undefined;
  const end = start + value.length;
  if (raw.charCodeAt(end) !== 34 || raw.slice(start, end) !== value) return undefined;
  return { before: raw.slice(0, start), after: raw.slice(end) };
}

/** What a JSON string's content holds when it has something to unescape or is not valid JSON as it stands. */
const needsParsing = /["\\\u0000-\u001f]/;

/**
 * The value between `frame`'s two parts in `text`, when `text` is the frame
 * around a value with nothing to unescape (no quote, backslash or control
 * character): what parsing `text` would give for the framed key. `undefined`
 * when `text` is anything else.
 *
 * @example
 * ```ts
 * const frame = { before: '{"i":0,"text":"', after: '"}' };
 * valueInFrame(frame, '{"i":0,"text":"cd"}'); // "cd"
 * valueInFrame(frame, '{"i":1,"text":"cd"}'); // undefined
 * ```
 */
export function valueInFrame(frame: ValueFrame, text: string): string | undefined {
  const { before, after } = frame;
  const end = text.length - after.length;
  // Cut and compared: V8's startsWith slows down to a character at a time after a while in a loop this hot.
  if (end < before.length || text.slice(0, before.length) !== before || text.slice(end) !== after) return undefined;
  const value = text.slice(before.length, end);
  return needsParsing.test(value) ? undefined : value;
}
