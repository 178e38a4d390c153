import { describe, expect, it } from 'vitest';
import { personCandidates, personPickFixes } from '../../../server/src/engine/ruleSupport/personPicks';
import type { TextEdit } from '../../../server/src/engine/types';
import { planAndSchedule } from './fixture';

const { plan } = planAndSchedule('people: [{ id: priya }, { id: dana }, { id: priya }]\nteams: [{ id: sales }]\n');
const edit = (id: string): TextEdit => ({ start: 0, end: 0, newText: id });

describe('personCandidates', () => {
  it('lists each declared person once, the preferred declared ids first', () => {
    expect(personCandidates(plan)).toEqual(['priya', 'dana']);
    expect(personCandidates(plan, ['dana', 'sales', undefined, 'nobody'])).toEqual(['dana', 'priya']);
  });

  it('includes imported people after the plan\'s own', () => {
    const withImports = planAndSchedule('people: [{ id: priya }]\n').plan;
    withImports.importedPeople = [...plan.people.filter((p) => p.id === 'dana')];
    expect(personCandidates(withImports)).toEqual(['priya', 'dana']);
  });
});

describe('personPickFixes', () => {
  it('offers one suggestion per candidate, since choosing a person is never a fix', () => {
    expect(personPickFixes(['priya', 'dana'], (id) => `set owner to ${id}`, edit)).toEqual([
      { title: 'set owner to priya', edits: [edit('priya')], kind: 'suggestion' },
      { title: 'set owner to dana', edits: [edit('dana')], kind: 'suggestion' },
    ]);
  });

  it('keeps a single person to pick a suggestion', () => {
    expect(personPickFixes(['priya'], (id) => id, edit).map((f) => f.kind)).toEqual(['suggestion']);
  });

  it('offers no fix at all when the edit cannot be made', () => {
    expect(personPickFixes(['priya', 'dana'], (id) => id, () => undefined)).toEqual([]);
  });
});
