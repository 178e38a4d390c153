import { describe, expect, it } from 'vitest';
import { budgetDefined } from '../../server/src/engine/rules/budget-defined';
import { applyEdits } from '../../server/src/engine/edits';
import { runRule, testRule } from '../helpers/ruleTester';

testRule(budgetDefined, {
  valid: [
    {
      name: 'a budget with one line',
      plan: `plan: 1
name: Pilot
budget: { currency: EUR, lines: [{ category: licenses, amount: 12000 }] }
`,
    },
    {
      name: 'a block budget with several lines',
      plan: `plan: 1
name: Pilot
budget:
  currency: USD
  lines:
    - { category: licenses, amount: 10800 }
    - { category: training, amount: 2000 }
`,
    },
  ],
  invalid: [
    {
      name: 'a plan without a budget is reported at its name',
      plan: `plan: 1
name: Pilot
crm: { product: HubSpot, replaces: [spreadsheets] }
integrations:
  - { id: erp, system: SAP }
`,
      errors: [
        { messageId: 'noBudget', line: 2, column: 7, endLine: 2, endColumn: 12, message: 'the plan has no budget; add budget lines for licenses, services, training, data migration, integration and support so the whole cost is approved up front' },
      ],
      output: null,
    },
    {
      name: 'a flow budget without lines is reported at the budget key',
      plan: `plan: 1
name: Pilot
budget: { currency: EUR }
`,
      errors: [
        { messageId: 'noLines', line: 3, column: 1, endLine: 3, endColumn: 7 },
      ],
      output: null,
    },
    {
      name: 'an empty lines list is reported at the lines key',
      plan: `plan: 1
name: Pilot
budget:
  currency: USD
  lines: [] # to be agreed with finance
`,
      errors: [
        { messageId: 'noLines', line: 5, column: 3, endLine: 5, endColumn: 8, message: 'the budget has no lines; add one line per cost category with its planned amount' },
      ],
      output: null,
    },
  ],
});

describe('budget-defined fixes (unsafe: amounts to fill)', () => {
  it('inserts a block skeleton with the categories this plan needs, amounts to fill', () => {
    const plan = `plan: 1
name: Pilot
crm: { product: HubSpot, replaces: [spreadsheets] }
integrations:
  - { id: erp, system: SAP }
`;
    const findings = runRule(budgetDefined, { name: 'inserts a block skeleton with the categories this plan needs, amounts to fill', plan });
    const fix = findings[0].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
crm: { product: HubSpot, replaces: [spreadsheets] }
integrations:
  - { id: erp, system: SAP }
budget:
  lines:
    - { category: licenses, amount: 0 }
    - { category: services, amount: 0 }
    - { category: training, amount: 0 }
    - { category: data-migration, amount: 0 }
    - { category: integration, amount: 0 }
    - { category: support, amount: 0 }
`);
  });
  it('adds flow lines to a flow budget', () => {
    const plan = `plan: 1
name: Pilot
budget: { currency: EUR }
`;
    const findings = runRule(budgetDefined, { name: 'adds flow lines to a flow budget', plan });
    const fix = findings[0].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
budget: { currency: EUR, lines: [{ category: licenses, amount: 0 }, { category: services, amount: 0 }, { category: training, amount: 0 }, { category: support, amount: 0 }] }
`);
  });
  it('replaces an empty list and keeps its comment', () => {
    const plan = `plan: 1
name: Pilot
budget:
  currency: USD
  lines: [] # to be agreed with finance
`;
    const findings = runRule(budgetDefined, { name: 'replaces an empty list and keeps its comment', plan });
    const fix = findings[0].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
budget:
  currency: USD
  lines: [{ category: licenses, amount: 0 }, { category: services, amount: 0 }, { category: training, amount: 0 }, { category: support, amount: 0 }] # to be agreed with finance
`);
  });
  it('adds block lines under a block budget', () => {
    const plan = `plan: 1
name: Pilot
budget:
  currency: USD
`;
    const findings = runRule(budgetDefined, { name: 'adds block lines under a block budget', plan });
    const fix = findings[0].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
budget:
  currency: USD
  lines:
    - { category: licenses, amount: 0 }
    - { category: services, amount: 0 }
    - { category: training, amount: 0 }
    - { category: support, amount: 0 }
`);
  });
});
