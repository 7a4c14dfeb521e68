import { CassetteError } from "../errors.js";
import type { Cassette, Interaction } from "../model/cassette.js";
import { readBlockYaml, readSequenceItems } from "../yaml/block-reader.js";
import { LiteralBytesBatch, type NodeBuffer } from "../yaml/literal-bytes.js";
import type { YamlNode } from "../yaml/node.js";
import { OutsideSubset } from "../yaml/outside-subset.js";
import { GoRefusal } from "../yaml/refusal.js";
import { CassetteBuilder } from "./build-cassette.js";
import { goYamlLayout, requestColumn } from "./detect-layout.js";
import { findRefusedCharacters, isPlainAscii } from "./refused-characters.js";

/*
 * Reading a cassette's bytes a window at a time, in the usual case: the
 * interactions sequence is cut at its items' `- ` lines into windows of
 * about `windowBytes`, each decoded, read and built on its own. Decoding the
 * whole file into one string first would hold a copy of the file for as long
 * as the reading lasts, next to the values read from it (what a loaded
 * cassette is made of): twice the file. Here the memory held while reading is
 * about one window, and values are copies, never views of a window. A window
 * of plain ASCII has its literal blocks cut out of its text and read from its
 * bytes (`LiteralBytesBatch.cutWindow`): its text is mostly keys.
 *
 * Anything out of the ordinary (CR line ends, a byte-order mark, a
 * character Go refuses, text the quick reader does not read, a value the
 * cassette's model refuses, a reading note, goccy's or layout A's columns)
 * gives `undefined`: the caller reads the whole text instead, which gives the
 * same cassette, or the same error, in every case. So this path only ever has
 * to be right when it says it is.
 */

/**
 * The bytes a window holds at least (more when an item is larger): small
 * enough for the young generation's reused pages. (Tried: windows of a
 * megabyte of ASCII decoded as latin1, which Node keeps outside V8's heap in
 * memory the C allocator reuses. Loading 450 KB bodies took a quarter less
 * time, but dead windows piled up until V8 collected them: the peak rose
 * from 1.2× to 1.8× the file.)
 */
const defaultWindowBytes = 64 * 1024;

/**
 * The bytes of literal blocks (bodies, mostly) gathered before their texts
 * are made, as one string (`LiteralBytesBatch`): past 128 KiB, so that it is
 * born where the garbage collector does not copy it.
 */
const defaultBatchBytes = 256 * 1024;

