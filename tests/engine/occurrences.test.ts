import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../server/src/engine/model';
import { declarationOf, directoryOccurrences, idOffsets, occurrenceAt, planOccurrences } from '../../server/src/engine/occurrences';
import { parseSource } from '../../server/src/engine/parse';
import { nodeOffsets } from '../../server/src/engine/source';

const TEXT = `plan: 1
name: x
sponsor: "dana"
people:
  - { id: dana, name: Dana }
phases:
  - id: discovery
    name: D
    kind: planning
    owner: dana
  - id: build
    name: B
    kind: configuration
    after: [discovery]
`;

function plan(text = TEXT) {
  const { source } = parseSource('/w/plan.rollout.yaml', text);
  return buildPlan(source);
}

describe('occurrences', () => {
  it('lists declarations and references of every id in the plan', () => {
    const all = planOccurrences(plan());
    const dana = all.filter((o) => o.id === 'dana');
    expect(dana.map((o) => [o.role, o.field])).toEqual([
      ['declaration', undefined],
      ['reference', 'sponsor'],
      ['reference', 'owner'],
    ]);
    expect(all.filter((o) => o.id === 'discovery').map((o) => o.role)).toEqual(['declaration', 'reference']);
  });

  it('finds the occurrence at an offset, ends included, only in the named file', () => {
    const all = planOccurrences(plan());
    const offset = TEXT.indexOf('[discovery]') + 1;
    expect(occurrenceAt(all, '/w/plan.rollout.yaml', offset)).toMatchObject({ id: 'discovery', role: 'reference', field: 'after' });
    expect(occurrenceAt(all, '/w/plan.rollout.yaml', offset + 'discovery'.length)).toMatchObject({ id: 'discovery' });
    expect(occurrenceAt(all, '/w/other.yaml', offset)).toBeUndefined();
  });

  it('gives the id characters inside the quotes of a quoted scalar', () => {
    const sponsor = planOccurrences(plan()).find((o) => o.field === 'sponsor')!;
    const start = TEXT.indexOf('"dana"');
    expect(nodeOffsets(sponsor.node)).toEqual([start, start + 6]);
    expect(idOffsets(sponsor)).toEqual([start + 1, start + 5]);
  });

  it('resolves an id to its first declaration', () => {
    expect(declarationOf(plan(), 'build')?.kind).toBe('phase');
    expect(declarationOf(plan(), 'nobody')).toBeUndefined();
  });

  it('lists the people and teams a directory file declares', () => {
    const { source } = parseSource('/w/people.yaml', 'teams: [it]\npeople:\n  - { id: sam, name: Sam }\n');
    expect(directoryOccurrences(source).map((o) => [o.id, o.entity?.kind])).toEqual([
      ['sam', 'person'],
      ['it', 'team'],
    ]);
  });
});
