import { describe, expect, it } from 'vitest';
import { kpisDefined } from '../../server/src/engine/rules/kpis-defined';
import { applyEdits } from '../../server/src/engine/edits';
import { runRule, testRule } from '../helpers/ruleTester';

testRule(kpisDefined, {
  valid: [
    {
      name: 'a kpi that measures adoption with a target and a review',
      plan: `plan: 1
name: Pilot
kpis:
  - { id: seats, name: Weekly active users / licensed users, target: 85%, review: weekly, measures: adoption }
`,
    },
    {
      name: 'without measures, "login" in the name makes an adoption kpi',
      plan: `plan: 1
name: Pilot
kpis:
  - { id: revenue, name: Quarterly revenue, target: 10%, review: quarterly, measures: business }
  - id: reps-logging-in
    name: Reps with a Login every working day
    target: 90%
    review: monthly
`,
    },
    {
      name: 'without measures, "usage" in the id makes an adoption kpi',
      plan: `plan: 1
name: Pilot
kpis:
  - { id: mobile-usage, name: Visits logged from the mobile app, target: 500, review: monthly }
`,
    },
  ],
  invalid: [
    {
      name: 'a plan without kpis is reported at its name',
      plan: `plan: 1
name: Pilot
owner: priya
people:
  - { id: priya, name: Priya }
`,
      errors: [
        { messageId: 'noKpis', line: 2, column: 7, endLine: 2, endColumn: 12, message: 'the plan defines no kpis; add an adoption kpi such as weekly active users / licensed users, with a target and a review frequency, to see whether people use the CRM' },
      ],
      output: null,
    },
    {
      name: 'measures decides: a business kpi is not an adoption kpi even with "active" in its id',
      plan: `plan: 1
name: Pilot
kpis:
  - { id: active-accounts, name: Accounts with an order this quarter, target: 400, review: quarterly, measures: business }
`,
      errors: [
        { messageId: 'noAdoption', line: 3, column: 1, endLine: 3, endColumn: 5, message: 'no kpi measures adoption; add one with measures: adoption, a target and a review frequency (for example weekly active users / licensed users)' },
      ],
      output: null,
    },
    {
      name: 'an adoption kpi without a review is reported at its id, even when another kpi is complete',
      plan: `plan: 1
name: Pilot
kpis:
  - { id: adoption, name: Weekly active agents, target: 85%, measures: adoption }
  - { id: duplicates, name: Duplicate contacts, target: 5, review: monthly, measures: data-quality }
`,
      errors: [
        { messageId: 'incomplete', line: 4, column: 11, endLine: 4, endColumn: 19, message: 'adoption kpi "adoption" has no "review"; add "review" so adoption is reviewed against a goal' },
      ],
      output: null,
    },
    {
      name: 'only the first of several incomplete adoption kpis is reported',
      plan: `plan: 1
name: Pilot
kpis:
  - id: daily-logins
    name: Agents who log in daily
  - { id: weekly-active-users, name: Weekly active users, review: weekly }
`,
      errors: [
        { messageId: 'incomplete', line: 4, column: 9, endLine: 4, endColumn: 21, message: /^adoption kpi "daily-logins" has no "target" and "review"; add "target" and "review" / },
      ],
      output: null,
    },
  ],
});

describe('kpis-defined fixes (unsafe: a target to set)', () => {
  it('adds an adoption kpi owned by the project owner at the end of the plan', () => {
    const plan = `plan: 1
name: Pilot
owner: priya
people:
  - { id: priya, name: Priya }
`;
    const findings = runRule(kpisDefined, { name: 'adds an adoption kpi owned by the project owner at the end of the plan', plan });
    const fix = findings[0].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
owner: priya
people:
  - { id: priya, name: Priya }
kpis: [{ id: weekly-active-users, name: Weekly active users / licensed users, target: 80%, review: monthly, measures: adoption, owner: priya }]
`);
  });
  it('appends an adoption kpi with a free id to the kpis list', () => {
    const plan = `plan: 1
name: Pilot
kpis:
  - { id: weekly-active-users, name: Weekly active users, target: 10, review: weekly, measures: business }
`;
    const findings = runRule(kpisDefined, { name: 'appends an adoption kpi with a free id to the kpis list', plan });
    const fix = findings[0].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
kpis:
  - { id: weekly-active-users, name: Weekly active users, target: 10, review: weekly, measures: business }
  - { id: adoption-rate, name: Weekly active users / licensed users, target: 80%, review: monthly, measures: adoption }
`);
  });
  it('adds the missing review to a flow kpi', () => {
    const plan = `plan: 1
name: Pilot
kpis:
  - { id: adoption, name: Weekly active agents, target: 85%, measures: adoption }
  - { id: duplicates, name: Duplicate contacts, target: 5, review: monthly, measures: data-quality }
`;
    const findings = runRule(kpisDefined, { name: 'adds the missing review to a flow kpi', plan });
    const fix = findings[0].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
kpis:
  - { id: adoption, name: Weekly active agents, target: 85%, measures: adoption, review: monthly }
  - { id: duplicates, name: Duplicate contacts, target: 5, review: monthly, measures: data-quality }
`);
  });
  it('adds a target to fill and a review to a block kpi', () => {
    const plan = `plan: 1
name: Pilot
kpis:
  - id: daily-logins
    name: Agents who log in daily
  - { id: weekly-active-users, name: Weekly active users, review: weekly }
`;
    const findings = runRule(kpisDefined, { name: 'adds a target to fill and a review to a block kpi', plan });
    const fix = findings[0].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
kpis:
  - id: daily-logins
    name: Agents who log in daily
    target: TODO
    review: monthly
  - { id: weekly-active-users, name: Weekly active users, review: weekly }
`);
  });
});
