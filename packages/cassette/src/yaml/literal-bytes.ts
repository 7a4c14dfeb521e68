import type { YamlScalar } from "./node.js";

/*
 * Literal blocks' texts made straight from the bytes of a window of plain
 * ASCII (`read-in-windows`), many blocks at once. Before a window is read,
 * its blocks are found on its bytes (`cutWindow`), de-indented into a
 * WebAssembly module's memory after the blocks before (literal-bytes.wat,
 * `cut`), and their lines left out of the window's text: the reader meets
 * each block's header followed by the line after the block, and takes the
 * block's text from the batch (`cutAt`, `take`). `flush` reads one string of all
 * the blocks' texts, a byte a character, of which each block's text is a cut.
 *
 * Why: the bodies are most of a cassette's bytes. Read into the window's
 * text, then cut out of it and joined (`stripLines`), each body was copied
 * three times and looked at line by line in JavaScript; here it is copied
 * into the module once, and once out. And a body's text made on its own, a
 * few kilobytes, is born in V8's young generation, which a loaded cassette's
 * bodies fill again and again, each time copied twice by the collector
 * before they settle; a string of more than 128 KiB is born where the
 * collector never copies it, and the cuts of it (V8 makes a cut of 13
 * characters or more a small view of the string) are all that is young. The
 * string holds the blocks' texts and nothing else, so keeping it alive costs
 * no more than the values it gives.
 *
 * Why this is the reader's own reading: a block is cut only where its header
 * (` |`, ` |-` or ` |+` ending a line, no indentation digit) is followed by
 * lines the module reads as the block's (bare line breaks, and lines indented
 * at least as the first line with text, which must be indented past the
 * header's line; a line of spaces only shorter than that, or a header with
 * an indentation digit, stops the cutting for the rest of the window), which
 * are the lines the text's reading (`blockExtent`) gives the block; the
 * trailing line breaks chomped off are its blank lines (`chompEnd`). The
 * reader only ever looks past a line it reads over blank lines, to the next
 * line with text: the header's line is one, so nothing before the header
 * reads the cut. A cut the reader does not take where it is (the ` |` was in
 * a plain scalar, say) makes the window's reading void (`allTaken`), and the
 * caller reads the whole text instead.
 */

/** Where a block's text is in the module's memory, its first line's indentation and how it is chomped. */
export interface LiteralCut {
  from: number;
  to: number;
  indent: number;
  chomp: "clip" | "strip" | "keep";
}

/**
 * Literal blocks cut out of windows' bytes, their texts made when `flush`
 * is called. The module's memory is one for all batches: one batch at a time
 * (a cassette's reading, which is synchronous).
 */
export class LiteralBytesBatch {
  /** Whether the window being read is plain ASCII (`beginWindow`). */
  ascii = false;
  private readonly scalars: YamlScalar[] = [];
  /** Where each taken block's text starts and ends in the module's memory, two numbers a block. */
  private readonly bounds: number[] = [];
  /** Where the texts gathered end in the module's memory: how many bytes `flush` will make a string of. */
  size = 0;
  /** The blocks cut out of the window being read, by where each one's lines would start in the window's text. */
  private readonly cuts = new Map<number, LiteralCut>();
  private taken = 0;
  /** The window's text as bytes, its blocks' lines left out (grown as needed). */
  private structure: NodeBuffer | undefined;

  /** Starts a window: the last one's cuts are forgotten. */
  beginWindow(ascii: boolean): void {
    this.ascii = ascii;
    this.cuts.clear();
    this.taken = 0;
  }

  /**
   * The text of the window `start` to `end` of `bytes` (plain ASCII, after
   * `beginWindow(true)`) with the lines of its literal blocks cut out, each
   * block's text gathered for `flush`; `undefined` without WebAssembly SIMD
   * or Node's `Buffer` (then read the window's text as it is).
   */
  cutWindow(bytes: NodeBuffer, start: number, end: number): string | undefined {
    const module = loadModule();
    if (module === undefined) return undefined;
    const window = bytes.subarray(start, end) as NodeBuffer;
    const length = window.length;
    // The window's bytes go after room for what its blocks write (less than the window), 16 bytes to spare each.
    const copy = this.size + length + 16;
    module.reserve(copy + length + 16);
    const memory = module.view;
    memory.set(window, copy);
    const pieces: number[] = [];
    let kept = 0;
    let textLength = 0;
    for (let search = 0; ; ) {
      // A `|` after a space (found byte by byte natively, then looked behind: a body seldom holds one).
      const pipe = window.indexOf(124, search);
      if (pipe === -1) break;
      const bar = pipe - 1;
      if (window[bar] !== 32) {
        search = pipe + 1;
        continue;
      }
      let headerEnd = bar + 2;
      let chomp: LiteralCut["chomp"] = "clip";
      const sign = window[headerEnd];
      if (sign === 45 || sign === 43) {
        chomp = sign === 45 ? "strip" : "keep";
        headerEnd += 1;
      }
      const after = window[headerEnd]!;
      // A header with an indentation digit (go-yaml writes one when the text starts with a space): its block is left
      // in the text, and so is the rest of the window (a ` |` in its lines is not a header).
      if (after >= 49 && after <= 57) break;
      if (after !== 10) {
        search = bar + 2;
        continue;
      }
      const body = headerEnd + 1;
      let first = body;
      while (window[first] === 10) first += 1;
      let indent = 0;
      while (window[first + indent] === 32) indent += 1;
      const lineStart = window.lastIndexOf(10, bar) + 1;
      let headerIndent = 0;
      while (window[lineStart + headerIndent] === 32) headerIndent += 1;
      const text = window[first + indent];
      // No line with text below, or one not indented past the header's line: not a block to cut (nor anything after it in this window).
      if (indent <= headerIndent || text === undefined || text === 10) break;
      const written = module.cut(copy + body, copy + length, this.size, indent);
      if (written === -1) break;
      let to = written;
      if (chomp !== "keep") {
        while (to > this.size && memory[to - 1] === 10) to -= 1;
        if (chomp === "clip" && to < written) to += 1;
      }
      pieces.push(kept, body);
      textLength += body - kept;
      this.cuts.set(textLength, { from: this.size, to, indent, chomp });
      this.size = to;
      kept = module.stop() - copy;
      search = kept;
    }
    if (this.cuts.size === 0) return window.latin1Slice(0, length);
    pieces.push(kept, length);
    textLength += length - kept;
    if (this.structure === undefined || this.structure.length < textLength) this.structure = allocate(Math.max(textLength, 2 * (this.structure?.length ?? 0)));
    const structure = this.structure;
    for (let index = 0, at = 0; index < pieces.length; index += 2) {
      structure.set(window.subarray(pieces[index]!, pieces[index + 1]!), at);
      at += pieces[index + 1]! - pieces[index]!;
    }
    return structure.latin1Slice(0, textLength);
  }

