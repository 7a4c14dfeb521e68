import { CassetteError } from "../errors.js";
import { type BinaryValues, binaryValueFor } from "../model/binary-values.js";
import type { Cassette } from "../model/cassette.js";
import {
  type FieldSpec,
  interactionFields,
  isEmptyValue,
  requestFields,
  responseFields,
  zeroValue,
} from "../model/fields.js";
import { type CassetteLayout, defaultCassetteLayout } from "../model/layout.js";
import { GoYamlEmitter, Verbatim, YamlMapping, type YamlValue } from "./emitter.js";

/** Options of {@link serializeCassette}. */
export interface SerializeCassetteOptions {
  /** The layout to write; default: the cassette's own `layout`, else go-vcr's default (layout C). */
  layout?: CassetteLayout;
}

/**
 * Writes a cassette as Go writes it: go-vcr's field order and `omitempty` rules,
 * header names in Go's map order, and every scalar in the style the chosen Go
 * writer (go-yaml or goccy) picks for its value. A cassette read with
 * `parseCassette` comes back byte for byte.
 *
 * @example
 * ```ts
 * import { parseCassette, serializeCassette, cassetteLayouts } from "@tapedeck/cassette";
 * serializeCassette(parseCassette(text)) === text; // true for a cassette Go wrote
 * serializeCassette(cassette, { layout: cassetteLayouts.A }); // charm.land/x/vcr's layout
 * ```
 */
export function serializeCassette(cassette: Cassette, options: SerializeCassetteOptions = {}): string {
  const layout = options.layout ?? cassette.layout ?? defaultCassetteLayout;
  const emitter = new GoYamlEmitter(layout);
  const builder = new ValueBuilder(emitter.compareKeys, emitter.verbatimDurations);
  try {
    return emitter.document(builder.cassette(cassette));
  } catch (error) {
    // Text longer than a JavaScript string can hold (about 512 MiB): a typed error, never a crash.
    if (error instanceof RangeError && /string length/i.test(error.message)) {
      throw new CassetteError("too-large", "the cassette's text would be longer than a JavaScript string can hold (about 512 MiB); write its bodies to several cassettes");
    }
    // Unknown fields nested deeper than the writer's stack (no cassette parseCassette reads is): a typed error, never a crash.
    if (error instanceof RangeError) throw new CassetteError("too-deep", "unknown fields nest deeper than tapedeck writes (about a thousand levels)");
    throw error;
  }
}

class ValueBuilder {
  constructor(
    private readonly compareKeys: (left: string, right: string) => number,
    private readonly verbatimDurations: boolean,
  ) {}

  cassette(cassette: Cassette): YamlMapping {
    if (cassette === null || typeof cassette !== "object") throw wrongType("the cassette", "an object", cassette);
    if (!Array.isArray(cassette.interactions)) throw wrongType("interactions", "an array", cassette.interactions);
    const entries: Array<[string, YamlValue]> = [
      ["version", cassette.version ?? 2],
      [
        "interactions",
        cassette.interactions.map((interaction, index) => {
          const path = `interactions[${index}]`;
          if (interaction === null || typeof interaction !== "object") throw wrongType(path, "an object", interaction);
          const fields = this.struct(interaction as never, interactionFields, path, false);
          fields.entries.push(
            ["request", this.struct(interaction.request as never, requestFields, `${path}.request`)],
            ["response", this.struct(interaction.response as never, responseFields, `${path}.response`)],
          );
          this.appendUnknown(fields, interaction.unknownFields);
          return fields;
        }),
      ],
    ];
    const root = new YamlMapping(entries);
    this.appendUnknown(root, cassette.unknownFields);
    return root;
  }

  private struct(
    object: Record<string, unknown> | undefined,
    fields: readonly FieldSpec[],
    path: string,
    withUnknownFields = true,
  ): YamlMapping {
    if (object === null || typeof object !== "object") throw wrongType(path, "an object", object);
    const entries: Array<[string, YamlValue]> = [];
    for (const field of fields) {
      let value = object[field.property];
      if (field.omitEmpty && isEmptyValue(value)) continue;
      // Go writes the zero value of a field it always writes (`url: ""`, `code: 0`).
      if (value === undefined || value === null) value = zeroValue(field.kind);
      entries.push([field.key, this.field(value, field, `${path}.${field.property}`, object.binaryValues as BinaryValues | undefined)]);
    }
    const mapping = new YamlMapping(entries);
    if (withUnknownFields) this.appendUnknown(mapping, object.unknownFields as Map<string, unknown> | undefined);
    return mapping;
  }

  private field(value: unknown, field: FieldSpec, path: string, binary: BinaryValues | undefined): YamlValue {
    switch (field.kind) {
      case "string":
        if (typeof value !== "string") throw wrongType(path, "a string", value);
        return binaryValueFor(binary, [field.property], value) ?? value;
      case "duration":
        if (typeof value !== "string") throw wrongType(path, 'a Go duration string such as "1.5s"', value);
        return this.verbatimDurations ? new Verbatim(value) : value;
      case "int":
        if (typeof value === "bigint") return value;
        if (typeof value !== "number" || !Number.isInteger(value)) throw wrongType(path, "an integer", value);
        return value;
      case "bool":
        if (typeof value !== "boolean") throw wrongType(path, "a boolean", value);
        return value;
      case "body":
        if (typeof value !== "string" && !(value instanceof Uint8Array)) throw wrongType(path, "a string or a Uint8Array", value);
        return value;
      case "strings":
        if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) throw wrongType(path, "an array of strings", value);
        return (value as string[]).map((item, index) => binaryValueFor(binary, [field.property, index], item) ?? item);
      case "header-map":
        return this.headerMap(value, path, field.property, binary);
    }
  }

  private headerMap(value: unknown, path: string, property: string, binary: BinaryValues | undefined): YamlMapping {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw wrongType(path, "an object of names to arrays of strings", value);
    }
    const names = Object.keys(value).sort(this.compareKeys);
    return new YamlMapping(
      names.map((name) => {
        const values = (value as Record<string, unknown>)[name];
        if (!Array.isArray(values) || values.some((item) => typeof item !== "string")) {
          throw wrongType(`${path}.${name}`, "an array of strings", values);
        }
        return [name, (values as string[]).map((item, index) => binaryValueFor(binary, [property, name, index], item) ?? item)];
      }),
    );
  }

  private appendUnknown(mapping: YamlMapping, unknown: Map<string, unknown> | Record<string, unknown> | undefined): void {
    if (unknown === undefined || unknown === null) return;
    const entries = unknown instanceof Map ? unknown.entries() : Object.entries(unknown);
    for (const [key, value] of entries) mapping.entries.push([key, this.any(value)]);
  }

  /** Any plain value: `Map`s in their order, plain objects as Go writes a map (keys sorted). */
  private any(value: unknown): YamlValue {
    if (value === undefined || value === null) return null;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
      return value;
    }
    if (value instanceof Uint8Array) return value;
    if (Array.isArray(value)) return value.map((item) => this.any(item));
    if (value instanceof Map) return new YamlMapping([...value].map(([key, item]) => [String(key), this.any(item)]));
    if (typeof value === "object") {
      const object = value as Record<string, unknown>;
      return new YamlMapping(Object.keys(object).sort(this.compareKeys).map((key) => [key, this.any(object[key])]));
    }
    throw wrongType("an unknown field", "plain data", value);
  }
}

function wrongType(path: string, expected: string, value: unknown): CassetteError {
  const found = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  return new CassetteError("wrong-type", `${path} must be ${expected}, found ${found}`);
}
