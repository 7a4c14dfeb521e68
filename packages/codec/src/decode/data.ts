/** Small helpers that treat provider data as plain data. */

export type PlainObject = Record<string, unknown>;

export function isObject(value: unknown): value is PlainObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A non-empty string, else `undefined`: `null`, `""` and absent all mean "no value". */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Sets an own property, whatever its name: `__proto__` or `constructor` from a
 * provider stay plain data and never touch a prototype.
 */
export function setOwn(target: PlainObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Keeps the last non-null value of an unnamed field; a `null` is kept only until a value arrives. */
export function keepLast(target: PlainObject, key: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null && Object.hasOwn(target, key)) return;
  setOwn(target, key, value);
}

/** Keeps the first non-null value of an unnamed field. */
export function keepFirst(target: PlainObject, key: string, value: unknown): void {
  if (value === undefined) return;
  if (Object.hasOwn(target, key) && target[key] !== null) return;
  setOwn(target, key, value);
}
