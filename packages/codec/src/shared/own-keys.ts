/**
 * Mergers walk an event's keys with `for...in`, which is much faster than
 * `Object.keys` on the many small objects of a stream (no array per object).
 * `for...in` also sees enumerable properties inherited from
 * `Object.prototype`, which no object from `JSON.parse` has unless code in the
 * process added one: every merge checks that when it starts, and while it is
 * so, the loops skip keys that are not the object's own.
 *
 * @example
 * ```ts
 * for (const key in event) {
 *   if (inheritedKeys && !Object.hasOwn(event, key)) continue;
 *   // ...
 * }
 * ```
 */
export let inheritedKeys = false;

/** Looks again whether `Object.prototype` has an enumerable property (see {@link inheritedKeys}). */
export function checkInheritedKeys(): void {
  inheritedKeys = false;
  for (const _ in {}) {
    inheritedKeys = true;
    break;
  }
}
