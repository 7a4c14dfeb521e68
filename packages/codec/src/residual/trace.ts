/**
 * What a merger tells the residual builder about each event: which JSON values
 * of the event the merged object already holds, so that the residual can leave
 * them out. Recorded only when a residual is asked for.
 */

/** A step into the merged object; an object is resolved to its final position once merging is done. */
export type MergedPathSegment = string | number | { readonly position: number };

/** A path into an event's JSON. */
export type EventPath = readonly (string | number)[];

/**
 * - `value`: the event's JSON at `at` is the merged value at `to` (or holds parts of it:
 *   leaves that differ are kept in the residual).
 * - `slice`: the string at `at` was appended to the merged string at `to`.
 */
export interface TraceEntry {
  kind: "value" | "slice";
  at: EventPath;
  to: readonly MergedPathSegment[];
}

/** Collects trace entries, event by event. */
export class Tracer {
  /** Entries by event number. */
  readonly entries = new Map<number, TraceEntry[]>();
  private current: TraceEntry[] | undefined;

  /** Starts recording for an event. */
  begin(event: number): void {
    this.current = [];
    this.entries.set(event, this.current);
  }

  value(at: EventPath, to: readonly MergedPathSegment[]): void {
    this.current?.push({ kind: "value", at, to });
  }

  slice(at: EventPath, to: readonly MergedPathSegment[]): void {
    this.current?.push({ kind: "slice", at, to });
  }
}

/** A merged path with every positional object resolved. */
export function resolvePath(path: readonly MergedPathSegment[]): Array<string | number> {
  return path.map((segment) => (typeof segment === "object" ? segment.position : segment));
}
