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
  // Only "__proto__" is special to assignment; every other key is an own property either way.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
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

/** A short description of a value for a diagnostic: `null`, `an array`, `the string "ab…"`, `the number 4`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${String(value)}`;
}

/** Whether the text is one JSON value. */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A deep copy of JSON data, with every key kept as plain data (`__proto__` included). */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: PlainObject = {};
  for (const key of Object.keys(value)) setOwn(copy, key, copyJson((value as PlainObject)[key]));
  return copy as T;
}
