/**
 * Thrown by either reader for YAML that Go's reader (yaml.v3) refuses though
 * the reader itself could take it (a key over 1,024 characters, a tab that
 * indents): `parseCassette` turns it into a located `invalid-yaml` error.
 */
export class GoRefusal extends Error {
  override readonly name = "GoRefusal";
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The longest implicit key yaml.v3 reads, in characters, quotes included. */
export const maxImplicitKeyLength = 1024;

/** Throws {@link GoRefusal} when a key written from `start` to `end` (its colon) is longer than yaml.v3 reads. */
export function checkImplicitKey(text: string, start: number, end: number): void {
  if (end - start <= maxImplicitKeyLength) return;
  let characters = 0;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff) characters += 1;
  }
  if (characters > maxImplicitKeyLength) {
    throw new GoRefusal(start, `a key of ${characters} characters before its colon; Go's reader takes at most ${maxImplicitKeyLength} (write a longer key as "? key")`);
  }
}
