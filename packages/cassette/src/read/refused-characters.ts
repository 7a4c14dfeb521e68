/**
 * The characters yaml.v3 refuses anywhere in a document ("control characters
 * are not allowed"): C0 controls but tab, LF and CR; C1 controls but NEL;
 * U+FFFE and U+FFFF. DEL (U+007F) is refused too, but goccy/go-yaml writes it
 * raw and reads it back, so it is found apart: the layout decides.
 */
const refused = /[\x00-\x08\x0B\x0C\x0E-\x1F\x80-\x84\x86-\x9F\uFFFE\uFFFF]/;

/** Where a text holds the first character Go refuses, and the first DEL; -1 for none. */
export interface RefusedCharacters {
  refused: number;
  delete: number;
}

/**
 * Finds the characters Go refuses in a document, in one pass over the text.
 * A regular expression looks at each character (about 100 ms for 80 MB);
 * this encodes the text a piece at a time into a WebAssembly module's memory,
 * where a SIMD loop clears 16 bytes at once (refused-characters.wat), and
 * leaves only the pieces it cannot clear to the regular expression: 80 MB of
 * ASCII in about 40 ms. Without WebAssembly SIMD, the regular expression alone.
 */
export function findRefusedCharacters(text: string): RefusedCharacters {
  const scanner = loadScanner();
  if (scanner === undefined) return findInPiece(text, 0, { refused: -1, delete: -1 });
  const found: RefusedCharacters = { refused: -1, delete: -1 };
  const { scan, memory } = scanner;
  for (let start = 0; start < text.length && found.refused === -1; start += pieceLength) {
    const piece = text.slice(start, start + pieceLength);
    const { written } = encoder.encodeInto(piece, memory);
    const end = (written + 15) & ~15;
    // Spaces after the piece's bytes, up to the 16 the loop reads last.
    memory.fill(32, written, end);
    if (scan(0, end) < end) findInPiece(piece, start, found);
  }
  return found;
}

/** Characters encoded at a time: at most three bytes each, within the module's 64 KiB. */
const pieceLength = 16 * 1024;
const encoder = new TextEncoder();

/** The exact check, of one piece that starts at `offset`. */
function findInPiece(piece: string, offset: number, found: RefusedCharacters): RefusedCharacters {
  const match = refused.exec(piece);
  if (match !== null) found.refused = offset + match.index;
  if (found.delete === -1) {
    const index = piece.indexOf("\u007f");
    if (index !== -1 && (found.refused === -1 || index < found.refused - offset)) found.delete = offset + index;
  }
  return found;
}

/**
 * Whether the bytes from `start` to `end` are plain ASCII holding no
 * character Go refuses and no DEL: then they are their own text, one
 * character a byte (their latin1 reading is their UTF-8 reading), and need
 * no other look. They are copied into the module's memory a piece at a time
 * and cleared 16 at once. `false` when they hold anything else, or where
 * WebAssembly SIMD is not there: then decode them and look at the text.
 */
export function isPlainAscii(bytes: Uint8Array, start: number, end: number): boolean {
  const scanner = loadScanner();
  if (scanner === undefined) return false;
  const { plain, memory } = scanner;
  for (let from = start; from < end; from += memory.length) {
    const length = Math.min(end - from, memory.length);
    memory.set(bytes.subarray(from, from + length));
    const padded = (length + 15) & ~15;
    memory.fill(32, length, padded);
    if (plain(0, padded) < padded) return false;
  }
  return true;
}

interface Scanner {
  scan: (from: number, end: number) => number;
  plain: (from: number, end: number) => number;
  memory: Uint8Array;
}

let scanner: Scanner | null | undefined;

/** The module, made on first use (250 bytes, so compiled synchronously even in a browser); `undefined` where WebAssembly SIMD is not there. */
function loadScanner(): Scanner | undefined {
  if (scanner === undefined) {
    scanner = null;
    try {
      const bytes = Uint8Array.from(atob(scannerModule), (character) => character.charCodeAt(0));
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      const exports = instance.exports as { scan: Scanner["scan"]; plain: Scanner["plain"]; memory: WebAssembly.Memory };
      scanner = { scan: exports.scan, plain: exports.plain, memory: new Uint8Array(exports.memory.buffer) };
    } catch {
      // No WebAssembly, or no SIMD: the regular expression alone.
    }
  }
  return scanner ?? undefined;
}

/** refused-characters.wat, compiled (refused-characters.test.ts compiles it again and compares). */
export const scannerModule =
  "AGFzbQEAAAABBwFgAn9/AX8DAwIAAAUDAQABBxkDBm1lbW9yeQIABHNjYW4AAAVwbGFpbgABCssBAm8BAXsCQANAIAAgAU8NASAA/QAEACECIAJBIP0P/SYgAkEJ/Q/9IyACQQr9D/0j/VAgAkEN/Q/9I/1Q/U8gAkH/AP0P/SP9UCACQcIB/Q/9IyACQe8B/Q/9I/1Q/VD9Uw0BIABBEGohAAwACwsgAAtZAQF7AkADQCAAIAFPDQEgAP0ABAAhAiACQSD9D/0lIAJBCf0P/SMgAkEK/Q/9I/1QIAJBDf0P/SP9UP1PIAJB/wD9D/0j/VD9Uw0BIABBEGohAAwACwsgAAs=";
