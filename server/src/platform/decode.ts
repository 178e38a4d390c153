import type { EncodingProblem } from '../engine/fileSystem';

/**
 * Turns file bytes into text strictly, the way the plan format allows: UTF-8 with or without a
 * byte-order mark, or UTF-16 (little- or big-endian) with one. Anything else is not guessed at
 * and silently repaired (a Windows-1252 `Müller` read as UTF-8 becomes `M�ller`, and writing that
 * back loses the byte for good): it is reported with the first offending position and the
 * encoding it most likely is. The encoding is remembered so `--fix` writes the same bytes back
 * for everything it did not change.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncoding }
  /** `text` is a lossy decoding (U+FFFD for bad bytes), good for showing positions, never for writing. */
  | { ok: false; text: string; problem: EncodingProblem };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = bytes[i + 1];
    // Overlong forms (E0 80..9F) and UTF-16 surrogates (ED A0..BF) are not UTF-8.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second >= 0xa0)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = bytes[i + 1];
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second >= 0x90)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Index of the first byte that is not part of valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** Index (in code units) of the first unpaired surrogate or a dangling odd byte, or -1. */
function firstInvalidUtf16(units: Uint16Array, oddByte: boolean): number {
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 1 < units.length && units[i + 1] >= 0xdc00 && units[i + 1] <= 0xdfff) i++;
      else return i;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return oddByte ? units.length : -1;
}

/** Text without a byte-order mark whose NUL bytes sit at every other position is UTF-16 without its mark. */
function utf16WithoutMark(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = sample / 2;
  if (pairs === 0) return undefined;
  if (oddNuls * 2 > pairs && evenNuls * 10 < pairs) return 'UTF-16LE';
  if (evenNuls * 2 > pairs && oddNuls * 10 < pairs) return 'UTF-16BE';
  return undefined;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const body = bytes.subarray(2);
  const units = new Uint16Array(body.length >> 1);
  for (let i = 0; i < units.length; i++) {
    units[i] = encoding === 'utf-16le' ? body[2 * i] | (body[2 * i + 1] << 8) : (body[2 * i] << 8) | body[2 * i + 1];
  }
  const text = new TextDecoder(encoding).decode(body);
  const bad = firstInvalidUtf16(units, body.length % 2 === 1);
  if (bad < 0) return { ok: true, text, encoding };
  const what = bad === units.length ? 'a stray last byte' : `code unit 0x${units[bad].toString(16).toUpperCase()}`;
  return { ok: false, text, problem: { offset: bad, what, likely: `damaged ${encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'}`, guessed: false } };
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be');
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const text = new TextDecoder('utf-8').decode(body);
  const unmarked = bom ? undefined : utf16WithoutMark(body);
  if (unmarked) return { ok: false, text, problem: { offset: 0, what: 'the text', likely: `${unmarked} without a byte-order mark`, guessed: false } };
  const bad = firstInvalidUtf8(body, 0);
  if (bad < 0) return { ok: true, text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  // The lossy decoding of the valid prefix has exactly as many code units as the prefix's characters.
  const offset = new TextDecoder('utf-8').decode(body.subarray(0, bad)).length;
  return { ok: false, text, problem: { offset, what: `byte ${hex(body[bad])}`, likely: 'Windows-1252 (or another single-byte encoding)', guessed: true } };
}

/** The bytes of `text` in `encoding`, byte-order mark included: what `decodeBytes` read, for text it did not change. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.from(`\ufeff${text}`, 'utf16le');
    case 'utf-16be':
      return Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  }
}

/** Text for showing only (a commit's old version in `diff`): lossy where `decodeBytes` would refuse. */
export function decodeText(bytes: Uint8Array): string {
  return decodeBytes(bytes).text;
}
