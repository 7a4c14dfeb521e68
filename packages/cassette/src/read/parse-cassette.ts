import { CassetteError } from "../errors.js";
import type { Cassette, Interaction } from "../model/cassette.js";
import { readBlockYaml } from "../yaml/block-reader.js";
import { OutsideSubset } from "../yaml/outside-subset.js";
import { readWithYamlLibrary } from "../yaml/library-reader.js";
import type { YamlNode } from "../yaml/node.js";
import { CassetteBuilder, buildCassette } from "./build-cassette.js";
import { WriterWitness, detectLayout } from "./detect-layout.js";
import { GoRefusal } from "../yaml/refusal.js";
import { goLines } from "./go-text.js";
import { createLocator } from "./positions.js";
import { keepReadingNotes, type ReadingNote } from "./reading-notes.js";
import { readInWindows } from "./read-in-windows.js";
import { findRefusedCharacters } from "./refused-characters.js";

/** Options of {@link parseCassette}. */
export interface ParseCassetteOptions {
  /** The file name or URL errors name. */
  source?: string;
  /** Most alias expansions accepted before `alias-limit` (an alias bomb guard). Default 100. */
  maxAliasCount?: number;
  /** Most characters of text that aliases may expand to before `alias-limit`. Default 16 MiB. */
  maxAliasExpansion?: number;
  /** Most nodes (scalars, mappings, sequences) that aliases may expand to before `alias-limit`, counted as they grow. Default 100,000. */
  maxAliasNodes?: number;
  /** Longest input accepted, in characters, before `too-large`. Default 512 MiB. */
  maxInputLength?: number;
  /**
   * Also record where each interaction and each of its request's and
   * response's fields start, for {@link sourcePosition} (what `tapedeck check`
   * reports with). Default `false`.
   */
  positions?: boolean;
}

const defaultMaxInputLength = 512 * 1024 * 1024;

/**
 * Reads a go-vcr cassette. The result holds every field go-vcr has, any unknown
 * key, and the document-level `layout`, so that `serializeCassette`
 * writes the same bytes back. Bad input throws a {@link CassetteError} with a
 * code, line and column.
 *
 * @example
 * ```ts
 * import { parseCassette } from "@tapedeck/cassette";
 * const cassette = parseCassette(text, { source: "fixtures/chat.yaml" });
 * for (const { request, response } of cassette.interactions) {
 *   console.log(request.method, request.url, response.code);
 * }
 * ```
 */
export function parseCassette(input: string | Uint8Array, options: ParseCassetteOptions = {}): Cassette {
  // Bytes in the usual shape are read a window at a time (the same cassette, half the memory); anything else, as a whole text.
  if (typeof input !== "string" && options.positions !== true && input.length <= (options.maxInputLength ?? defaultMaxInputLength)) {
    const cassette = readInWindows(input, options.source);
    if (cassette !== undefined) return cassette;
  }
  const text = typeof input === "string" ? input : decodeUtf8(input, options.source);
  const source = options.source;
  const maxInputLength = options.maxInputLength ?? defaultMaxInputLength;
  if (text.length > maxInputLength) {
    throw new CassetteError("too-large", `the input has ${text.length} characters, more than maxInputLength (${maxInputLength})`, { source, line: 1, column: 1 });
  }
  let lines = text;
  try {
    lines = goLines(text);
  } catch (error) {
    if (error instanceof GoRefusal) throw new CassetteError("invalid-yaml", error.message, { source, ...createLocator(text)(error.offset) });
    throw error;
  }
  // Line ends made LF keep every line and column where it was: positions are counted in the text as read.
  const locate = createLocator(lines);
  const characters = findRefusedCharacters(lines);
  if (characters.refused !== -1) {
    const code = lines.charCodeAt(characters.refused).toString(16).toUpperCase().padStart(4, "0");
    throw new CassetteError("invalid-yaml", `the control character U+${code} is not allowed in YAML (write it escaped in double quotes)`, { source, ...locate(characters.refused) });
  }
  try {
    return readText(lines, source, options, locate, characters.delete);
  } catch (error) {
    if (error instanceof GoRefusal) throw new CassetteError("invalid-yaml", error.message, { source, ...locate(error.offset) });
    // Nesting deeper than the reader's stack: a typed error, never a crash.
    if (error instanceof RangeError) throw new CassetteError("too-deep", "the YAML nests deeper than tapedeck reads (about a thousand levels)", { source, line: 1, column: 1 });
    throw error;
  }
}

