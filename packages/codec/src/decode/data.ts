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

/** Fields the standard does not name, collected while merging (a Map: any key is plain data). */
export type Extras = Map<string, unknown>;

/** Keeps the last non-null value of an unnamed field; a `null` is kept only until a value arrives. */
export function keepLast(target: Extras, key: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null && target.has(key)) return;
  target.set(key, value);
}

/** Keeps the first non-null value of an unnamed field. */
export function keepFirst(target: Extras, key: string, value: unknown): void {
  if (value === undefined) return;
  const current = target.get(key);
  if (current !== undefined && current !== null) return;
  target.set(key, value);
}

/** Copies collected extras onto an output object, as own properties whatever their names. */
export function assignExtras(target: PlainObject, extras: Extras): void {
  for (const [key, value] of extras) setOwn(target, key, value);
}
