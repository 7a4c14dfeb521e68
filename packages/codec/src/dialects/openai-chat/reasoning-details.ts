import { isObject, type PlainObject, setOwn } from "../../shared/data.js";
import type { ReasoningDetail } from "./types.js";

/** The text-bearing field of each entry type: fragments of it are joined. */
const joinedFields = new Set(["text", "summary"]);

/**
 * OpenRouter's `reasoning_details`, merged the way clients send them back:
 * one entry per `index`, the `text` (or `summary`) fragments joined, every
 * other field (`signature`, `data`, `format`, `type`...) its first non-empty
 * value as sent. A fragment without an `index` is an entry of its own.
 */
export class ReasoningDetailsState {
  private readonly entries: Array<{ keys: Set<string>; fields: PlainObject; parts: Map<string, string[]> }> = [];
  private readonly byIndex = new Map<number, number>();

  /**
   * Adds one fragment; returns where it went (the entry's position) and the
   * joined-field text it added, for events and the residual.
   */
  add(fragment: unknown): { position: number; field?: string; text?: string } | undefined {
    if (!isObject(fragment)) return undefined;
    const index = fragment.index;
    let position = typeof index === "number" ? this.byIndex.get(index) : undefined;
    if (position === undefined) {
      position = this.entries.length;
      this.entries.push({ keys: new Set(), fields: {}, parts: new Map() });
      if (typeof index === "number") this.byIndex.set(index, position);
    }
    const entry = this.entries[position]!;
    let added: { field: string; text: string } | undefined;
    for (const key of Object.keys(fragment)) {
      const value = fragment[key];
      entry.keys.add(key);
      if (joinedFields.has(key) && typeof value === "string") {
        const parts = entry.parts.get(key) ?? [];
        parts.push(value);
        entry.parts.set(key, parts);
        if (value !== "") added = { field: key, text: value };
      } else if (!Object.hasOwn(entry.fields, key) || isEmpty(entry.fields[key])) {
        setOwn(entry.fields, key, value);
      }
    }
    return { position, ...added };
  }

  toEntries(): ReasoningDetail[] {
    return this.entries.map(({ keys, fields, parts }) => {
      const entry: PlainObject = {};
      for (const key of keys) setOwn(entry, key, parts.has(key) ? parts.get(key)!.join("") : fields[key]);
      return entry as ReasoningDetail;
    });
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}
