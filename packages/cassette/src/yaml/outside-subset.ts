/**
 * Thrown by the fast reader for anything outside the YAML that Go's writers
 * produce (or for YAML that is not valid): the caller then reads the document
 * with the general `yaml` library instead, which also words the errors.
 */
export class OutsideSubset extends Error {
  override readonly name = "OutsideSubset";
}

/** Throws {@link OutsideSubset}, saying what was outside the subset. */
export const outside = (why: string): never => {
  throw new OutsideSubset(why);
};
