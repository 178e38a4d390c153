import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../server/src/engine/calendar';
import { applyEdits } from '../../server/src/engine/edits';
import { buildPlan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import { progressActions } from '../../server/src/engine/progressActions';

const TODAY = dayFromIso('2027-03-02')!;

/** The actions at the `¦` marker, each with the text it makes. */
function actionsAt(marked: string): { title: string; kind: string; text: string }[] {
  const offset = marked.indexOf('¦');
  const text = marked.replace('¦', '');
  const { source } = parseSource('p.rollout.yaml', text);
  return progressActions(buildPlan(source), offset, TODAY).map((fix) => ({ title: fix.title, kind: fix.kind, text: applyEdits(text, fix.edits) }));
}

const PLAN = `plan: 1
name: P
phases:
  - id: uat   # user acceptance
    name: UAT
    kind: testing
    start: 2027-03-01
    duration: 1w
    checklist:
      - { task: Run UAT, tags: [uat] }   # the big one
      - task: Sign off
        done: true
    milestones:
      - id: accepted
        name: Accepted   # by the sponsor
`;

describe('progress actions', () => {
  it('marks a checklist item done today, in its flow map, keeping the comment', () => {
    expect(actionsAt(PLAN.replace('{ task: Run UAT', '{ task: ¦Run UAT'))).toEqual([
      { title: 'mark item "Run UAT" done today (2027-03-02)', kind: 'suggestion', text: PLAN.replace('{ task: Run UAT, tags: [uat] }', '{ task: Run UAT, tags: [uat], done: 2027-03-02 }') },
    ]);
  });

  it('offers nothing for an item already done', () => {
    expect(actionsAt(PLAN.replace('task: Sign off', 'task: ¦Sign off'))).toEqual([]);
  });

  it('marks a milestone achieved today, in its block map, keeping the comment', () => {
    expect(actionsAt(PLAN.replace('name: Accepted', 'name: ¦Accepted'))).toEqual([
      { title: 'mark milestone "accepted" achieved today (2027-03-02)', kind: 'suggestion', text: PLAN.replace('        name: Accepted   # by the sponsor\n', '        name: Accepted   # by the sponsor\n        achieved: 2027-03-02\n') },
    ]);
  });

  it('marks a phase started today with a new actual entry, on the line of its id only', () => {
    expect(actionsAt(PLAN.replace('    kind: testing', '    kind: ¦testing'))).toEqual([]);
    expect(actionsAt(PLAN.replace('  - id: uat', '  - id: ¦uat'))).toEqual([
      { title: 'mark phase "uat" started today (2027-03-02)', kind: 'suggestion', text: PLAN.replace('        name: Accepted   # by the sponsor\n', '        name: Accepted   # by the sponsor\n    actual: { start: 2027-03-02 }\n') },
    ]);
  });

  it('marks a started phase finished today inside its actual entry', () => {
    const started = PLAN.replace('    duration: 1w\n', '    duration: 1w\n    actual: { start: 2027-03-01 }   # late by a day\n');
    expect(actionsAt(started.replace('  - id: uat', '  - id: u¦at'))).toEqual([
      { title: 'mark phase "uat" finished today (2027-03-02)', kind: 'suggestion', text: started.replace('actual: { start: 2027-03-01 }', 'actual: { start: 2027-03-01, end: 2027-03-02 }') },
    ]);
  });

  it('offers nothing outside a phase', () => {
    expect(actionsAt(PLAN.replace('name: P', 'name: ¦P'))).toEqual([]);
  });
});
