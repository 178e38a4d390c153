import { describe, expect, it } from 'vitest';
import type { Node } from 'yaml';
import type { Plan } from '../../../server/src/engine/model';
import { planLocation, topLevelKeyLocation } from '../../../server/src/engine/ruleSupport/reportLocations';
import { planAndSchedule } from './fixture';

function textAt(plan: Plan, node: Node | undefined): string {
  const range = node?.range;
  return range ? plan.source.text.slice(range[0], range[1]) : '';
}

describe('planLocation', () => {
  it("is the plan's name value, else its root mapping", () => {
    const named = planAndSchedule('plan: 1\nname: Pilot\n').plan;
    expect(textAt(named, planLocation(named))).toBe('Pilot');
    const unnamed = planAndSchedule('plan: 1\n').plan;
    expect(planLocation(unnamed)).toBe(unnamed.root);
  });
});

describe('topLevelKeyLocation', () => {
  it('is the top-level key when present, else the plan location', () => {
    const plan = planAndSchedule('plan: 1\nname: Pilot\nrisks: []\n').plan;
    expect(textAt(plan, topLevelKeyLocation(plan, 'risks'))).toBe('risks');
    expect(textAt(plan, topLevelKeyLocation(plan, 'kpis'))).toBe('Pilot');
  });

  it('is undefined for a document without a root mapping', () => {
    expect(topLevelKeyLocation(planAndSchedule('- a\n').plan, 'risks')).toBeUndefined();
  });
});
