import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { minimalEdit } from '../../server/src/engine/textDiff';

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
