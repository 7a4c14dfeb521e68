import type { YamlScalar } from "./node.js";

/*
 * Literal blocks' texts made straight from their bytes, when they are plain
 * ASCII (windows `read-in-windows` found so), many blocks at once: each
 * block's bytes are copied into a WebAssembly module's memory after the
 * last, de-indented there in place (literal-bytes.wat), and one string is
 * read of them all, a byte a character, of which each block's text is a cut.
 *
 * Why: the text way (`stripLines`: the block's lines cut from the window's
 * text and joined) makes a piece per line and copies the text twice more.
 * And a block's text made on its own, a few kilobytes, is born in V8's young
 * generation, which a loaded cassette's bodies fill again and again, each
 * time copied twice by the collector before they settle. A string of more
 * than 128 KiB is born where the collector never copies it; the cuts of it
 * (V8 makes a cut of 13 characters or more a small view of the string) are
 * all that is young. What the string holds is the blocks' texts and nothing
 * else, so keeping it alive costs no more than the values it gives.
 */

/** Bytes that are plain ASCII, a text's first character at `start`. */
export interface AsciiBytes {
  bytes: Uint8Array;
  start: number;
}

/** The literal blocks made from bytes are at least this long: shorter, cutting the text's lines is as quick. */
export const bytesBlockLength = 1_024;

/**
 * Literal blocks gathered from the bytes of windows, their texts made when
 * `flush` is called. The module's memory is one for all batches: one batch
 * at a time (a cassette's reading, which is synchronous).
 */
export class LiteralBytesBatch {
  /** The bytes of the window being read, when they are plain ASCII; blocks of other windows are read from their text. */
  window: AsciiBytes | undefined;
  private readonly scalars: YamlScalar[] = [];
  /** Where each block's text starts and ends in the module's memory, two numbers a block. */
  private readonly bounds: number[] = [];
  /** Where the texts gathered end in the module's memory: how many bytes `flush` will make a string of. */
  size = 0;

  /**
   * Takes the literal block `scalar`, its text to come, from `start` to `end`
   * in the window's text (its first line's indentation already left out;
   * chomped), every later line's `indent` spaces to be left out, a bare LF
   * kept: what `stripLines` gives of the same text. `false` when the window
   * is not plain ASCII, the block is short, a line does not start with
   * `indent` spaces, or WebAssembly SIMD or Node's `Buffer` is not there:
   * then make its text from the text.
   */
  add(scalar: YamlScalar, start: number, end: number, indent: number): boolean {
    const window = this.window;
    if (window === undefined || end - start < bytesBlockLength) return false;
    const module = loadModule();
    if (module === undefined) return false;
    const from = this.size;
    const length = end - start;
    // The module reads up to 16 bytes past the block's end.
    module.reserve(from + length + 16);
    module.view.set(window.bytes.subarray(window.start + start, window.start + end), from);
    const stripped = module.strip(from, from + length, indent);
    if (stripped === -1) return false;
    this.scalars.push(scalar);
    this.bounds.push(from, stripped);
    this.size = stripped;
    return true;
  }

  /** Gives every block taken its text: one string made of them all, of which each text is a cut. */
  flush(): void {
    if (this.scalars.length === 0) return;
    const text = loadModule()!.view.latin1Slice(0, this.size);
    for (let index = 0; index < this.scalars.length; index += 1) this.scalars[index]!.text = text.slice(this.bounds[2 * index], this.bounds[2 * index + 1]);
    this.scalars.length = 0;
    this.bounds.length = 0;
    this.size = 0;
  }
}

/** A Node Buffer over the module's memory: `latin1Slice` makes a string of a byte a character. */
interface NodeBuffer extends Uint8Array {
  latin1Slice(start: number, end: number): string;
}

interface LiteralModule {
  strip: (from: number, end: number, indent: number) => number;
  view: NodeBuffer;
  /** Grows the memory to hold at least `bytes`. */
  reserve(bytes: number): void;
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
      const { strip, memory } = instance.exports as { strip: LiteralModule["strip"]; memory: WebAssembly.Memory };
      const made: LiteralModule = {
        strip,
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
  "AGFzbQEAAAABCAFgA39/fwF/AwIBAAUDAQABBxICBm1lbW9yeQIABXN0cmlwAAAK0gEBzwEBB38gACEDIAAhBANAIAMhBSABIQcCQANAIAUgAU8NASAF/QAEAEEK/Q/9I/1kIQYgBgRAIAUgBmhqIQcMAgsgBUEQaiEFDAALCyAHQQFqIAEgByABSRshCCAEIAMgCCADa/wKAAAgBCAIIANraiEEIAggAU8EQCAEDwsgCCEDIAMtAABBCkcEQCADIAJqIAFLBEBBfw8LQQAhCQJAA0AgCSACTw0BIAMgCWotAABBIEcEQEF/DwsgCUEBaiEJDAALCyADIAJqIQMLDAALAAs=";
