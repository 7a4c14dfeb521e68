import type { CassettePosition } from "../errors.js";

/** What Go's reader made of a value that is not what a writer of cassettes writes: the value read is Go's, this says so. */
export type ReadingNoteCode =
  /** A field go-vcr always writes is absent (or null): Go reads its zero value (`""`, `0`, an empty list). */
  | "missing-field"
  /** A number with a fraction in an integer field: Go keeps the whole part (`code: 200.5` is 200). */
  | "dropped-fraction"
  /** A tag Go's reader does not know: Go reads the value and forgets the tag. */
  | "ignored-tag"
  /** Text after the first YAML document: Go reads the first and ignores the rest. */
  | "ignored-document";

/** One such note, where it stands. */
export interface ReadingNote {
  code: ReadingNoteCode;
  message: string;
  position: CassettePosition;
}

const notes = new WeakMap<object, ReadingNote[]>();

/** What Go's reading changed or ignored in a parsed cassette (what `checkCassette` reports of it); empty when nothing. */
export function readingNotes(cassette: object): readonly ReadingNote[] {
  return notes.get(cassette) ?? [];
}

/** Keeps a parsed cassette's notes (the reader's side of {@link readingNotes}). */
export function keepReadingNotes(cassette: object, found: ReadingNote[]): void {
  if (found.length > 0) notes.set(cassette, found);
}
