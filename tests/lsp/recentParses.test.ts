import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generatePlan';
import { documentValue, parseSource } from '../../server/src/engine/parse';
import { REPARSE_MIN_LENGTH } from '../../server/src/engine/reparse';
import { RecentParses } from '../../server/src/lsp/recentParses';

/**
 * The language server's memory of recent parses and their document values: a keystroke's
 * value re-uses everything but the edited item, and nothing is re-used across files, from a
 * text with problems, or from a file forgotten to keep the memory small.
 */

const PLAN = generatePlan({ lines: 700, seed: 3 }).text;
/** An `x` typed inside the first checklist task: one phase's item changes, nothing else. */
const TYPED = PLAN.replace(/task: (\S)/, 'task: x$1');

type PlanValue = { people: unknown[]; phases: unknown[] };

function valueOf(parses: RecentParses, path: string, text: string): PlanValue {
  const parsed = parses.parse(path, text);
  const value = parsed.value?.().value;
  expect(value).toEqual(documentValue(parseSource(path, text).source).value);
  return value as PlanValue;
}

function editedPhase(before: PlanValue, after: PlanValue): number {
  return after.phases.findIndex((phase, i) => phase !== before.phases[i]);
}

describe('RecentParses document values', () => {
  it('re-uses every part of the previous value but the edited item and its containers', () => {
    expect(PLAN.length).toBeGreaterThanOrEqual(REPARSE_MIN_LENGTH);
    const parses = new RecentParses();
    const before = valueOf(parses, '/w/a.rollout.yaml', PLAN);
    const after = valueOf(parses, '/w/a.rollout.yaml', TYPED);
    expect(after).not.toBe(before);
    expect(after.people).toBe(before.people);
    const edited = editedPhase(before, after);
    expect(edited).toBeGreaterThanOrEqual(0);
    expect(after.phases.filter((phase, i) => phase !== before.phases[i])).toHaveLength(1);
    // The previous value is left as it was.
    expect(before).toEqual(documentValue(parseSource('/w/a.rollout.yaml', PLAN).source).value);
  });

  it('gives the same value object again for the same text', () => {
    const parses = new RecentParses();
    const first = valueOf(parses, '/w/a.rollout.yaml', PLAN);
    expect(valueOf(parses, '/w/a.rollout.yaml', PLAN)).toBe(first);
  });

  it('never re-uses the value of another file', () => {
    const parses = new RecentParses();
    const a = valueOf(parses, '/w/a.rollout.yaml', PLAN);
    const b = valueOf(parses, '/w/b.rollout.yaml', TYPED);
    expect(b.people).not.toBe(a.people);
  });

  it('converts anew after a text with a syntax error, which is not remembered', () => {
    const parses = new RecentParses();
    const clean = valueOf(parses, '/w/a.rollout.yaml', PLAN);
    const broken = PLAN.replace('plan: 1\n', 'plan: 1\nname: [unclosed\n');
    expect(parses.parse('/w/a.rollout.yaml', broken).findings.length).toBeGreaterThan(0);
    // The clean parse is still remembered and closest to the typed text; a new memory after the
    // error starts from the typed text itself.
    const typed = valueOf(parses, '/w/a.rollout.yaml', TYPED);
    expect(typed.people).toBe(clean.people);
    const fresh = new RecentParses();
    fresh.parse('/w/a.rollout.yaml', broken).value?.();
    expect(valueOf(fresh, '/w/a.rollout.yaml', TYPED).people).not.toBe(clean.people);
  });

  it('forgets the least recent of more than three files', () => {
    const parses = new RecentParses();
    const first = valueOf(parses, '/w/a.rollout.yaml', PLAN);
    for (const name of ['b', 'c', 'd']) valueOf(parses, `/w/${name}.rollout.yaml`, PLAN);
    expect(valueOf(parses, '/w/a.rollout.yaml', TYPED).people).not.toBe(first.people);
  });

  it('keeps nothing for a small file, which a full parse handles in a few milliseconds', () => {
    const parses = new RecentParses();
    const small = 'plan: 1\nname: x\npeople:\n  - id: a\n  - id: b\nphases: []\n';
    const first = valueOf(parses, '/w/s.rollout.yaml', small) as unknown as { people: unknown[] };
    expect((valueOf(parses, '/w/s.rollout.yaml', small.replace('id: a', 'id: ab')) as unknown as { people: unknown[] }).people).not.toBe(first.people);
  });
});
