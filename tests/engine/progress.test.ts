import { describe, expect, it } from 'vitest';
import { buildPlan, type Plan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import { phaseProgress, planProgress } from '../../server/src/engine/progress';

function planOf(text: string): Plan {
  const { source, fatal } = parseSource('test.rollout.yaml', text);
  if (fatal) throw new Error('test plan does not parse');
  return buildPlan(source);
}

/*
 * design  (no wave): 2 items, one `done: true`, one not            -> 1/2, running
 * fr-uat  (wave 1):  3 items, one `done: <date>`, two not          -> 1/3
 * fr-go   (wave 1):  1 item not done, but `actual.end` is recorded -> complete, counted 1/1
 * de-uat  (wave 2):  2 items, both done                             -> 2/2, complete
 * wave 1 = 1/3 + 1/1 = 2/4, not complete; wave 2 = 2/2, complete; plan = 1/2 + 2/4 + 2/2 = 5/8.
 */
const plan = planOf(`name: Progress
phases:
  - id: design
    duration: 2w
    checklist:
      - { task: Sign the scope, done: true }
      - { task: Map the fields }
  - id: fr-uat
    wave: 1
    duration: 1w
    checklist:
      - { task: Script the tests, done: 2027-03-02 }
      - { task: Run the tests }
      - { task: Sign off }
  - id: fr-go
    wave: 1
    duration: 1d
    actual: { start: 2027-03-10, end: 2027-03-10 }
    checklist:
      - { task: Switch over }
  - id: de-uat
    wave: 2
    duration: 1w
    checklist:
      - { task: Script the tests, done: true }
      - { task: Run the tests, done: 2027-03-04 }
`);

function phase(id: string) {
  const found = plan.phases.find((p) => p.id === id);
  if (!found) throw new Error(`no phase ${id}`);
  return found;
}

describe('progress', () => {
  it.each([
    ['design', { done: 1, total: 2, complete: false }],
    ['fr-uat', { done: 1, total: 3, complete: false }],
    ['fr-go', { done: 1, total: 1, complete: true }],
    ['de-uat', { done: 2, total: 2, complete: true }],
  ])('counts done items of phase %s, a date counting as done and actual.end as complete', (id, expected) => {
    expect(phaseProgress(phase(id))).toEqual(expected);
  });

  it('sums phases into their waves and the whole plan', () => {
    const progress = planProgress(plan);
    expect([...progress.waves]).toEqual([
      [1, { done: 2, total: 4, complete: false }],
      [2, { done: 2, total: 2, complete: true }],
    ]);
    expect(progress.plan).toEqual({ done: 5, total: 8, complete: false });
    expect(progress.phases.get(phase('fr-go'))).toEqual({ done: 1, total: 1, complete: true });
  });

  it('counts a phase without checklist as not complete until it has actual.end', () => {
    const empty = planOf('name: Empty\nphases:\n  - id: a\n    duration: 1d\n  - id: b\n    duration: 1d\n    actual: { end: 2027-03-01 }\n');
    expect(empty.phases.map(phaseProgress)).toEqual([
      { done: 0, total: 0, complete: false },
      { done: 0, total: 0, complete: true },
    ]);
  });
});