function readText(text: string, source: string | undefined, options: ParseCassetteOptions, locate: ReturnType<typeof createLocator>, deleteAt: number): Cassette {
  const ignored: ReadingNote[] = [];
  const general = () =>
    readWithYamlLibrary(text, { maxAliasCount: options.maxAliasCount ?? 100, maxAliasExpansion: options.maxAliasExpansion ?? 16 * 1024 * 1024, maxAliasNodes: options.maxAliasNodes ?? 100_000 }, locate, source, (code, offset, message) =>
      ignored.push({ code, message, position: { ...(source === undefined ? {} : { source }), ...locate(offset) } }),
    );
  let root: YamlNode | undefined;
  try {
    return readStreaming(text, source, options, locate, deleteAt);
  } catch (error) {
    if (error instanceof OutsideSubset) root = general();
    else if (error instanceof StreamedItemFailed) {
      // An interaction that could not be built as it was read: the whole tree first, then the cassette, as the general reader's trees are.
      try {
        root = readBlockYaml(text);
      } catch (error) {
        if (!(error instanceof OutsideSubset)) throw error;
        root = general();
      }
    } else throw error;
  }
  const { cassette: built, notes } = buildCassette(root, locate, source, options.positions === true);
  const cassette = { ...built, layout: detectLayout(root, text) } as Cassette;
  refuseDelete(cassette, deleteAt, source, locate);
  keepReadingNotes(cassette, [...ignored, ...notes]);
  return cassette;
}

/**
 * DEL (U+007F) is a control character to yaml.v3, which refuses a document
 * that holds one raw; goccy writes it raw and reads it back. So it is read
 * only in a file in goccy's layout.
 */
function refuseDelete(cassette: Cassette, index: number, source: string | undefined, locate: ReturnType<typeof createLocator>): void {
  if (cassette.layout.writer === "goccy" || index === -1) return;
  throw new CassetteError("invalid-yaml", "the control character U+007F (DEL) is not allowed in YAML outside goccy's layout (write it escaped in double quotes)", { source, ...locate(index) });
}

/** An interaction that could not be built as it was read: read again, as a whole, so that errors come in the order they always do. */
class StreamedItemFailed extends Error {}

/**
 * The usual case, quickest: tapedeck's own reader, each interaction built as
 * soon as it is read (its nodes die young), the rest of the cassette after.
 */
function readStreaming(text: string, source: string | undefined, options: ParseCassetteOptions, locate: ReturnType<typeof createLocator>, deleteAt: number): Cassette {
  const builder = new CassetteBuilder(locate, source, options.positions === true);
  const witness = new WriterWitness(text);
  const interactions: Interaction[] = [];
  const root = readBlockYaml(text, {
    key: "interactions",
    take(item) {
      witness.see(item);
      try {
        interactions.push(builder.interaction(item));
      } catch (error) {
        if (error instanceof CassetteError) throw new StreamedItemFailed();
        throw error;
      }
    },
  });
  const cassette = { ...builder.cassette(root, interactions), layout: detectLayout(root, text, witness) } as Cassette;
  refuseDelete(cassette, deleteAt, source, locate);
  keepReadingNotes(cassette, builder.notes);
  return cassette;
}

/** Decodes UTF-8 strictly: a cassette with invalid bytes is an error naming where, never silently mended. */
export function decodeUtf8(bytes: Uint8Array, source?: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, offset));
    const lines = before.split("\n");
    throw new CassetteError(
      "invalid-utf8",
      `byte ${offset} (0x${bytes[offset]!.toString(16).padStart(2, "0")}) is not valid UTF-8; a cassette is UTF-8 text (bytes that are not go in a !!binary body)`,
      { source, line: lines.length, column: [...lines.at(-1)!].length + 1 },
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next += 1) if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
    const slice = bytes.subarray(index, index + length);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(slice);
    } catch {
      return index;
    }
    index += length;
  }
  return bytes.length;
}