  /** The block cut out where `position` of the window's text is, if one was. */
  cutAt(position: number): LiteralCut | undefined {
    return this.cuts.size === 0 ? undefined : this.cuts.get(position);
  }

  /** Gives `scalar` the text of `cut` when the batch is flushed. */
  take(cut: LiteralCut, scalar: YamlScalar): void {
    this.scalars.push(scalar);
    this.bounds.push(cut.from, cut.to);
    this.taken += 1;
  }

  /** Whether the reader took every block cut out of the window; when not, the window's reading is void. */
  get allTaken(): boolean {
    return this.taken === this.cuts.size;
  }

  /** Gives every block taken its text: one string made of them all, of which each text is a cut. */
  flush(): void {
    if (this.scalars.length === 0) {
      this.size = 0;
      return;
    }
    const text = loadModule()!.view.latin1Slice(0, this.size);
    for (let index = 0; index < this.scalars.length; index += 1) this.scalars[index]!.text = text.slice(this.bounds[2 * index], this.bounds[2 * index + 1]);
    this.scalars.length = 0;
    this.bounds.length = 0;
    this.size = 0;
  }
}

/** A Node Buffer: `latin1Slice` makes a string of a byte a character; `indexOf` finds bytes natively. */
export interface NodeBuffer extends Uint8Array {
  latin1Slice(start: number, end: number): string;
  indexOf(value: number | string | Uint8Array, byteOffset?: number): number;
  lastIndexOf(value: number | string | Uint8Array, byteOffset?: number): number;
}

/** A Node Buffer of `size` bytes, not zeroed. */
function allocate(size: number): NodeBuffer {
  return (globalThis as unknown as { Buffer: { allocUnsafe(size: number): NodeBuffer } }).Buffer.allocUnsafe(size);
}

interface LiteralModule {
  cut: (read: number, end: number, write: number, indent: number) => number;
  /** Where the last block `cut` read ended. */
  stop: () => number;
  view: NodeBuffer;
  /** Grows the memory to hold at least `bytes`. */
  reserve(bytes: number): void;
}

let literalModule: LiteralModule | null | undefined;

/** The module, made on first use (about 400 bytes, so compiled synchronously); `undefined` without WebAssembly SIMD or `Buffer`. */
function loadModule(): LiteralModule | undefined {
  if (literalModule === undefined) {
    literalModule = null;
    const BufferClass = (globalThis as unknown as { Buffer?: { from(buffer: ArrayBufferLike): NodeBuffer } }).Buffer;
    try {
      if (BufferClass === undefined || typeof BufferClass.from(new ArrayBuffer(1)).latin1Slice !== "function") return undefined;
      const bytes = Uint8Array.from(atob(literalBytesModule), (character) => character.charCodeAt(0));
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      const { cut, stop, memory } = instance.exports as { cut: LiteralModule["cut"]; stop: WebAssembly.Global; memory: WebAssembly.Memory };
      const made: LiteralModule = {
        cut,
        stop: () => stop.value as number,
        view: BufferClass.from(memory.buffer),
        reserve(size) {
          if (memory.buffer.byteLength >= size) return;
          memory.grow(Math.ceil((size - memory.buffer.byteLength) / 65_536));
          made.view = BufferClass.from(memory.buffer);
        },
      };
      literalModule = made;
    } catch {
      // No WebAssembly, or no SIMD: the text way.
    }
  }
  return literalModule ?? undefined;
}

/** literal-bytes.wat, compiled (literal-bytes.property.test.ts compiles it again and compares). */
export const literalBytesModule =
  "AGFzbQEAAAABCQFgBH9/f38BfwMCAQAFAwEAAQYGAX8BQQALBxcDBm1lbW9yeQIABHN0b3ADAANjdXQAAAqSAgGPAgEGfwNAIAAgAU8EQCABJAAgAg8LIAAtAABBCkYEQCACQQo6AAAgAkEBaiECIABBAWohAAwBC0EAIQgCQANAIAggA08NASAAIAhqIAFPDQEgACAIai0AAEEgRw0BIAhBAWohCAwACwsgCCADSQRAIAAgCGogAU8EQEF/DwsgACAIai0AACEJIAlBCkYEQEF/DwsgACQAIAIPCyAAIANqIQQgASEGAkADQCAEIAFPDQEgBP0ABABBCv0P/SP9ZCEFIAUEQCAEIAVoaiEGDAILIARBEGohBAwACwsgBkEBaiABIAYgAUkbIQcgACADaiEAIAIgACAHIABr/AoAACACIAcgAGtqIQIgByEADAALAAs=";