/** How bytes are cut, for tests; the defaults otherwise. */
export interface WindowSizes {
  /** The bytes a window holds at least. */
  windowBytes?: number;
  /** The bytes of literal blocks gathered before their texts are made and their interactions built. */
  batchBytes?: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();
const interactionsKey = encoder.encode("\ninteractions:\n");

/**
 * The cassette in `bytes`, read a window at a time; `undefined` when the file
 * is not in the usual shape (then read the whole text). `sizes` are for
 * tests, which cut windows as small as one item.
 */
export function readInWindows(bytes: Uint8Array, source: string | undefined, sizes: WindowSizes = {}): Cassette | undefined {
  const { windowBytes = defaultWindowBytes, batchBytes = defaultBatchBytes } = sizes;
  const buffer = asBuffer(bytes);
  if (buffer === undefined) return undefined;
  // CR (which Go's reader takes as LF) and a byte-order mark at the start are left to the whole text. NEL, LS and PS need no search: both paths read them alike (the quick reader leaves the scalars that hold them to the general one).
  if (buffer.indexOf(13) !== -1 || (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)) return undefined;
  const key = buffer.indexOf(interactionsKey);
  if (key === -1) return undefined;
  const regionStart = key + interactionsKey.length;
  // The first item sets the column of every `- `: go-yaml's layouts B, C and D (A's and goccy's start at column 0, where the writer must be told from the strings: left to the whole text).
  let indent = 0;
  while (buffer[regionStart + indent] === 32) indent += 1;
  if (indent === 0 || buffer[regionStart + indent] !== 45 || buffer[regionStart + indent + 1] !== 32) return undefined;
  const itemStart = encoder.encode(`\n${" ".repeat(indent)}- `);

  const builder = new CassetteBuilder(() => ({ line: 0, column: 0 }), source, false);
  const interactions: Interaction[] = [];
  // The layout is told from the first item's columns, found while its window is at hand.
  let firstRequestColumn: number | undefined;
  let tail = "";
  // Items are built once their literal blocks cut from bytes have their texts.
  const literals = new LiteralBytesBatch();
  let items: YamlNode[] = [];
  const build = () => {
    literals.flush();
    for (const item of items) interactions.push(builder.interaction(item));
    items = [];
  };
  try {
    for (let start = regionStart; start < buffer.length; ) {
      // The window ends where an item starts, `windowBytes` on or more.
      const found = start + windowBytes >= buffer.length ? -1 : buffer.indexOf(itemStart, start + windowBytes - 1);
      const end = found === -1 ? buffer.length : found + 1;
      // Nearly every window: plain ASCII, its literal blocks cut out of its text and read from its bytes.
      literals.beginWindow(typeof buffer.latin1Slice === "function" && isPlainAscii(buffer, start, end));
      const text = literals.ascii ? (literals.cutWindow(buffer, start, end) ?? buffer.latin1Slice(start, end)) : decode(buffer, start, end);
      if (text === undefined) return undefined;
      const read = readSequenceItems(
        text,
        indent,
        (item) => {
          if (interactions.length === 0 && items.length === 0) firstRequestColumn = requestColumn(item, text);
          items.push(item);
        },
        literals,
      );
      if (!literals.allTaken) return undefined;
      if (literals.size >= batchBytes) build();
      if (read < text.length) {
        // Only the last window may hold more than the sequence: the root's keys after it.
        if (end !== buffer.length) return undefined;
        tail = text.slice(read);
      }
      start = end;
    }
    build();
    const head = decode(buffer, 0, regionStart);
    if (head === undefined) return undefined;
    const root = readBlockYaml(head + tail);
    // The sequence was read above: in the root, `interactions:` stands with nothing under it.
    const entry = root.kind === "map" ? root.entries.find(({ key }) => key.kind === "scalar" && key.text === "interactions") : undefined;
    if (entry === undefined || entry.value.kind !== "scalar") return undefined;
    entry.value = { kind: "seq", items: [], offset: entry.value.offset, flow: false, streamed: interactions.length };
    const cassette = builder.cassette(root, interactions);
    if (builder.notes.length > 0) return undefined;
    return { ...cassette, layout: { ...goYamlLayout(indent, firstRequestColumn) } } as Cassette;
  } catch (error) {
    if (error instanceof OutsideSubset || error instanceof CassetteError || error instanceof GoRefusal || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The bytes as a Node Buffer (no copy); `undefined` outside Node (then the whole text is read). */
function asBuffer(bytes: Uint8Array): NodeBuffer | undefined {
  const BufferClass = (globalThis as unknown as { Buffer?: { from(buffer: ArrayBufferLike, offset: number, length: number): NodeBuffer } }).Buffer;
  return BufferClass === undefined ? undefined : BufferClass.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A window's text; `undefined` when its bytes are not UTF-8 or hold a
 * character Go refuses (the whole text says where).
 */
function decode(bytes: NodeBuffer, start: number, end: number): string | undefined {
  // Plain ASCII is read a byte a character (a copy) with no UTF-8 decoding and no look at the text after.
  if (typeof bytes.latin1Slice === "function" && isPlainAscii(bytes, start, end)) return bytes.latin1Slice(start, end);
  let text: string;
  try {
    text = utf8.decode(bytes.subarray(start, end));
  } catch {
    return undefined;
  }
  return clean(text) ? text : undefined;
}

/** Whether a text holds no character Go refuses, and no DEL (which only goccy's layout may hold). */
function clean(text: string): boolean {
  const found = findRefusedCharacters(text);
  return found.refused === -1 && found.delete === -1;
}
