import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyEdits, flowMapText } from '../../server/src/engine/edits';
import { buildPlan, type Plan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import {
  hasGovernanceEntry,
  hasTopLevelKey,
  insertChecklistItem,
  insertPhase,
  insertTopLevel,
  setGovernanceEntry,
  unusedId,
} from '../../server/src/engine/planEdits';
import type { TextEdit } from '../../server/src/engine/types';

function planOf(text: string): Plan {
  return buildPlan(parseSource('/w/plan.rollout.yaml', text).source);
}

function apply(plan: Plan, edit: TextEdit | undefined): string {
  if (!edit) throw new Error('expected an edit');
  return applyEdits(plan.source.text, [edit]);
}

describe('insertTopLevel', () => {
  it('puts a new key after the last present key that precedes it in the plan format', () => {
    const plan = planOf('plan: 1\nname: Pilot\ncrm: { product: Acme }\nphases: []\n');
    expect(apply(plan, insertTopLevel(plan, 'sponsor', 'dana'))).toBe('plan: 1\nname: Pilot\ncrm: { product: Acme }\nsponsor: dana\nphases: []\n');
  });

  it('appends the key when no key that precedes it is present', () => {
    const plan = planOf('phases: []\n');
    expect(apply(plan, insertTopLevel(plan, 'plan', '1'))).toBe('phases: []\nplan: 1\n');
  });

  it('returns undefined when the key is present, even with an empty value', () => {
    const plan = planOf('plan: 1\nsponsor:\n');
    expect(hasTopLevelKey(plan, 'sponsor')).toBe(true);
    expect(insertTopLevel(plan, 'sponsor', 'dana')).toBeUndefined();
  });
});

describe('setGovernanceEntry', () => {
  it('creates governance as a one-line flow map after the keys that precede it', () => {
    const plan = planOf('plan: 1\nname: Pilot\nbudget: { currency: EUR }\n');
    expect(apply(plan, setGovernanceEntry(plan, 'crm_owner', 'dana'))).toBe('plan: 1\nname: Pilot\nbudget: { currency: EUR }\ngovernance: { crm_owner: dana }\n');
  });

  it('adds a missing key to a block governance mapping', () => {
    const plan = planOf('plan: 1\ngovernance:\n  crm_owner: dana\n');
    expect(hasGovernanceEntry(plan, 'retention')).toBe(false);
    expect(apply(plan, setGovernanceEntry(plan, 'retention', '2 years'))).toBe('plan: 1\ngovernance:\n  crm_owner: dana\n  retention: 2 years\n');
  });

  it('fills an empty value in place, with a space after a bare colon', () => {
    const bare = planOf('governance:\n  data_stewards:\n  crm_owner: dana\n');
    expect(apply(bare, setGovernanceEntry(bare, 'data_stewards', '[priya]'))).toBe('governance:\n  data_stewards: [priya]\n  crm_owner: dana\n');
    const empty = planOf('governance: { data_stewards: [] }\n');
    expect(apply(empty, setGovernanceEntry(empty, 'data_stewards', '[priya]'))).toBe('governance: { data_stewards: [priya] }\n');
  });

  it('returns undefined when the key already holds a value, or governance is not a mapping', () => {
    const filled = planOf('governance:\n  retention: 1 year\n');
    expect(hasGovernanceEntry(filled, 'retention')).toBe(true);
    expect(setGovernanceEntry(filled, 'retention', '2 years')).toBeUndefined();
    const scalar = planOf('plan: 1\ngovernance: none\n');
    expect(setGovernanceEntry(scalar, 'retention', '2 years')).toBeUndefined();
  });
});

describe('insertChecklistItem', () => {
  const text = `phases:
  - id: build
    checklist:
      - { task: Configure, tags: [configuration] }
      - { task: Trial, tags: [test-migration] }
  - id: test
    checklist: [{ task: Smoke test, tags: [functional-test] }]
  - id: train
    kind: training
  - id: broken
    checklist:
`;

  it('inserts before the item at the given index of a block checklist', () => {
    const plan = planOf(text);
    const out = apply(plan, insertChecklistItem(plan.phases[0], '{ task: Map, tags: [data-mapping] }', 1));
    expect(out).toContain('      - { task: Configure, tags: [configuration] }\n      - { task: Map, tags: [data-mapping] }\n      - { task: Trial, tags: [test-migration] }\n');
  });

  it('appends when the index is past the end', () => {
    const plan = planOf(text);
    const out = apply(plan, insertChecklistItem(plan.phases[0], '{ task: Map }', 5));
    expect(out).toContain('      - { task: Trial, tags: [test-migration] }\n      - { task: Map }\n  - id: test');
  });

  it('appends to a flow checklist, quoting a task with commas so it stays one value', () => {
    const plan = planOf(text);
    const task = 'Test sales, service and support';
    const out = apply(plan, insertChecklistItem(plan.phases[1], flowMapText({ task, tags: ['functional-test'] }), 0));
    expect(out).toContain(`    checklist: [{ task: Smoke test, tags: [functional-test] }, { task: "${task}", tags: [functional-test] }]\n`);
    expect(parse(out).phases[1].checklist[1]).toEqual({ task, tags: ['functional-test'] });
  });

  it('creates the checklist of a phase that has none', () => {
    const plan = planOf(text);
    expect(apply(plan, insertChecklistItem(plan.phases[2], '{ task: Train }'))).toContain('    kind: training\n    checklist: [{ task: Train }]\n');
  });

  it('returns undefined when `checklist:` holds no list, instead of writing the key twice', () => {
    const plan = planOf(text);
    expect(insertChecklistItem(plan.phases[3], '{ task: x }')).toBeUndefined();
  });
});

describe('unusedId', () => {
  it('keeps the base when it is free, else numbers it from 2 past every taken id', () => {
    const plan = planOf('people: [{ id: support }, { id: support-2 }]\nphases: [{ id: uat }]\n');
    expect(unusedId(plan, 'go-live')).toBe('go-live');
    expect(unusedId(plan, 'support')).toBe('support-3');
    expect(unusedId(plan, 'uat')).toBe('uat-2');
  });
});

describe('insertPhase', () => {
  const skeleton = { id: 'testing', name: 'Testing', kind: 'testing' as const, after: 'build', duration: '2w' };

  it('writes a block phase before the given index, above the comment heading the next phase', () => {
    const plan = planOf('phases:\n  - id: build\n    name: Build\n\n  # ---- launch\n  - id: launch\n    name: Launch\n');
    expect(apply(plan, insertPhase(plan, skeleton, 1))).toBe(
      'phases:\n  - id: build\n    name: Build\n  - id: testing\n    name: Testing\n    kind: testing\n    after: [build]\n    duration: 2w\n\n  # ---- launch\n  - id: launch\n    name: Launch\n',
    );
  });

  it('writes a flow phase into a flow phases list', () => {
    const plan = planOf('phases: [{ id: build }]\n');
    expect(apply(plan, insertPhase(plan, skeleton))).toBe('phases: [{ id: build }, { id: testing, name: Testing, kind: testing, after: [build], duration: 2w }]\n');
  });

  it('creates a block phases list when the plan has none', () => {
    const plan = planOf('plan: 1\n');
    expect(apply(plan, insertPhase(plan, { ...skeleton, after: undefined }))).toBe('plan: 1\nphases:\n  - id: testing\n    name: Testing\n    kind: testing\n    duration: 2w\n');
  });

  it('returns undefined when `phases` holds something other than a list', () => {
    const plan = planOf('plan: 1\nphases: none\n');
    expect(insertPhase(plan, skeleton)).toBeUndefined();
  });
});
