/*
 * A literal block's text made straight from its bytes, when they are plain
 * ASCII (a window `read-in-windows` found so): the bytes are copied into a
 * WebAssembly module's memory, de-indented there in place
 * (literal-bytes.wat), and read into a string a byte a character. The text
 * way (`stripLines`: the block's lines cut from the window's text and joined)
 * makes a piece per line and copies the text twice more.
 */

/** Bytes that are plain ASCII, a text's first character at `start`. */
export interface AsciiBytes {
  bytes: Uint8Array;
  start: number;
}

/** The literal blocks made from bytes at least this long: shorter, cutting the text's lines is as quick. */
const bytesBlockLength = 1_024;

/**
 * The text of the literal block from `start` to `end` in a text whose bytes
 * are `ascii`, made from them (`stripLinesFromBytes`), when there are such
 * bytes and the block is long enough to gain by it; `undefined` otherwise.
 */
export function literalFromBytes(ascii: AsciiBytes | undefined, start: number, end: number, indent: number): string | undefined {
  return ascii !== undefined && end - start >= bytesBlockLength ? stripLinesFromBytes(ascii.bytes, ascii.start + start, ascii.start + end, indent) : undefined;
}

/**
 * The text of the block whose bytes are `bytes` from `start` to `end` (its
 * first line's indentation already left out; chomped), every later line's
 * `indent` spaces left out, a bare LF kept: what `stripLines` gives of the
 * same text. The bytes must be plain ASCII. `undefined` when a line does not
 * start with `indent` spaces, or where WebAssembly SIMD or Node's `Buffer`
 * is not there: then cut the lines from the text.
 */
export function stripLinesFromBytes(bytes: Uint8Array, start: number, end: number, indent: number): string | undefined {
  const module = loadModule();
  if (module === undefined) return undefined;
  const length = end - start;
  // The module reads up to 16 bytes past the block's end.
  if (module.memory.buffer.byteLength < length + 16) module.grow(length + 16);
  module.view.set(bytes.subarray(start, end));
  const stripped = module.strip(length, indent);
  return stripped === -1 ? undefined : module.view.latin1Slice(0, stripped);
}

/** A Node Buffer over the module's memory: `latin1Slice` makes a string of a byte a character. */
interface NodeBuffer extends Uint8Array {
  latin1Slice(start: number, end: number): string;
}

interface LiteralModule {
  strip: (end: number, indent: number) => number;
  memory: WebAssembly.Memory;
  view: NodeBuffer;
  /** Grows the memory to hold at least `bytes`. */
  grow(bytes: number): void;
}

let literalModule: LiteralModule | null | undefined;

/** The module, made on first use (about 270 bytes, so compiled synchronously); `undefined` without WebAssembly SIMD or `Buffer`. */
function loadModule(): LiteralModule | undefined {
  if (literalModule === undefined) {
    literalModule = null;
    const BufferClass = (globalThis as unknown as { Buffer?: { from(buffer: ArrayBufferLike): NodeBuffer } }).Buffer;
    try {
      if (BufferClass === undefined || typeof BufferClass.from(new ArrayBuffer(1)).latin1Slice !== "function") return undefined;
      const bytes = Uint8Array.from(atob(literalBytesModule), (character) => character.charCodeAt(0));
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      const exports = instance.exports as { strip: LiteralModule["strip"]; memory: WebAssembly.Memory };
      const made: LiteralModule = {
        strip: exports.strip,
        memory: exports.memory,
        view: BufferClass.from(exports.memory.buffer),
        grow(size) {
          exports.memory.grow(Math.ceil((size - exports.memory.buffer.byteLength) / 65_536));
          made.view = BufferClass.from(exports.memory.buffer);
        },
      };
      literalModule = made;
    } catch {
      // No WebAssembly, or no SIMD: the text way.
    }
  }
  return literalModule ?? undefined;
}

/** literal-bytes.wat, compiled (literal-bytes.test.ts compiles it again and compares). */
export const literalBytesModule =
  "AGFzbQEAAAABBwFgAn9/AX8DAgEABQMBAAEHEgIGbWVtb3J5AgAFc3RyaXAAAArKAQHHAQEHfwNAIAIhBCAAIQYCQANAIAQgAE8NASAE/QAEAEEK/Q/9I/1kIQUgBQRAIAQgBWhqIQYMAgsgBEEQaiEEDAALCyAGQQFqIAAgBiAASRshByADIAIgByACa/wKAAAgAyAHIAJraiEDIAcgAE8EQCADDwsgByECIAItAABBCkcEQCACIAFqIABLBEBBfw8LQQAhCAJAA0AgCCABTw0BIAIgCGotAABBIEcEQEF/DwsgCEEBaiEIDAALCyACIAFqIQILDAALAAs=";
