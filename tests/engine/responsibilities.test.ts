import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import { responsibilitiesOf } from '../../server/src/engine/responsibilities';

const TEXT = `plan: 1
name: x
sponsor: dana
owner: priya
teams: [sales]
objectives:
  - { id: faster, statement: s, owner: dana }
phases:
  - id: discovery
    name: D
    kind: planning
    owner: priya
    checklist:
      - { task: a, owner: dana }
      - { task: b, owner: dana }
    milestones:
      - { id: charter, name: C, owner: dana }
  - id: training
    name: T
    kind: training
    owner: priya
    audiences: [sales]
governance:
  crm_owner: priya
  data_stewards: [dana]
`;

describe('responsibilitiesOf', () => {
  const plan = buildPlan(parseSource('/w/plan.rollout.yaml', TEXT).source);

  it('lists every role and ownership that names the person, in a fixed order', () => {
    expect(responsibilitiesOf(plan, 'dana')).toEqual([
      'executive sponsor',
      'data steward',
      'owner of objective "faster"',
      'owner of milestone "charter"',
      'owner of 2 checklist items',
    ]);
    expect(responsibilitiesOf(plan, 'priya')).toEqual(['project owner', 'CRM owner after go-live', 'owner of phases "discovery", "training"']);
  });

  it('says which training phases train a team', () => {
    expect(responsibilitiesOf(plan, 'sales')).toEqual(['trained in "training"']);
  });

  it('is empty for an id named nowhere', () => {
    expect(responsibilitiesOf(plan, 'nobody')).toEqual([]);
  });
});
