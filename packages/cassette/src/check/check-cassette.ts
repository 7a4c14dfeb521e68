import type { CassettePosition } from "../errors.js";
import type { Cassette } from "../model/cassette.js";
import { durationToMilliseconds } from "../model/duration.js";
import { sourcePosition } from "../read/positions.js";
import { type ReadingNoteCode, readingNotes } from "../read/reading-notes.js";

/** What `checkCassette` finds odd in values Go reads without a word: what Go's reading changed or ignored (see `ReadingNoteCode`), and values no server sent. */
export type CassetteFindingCode =
  | ReadingNoteCode
  /** A status code outside 100-599, which HTTP (RFC 9110) has no room for: a replay cannot send it. */
  | "status-code"
  /** A status line whose number is not the status code (`status: 404 Not Found` with `code: 200`). */
  | "status-line"
  /** A negative time to the response head. */
  | "negative-duration";

/** One value Go reads but a cassette should not hold, with where it stands when the cassette was read with `positions: true`. */
export interface CassetteFinding {
  code: CassetteFindingCode;
  message: string;
  /** The interaction's place in the cassette (0-based), for a finding about one interaction. */
  interaction?: number;
  /** The field, as go-vcr names it (`response.code`), for a finding about one field's value. */
  field?: string;
  position?: CassettePosition;
}

/**
 * tapedeck's own judgement of a cassette's values, beyond what Go's reader
 * checks: `parseCassette` reads what Go reads (a status code of 0 or 1000, a
 * missing url, `code: 200.5` as 200), and this says what Go's reading changed
 * or ignored and which values cannot be what a server sent.
 * `tapedeck check` prints these; a replay refuses such a value only where it
 * would use it.
 *
 * @example
 * ```ts
 * const cassette = parseCassette(text, { source: "chat.yaml", positions: true });
 * for (const finding of checkCassette(cassette)) console.log(`${finding.position?.line}: ${finding.code}: ${finding.message}`);
 * ```
 */
export function checkCassette(cassette: Cassette): CassetteFinding[] {
  const findings: CassetteFinding[] = readingNotes(cassette).map(({ code, message, position }) => ({ code, message, position }));
  cassette.interactions.forEach(({ response }, interaction) => {
    const add = (code: CassetteFindingCode, property: string, field: string, message: string) => {
      const position = sourcePosition(response, property) ?? sourcePosition(response);
      findings.push({ code, message, interaction, field, ...(position === undefined ? {} : { position }) });
    };
    const code = response.code;
    const valid = typeof code === "number" && Number.isInteger(code) && code >= 100 && code <= 599;
    if (!valid) add("status-code", "code", "response.code", `the status code ${String(code)} is outside 100-599, where HTTP status codes are (RFC 9110); a replay cannot send it`);
    const number = /^(\d+)(?:\s|$)/.exec(response.status ?? "")?.[1];
    if (number !== undefined && valid && Number(number) !== code) add("status-line", "status", "response.status", `the status line says ${number} but the code is ${String(code)}`);
    if (response.duration !== undefined && durationToMilliseconds(response.duration) < 0) add("negative-duration", "duration", "response.duration", `the time to the response head is negative (${response.duration})`);
  });
  return findings;
}
