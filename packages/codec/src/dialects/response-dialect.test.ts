import { describe, expect, it } from "vitest";
import { responseDialect } from "../detect.js";
import { dialectNames, dialects } from "./index.js";

describe("responseDialect", () => {
  // Each dialect's example is its provider's whole answer, as a non-streaming call returns it.
  it.each(dialectNames)("tells a whole %s answer by its shape", (name) => {
    expect(responseDialect(JSON.parse(JSON.stringify(dialects[name].example("Hi"))))).toBe(name);
  });

  it.each([[{ error: { message: "no" } }], [[1, 2]], [null], [{ choices: "x" }], ["text"]])("says no dialect for %j", (json) => {
    expect(responseDialect(json)).toBeUndefined();
  });
});
