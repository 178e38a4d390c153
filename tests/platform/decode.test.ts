import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeText } from '../../server/src/platform/decode';

const utf16le = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le');

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a byte-order mark and UTF-16 with one, and encodeText gives the same bytes back', () => {
    const text = 'name: Zoë Müller 🚀\r\n';
    const cases = [
      [Buffer.from(text, 'utf8'), 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8-bom'],
      [utf16le(text), 'utf-16le'],
      [utf16le(text).swap16(), 'utf-16be'],
    ] as const;
    for (const [bytes, encoding] of cases) {
      expect(decodeBytes(bytes)).toEqual({ ok: true, text, encoding });
      expect(encodeText(text, encoding).equals(bytes)).toBe(true);
    }
  });

  it('refuses Windows-1252 at the first bad byte, with its offset in the lossy text', () => {
    const decoded = decodeBytes(Buffer.from('plan: 1\nname: Müller\n', 'latin1'));
    expect(decoded).toMatchObject({ ok: false, problem: { offset: 15, what: 'byte 0xFC', likely: 'Windows-1252 (or another single-byte encoding)', guessed: true } });
    expect(decoded.text.slice(14, 16)).toBe('M\ufffd');
  });

  it('refuses overlong forms, encoded surrogates and truncated sequences, which lenient decoders let through', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      expect(decodeBytes(Buffer.from([0x61, ...bad])).ok, bad.map((b) => b.toString(16)).join(' ')).toBe(false);
    }
  });

  it('refuses UTF-16 without a byte-order mark, and UTF-16 with an unpaired surrogate or a stray byte', () => {
    expect(decodeBytes(Buffer.from('plan: 1\nname: X\n', 'utf16le'))).toMatchObject({ ok: false, problem: { likely: 'UTF-16LE without a byte-order mark' } });
    expect(decodeBytes(Buffer.from('plan: 1\nname: X\n', 'utf16le').swap16())).toMatchObject({ ok: false, problem: { likely: 'UTF-16BE without a byte-order mark' } });
    expect(decodeBytes(Buffer.concat([utf16le('ab'), Buffer.from([0x00, 0xd8, 0x63, 0x00])]))).toMatchObject({ ok: false, problem: { offset: 2, what: 'code unit 0xD800' } });
    expect(decodeBytes(Buffer.concat([utf16le('ab'), Buffer.from([0x63])]))).toMatchObject({ ok: false, problem: { offset: 2, what: 'a stray last byte' } });
  });
});
