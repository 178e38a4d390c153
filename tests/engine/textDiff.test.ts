import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { commonPrefixLength, commonSuffixLength, minimalEdit } from '../../server/src/engine/textDiff';

describe('minimalEdit', () => {
  it('replaces only the changed middle of a text', () => {
    expect(minimalEdit('owner: pryia\nname: x\n', 'owner: priya\nname: x\n')).toEqual({ start: 9, end: 11, newText: 'iy' });
  });

  it('handles insertions and deletions at either end', () => {
    expect(minimalEdit('abc', 'xabc')).toEqual({ start: 0, end: 0, newText: 'x' });
    expect(minimalEdit('abc', 'ab')).toEqual({ start: 2, end: 3, newText: '' });
  });

  it('is undefined when nothing changed', () => {
    expect(minimalEdit('same', 'same')).toBeUndefined();
  });

  it('never splits a surrogate pair', () => {
    const before = 'a😀b';
    const after = 'a😃b';
    const edit = minimalEdit(before, after)!;
    expect(edit).toEqual({ start: 1, end: 3, newText: '😃' });
    expect(applyEdits(before, [edit])).toBe(after);
  });
});

describe('commonPrefixLength and commonSuffixLength', () => {
  /** The same lengths, counted one character at a time. */
  function slowPrefix(a: string, b: string): number {
    let n = 0;
    while (n < Math.min(a.length, b.length) && a[n] === b[n]) n++;
    return n;
  }
  function slowSuffix(a: string, b: string, limit: number): number {
    let n = 0;
    while (n < limit && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    return n;
  }

  it('agree with a character-by-character count at, before and after block boundaries', () => {
    const base = Array.from({ length: 900 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    for (const at of [0, 1, 255, 256, 257, 511, 512, 513, 899]) {
      for (const edited of [base.slice(0, at) + 'X' + base.slice(at), base.slice(0, at) + base.slice(at + 1), base.slice(0, at) + 'X' + base.slice(at + 1)]) {
        expect(commonPrefixLength(base, edited)).toBe(slowPrefix(base, edited));
        const limit = Math.min(base.length, edited.length) - commonPrefixLength(base, edited);
        expect(commonSuffixLength(base, edited, limit)).toBe(slowSuffix(base, edited, limit));
      }
    }
  });

  it('stop at the shorter text and at the suffix limit', () => {
    const long = 'ab'.repeat(400);
    expect(commonPrefixLength(long, long.slice(0, 300))).toBe(300);
    expect(commonSuffixLength(long, long, 10)).toBe(10);
    expect(commonSuffixLength(long, long, long.length)).toBe(long.length);
    expect(commonPrefixLength('', long)).toBe(0);
  });
});
