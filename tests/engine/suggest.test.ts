import { describe, expect, it } from 'vitest';
import { closest, editDistance, Suggester } from '../../server/src/engine/suggest';

describe('editDistance', () => {
  it('is 0 for equal words', () => {
    expect(editDistance('duration', 'duration')).toBe(0);
  });

  it('counts a missing letter as one edit', () => {
    expect(editDistance('duraton', 'duration')).toBe(1);
  });

  it('counts swapped adjacent letters as one edit', () => {
    expect(editDistance('mielstones', 'milestones')).toBe(1);
  });

  it('counts substitutions, insertions and deletions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('measures against the empty word by length', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('stops at limit + 1 once the distance exceeds the limit', () => {
    expect(editDistance('planning', 'optimization', 2)).toBe(3);
  });
});

describe('closest', () => {
  it('suggests the known word one typo away', () => {
    expect(closest('duraton', ['id', 'name', 'kind', 'duration', 'start'])).toBe('duration');
  });

  it('suggests through a transposition', () => {
    expect(closest('mielstones', ['checklist', 'milestones'])).toBe('milestones');
  });

  it('ignores case when comparing and returns the candidate as written', () => {
    expect(closest('High', ['low', 'medium', 'high'])).toBe('high');
  });

  it('returns undefined when nothing is close', () => {
    expect(closest('sometimes', ['low', 'medium', 'high'])).toBeUndefined();
  });

  it('does not suggest a different short word two edits away', () => {
    expect(closest('wave', ['id', 'name'])).toBeUndefined();
  });

  it('suggests the full word for an abbreviation of three or more letters', () => {
    expect(closest('warn', ['error', 'warning', 'info', 'off'])).toBe('warning');
  });

  it('prefers a one-letter typo over a longer word the input abbreviates', () => {
    expect(closest('inf', ['information', 'inn'])).toBe('inn');
  });

  it('breaks ties by candidate order', () => {
    expect(closest('bat', ['cat', 'hat'])).toBe('cat');
  });

  it('honours an explicit maximum distance', () => {
    expect(closest('duraton', ['duration'], 0)).toBeUndefined();
    expect(closest('planing', ['planning'], 1)).toBe('planning');
  });

  it('accepts any iterable of candidates', () => {
    expect(closest('tset', new Set(['test', 'uat']))).toBe('test');
  });

  it('returns undefined for no candidates', () => {
    expect(closest('anything', [])).toBeUndefined();
  });
});

describe('Suggester (large candidate sets)', () => {
  /** 2,000 ids like `anna-k17`, with near neighbours of each other, and the words people mistype them as. */
  const people = Array.from({ length: 2_000 }, (_, i) => `${['anna', 'ann', 'hanna', 'jon', 'john', 'joan'][i % 6]}-k${i}`);
  const typed = ['ana-k6', 'anna-k6', 'john-k10', 'jhon-k10', 'joh-k10', 'hana-k2', 'jon-k33', 'joan-k5', 'anna-k', 'ann-k13', 'nobody', 'JOHN-K1O', 'anna-k1999', 'hannah-k8', 'jno-k3', 'jo-k15'];

  it('gives the same answers by scanning and through its deletion index, however many words it was asked before', () => {
    // Each word asked first (answered by a scan, as the first few are) and after the index exists.
    const warmed = new Suggester(people);
    for (const word of typed) warmed.closest(`${word}-warm-up`);
    const answers = typed.map((word) => new Suggester(people).closest(word));
    expect(typed.map((word) => warmed.closest(word))).toEqual(answers);
    expect(answers.slice(0, 6)).toEqual(['anna-k6', 'anna-k6', 'john-k10', 'john-k10', 'john-k10', 'hanna-k2']);
  });
});
