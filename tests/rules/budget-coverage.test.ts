import { describe, expect, it } from 'vitest';
import { budgetCoverage } from '../../server/src/engine/rules/budget-coverage';
import { applyEdits } from '../../server/src/engine/edits';
import { runRule, testRule } from '../helpers/ruleTester';

testRule(budgetCoverage, {
  valid: [
    {
      name: 'silent without a budget (budget-defined reports that)',
      plan: `plan: 1
name: Pilot
crm: { product: HubSpot, replaces: [spreadsheets] }
`,
    },
    {
      name: 'training, data migration, integration and maintenance in place of support',
      plan: `plan: 1
name: Pilot
crm: { product: Dynamics 365, replaces: [GoldMine] }
integrations: [{ id: erp, system: Business Central }]
budget:
  currency: USD
  lines:
    - { category: training, amount: 14000 }
    - { category: data-migration, amount: 18000 }
    - { category: integration, amount: 30000 }
    - { category: maintenance, amount: 0 }
    - { category: maintenance, amount: 6000 }
`,
    },
    {
      name: 'a required contingency line is present; no migration or integration needed',
      plan: `plan: 1
name: Pilot
budget:
  lines: [{ category: training, amount: 2000 }, { category: support, amount: 1200 }, { category: contingency, amount: 3000 }]
`,
      options: { require: ['contingency'] },
    },
  ],
  invalid: [
    {
      name: 'no training and no support or maintenance line, reported at the lines key',
      plan: `plan: 1
name: Pilot
budget:
  currency: USD
  lines:
    - { category: licenses, amount: 24000 }
`,
      errors: [
        { messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 8, message: 'the budget has no "training" line; add one with the planned cost, as these are the costs plans most often forget' },
        { messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 8, message: 'the budget has no "support" or "maintenance" line; add one with the planned cost, as these are the costs plans most often forget' },
      ],
      output: null,
    },
    {
      name: 'a data-migration line of 0 is reported at its amount',
      plan: `plan: 1
name: Pilot
crm: { product: Zoho CRM, replaces: [ACT!] }
budget:
  lines:
    - { category: training, amount: 2000 }
    - { category: data-migration, amount: 0 }
    - { category: support, amount: 1200 }
`,
      errors: [
        { messageId: 'zero', line: 7, column: 43, endLine: 7, endColumn: 44, message: 'budget line "data-migration" has no amount above 0 although the plan replaces "ACT!"; enter the planned cost' },
      ],
      output: null,
    },
    {
      name: 'a data-migration phase and a declared integration each need a line',
      plan: `plan: 1
name: Pilot
integrations: [{ id: quickbooks, system: QuickBooks Online }]
phases:
  - { id: data, name: Data, kind: data-migration }
budget: { lines: [{ category: training, amount: 1 }, { category: support, amount: 1 }] }
`,
      errors: [
        { messageId: 'missing', line: 6, column: 11, endLine: 6, endColumn: 16, message: 'the budget has no "data-migration" line although the plan has the data-migration phase "data"; add one with the planned cost, as these are the costs plans most often forget' },
        { messageId: 'missing', line: 6, column: 11, endLine: 6, endColumn: 16, message: /^the budget has no "integration" line although the plan declares the integration "quickbooks"; / },
      ],
      output: null,
    },
    {
      name: 'the require option adds categories; a budget without lines is reported at its key',
      plan: `plan: 1
name: Pilot
budget: { currency: GBP }
`,
      options: { require: ['contingency'] },
      errors: [
        { messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 7 },
        { messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 7 },
        { messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 7, message: 'the budget has no "contingency" line (required by the configuration); add one with the planned cost, as these are the costs plans most often forget' },
      ],
      output: null,
    },
  ],
});

describe('budget-coverage fixes (unsafe: amounts to fill)', () => {
  it('appends the missing line with amount 0 to fill', () => {
    const plan = `plan: 1
name: Pilot
budget:
  currency: USD
  lines:
    - { category: licenses, amount: 24000 }
`;
    const findings = runRule(budgetCoverage, { name: 'appends the missing line with amount 0 to fill', plan });
    const fix = findings[0].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
budget:
  currency: USD
  lines:
    - { category: licenses, amount: 24000 }
    - { category: training, amount: 0 }
`);
  });
  it('adds a lines list to a flow budget without one', () => {
    const plan = `plan: 1
name: Pilot
budget: { currency: GBP }
`;
    const findings = runRule(budgetCoverage, { name: 'adds a lines list to a flow budget without one', plan, options: { require: ['contingency'] } });
    const fix = findings[2].fixes?.[0];
    expect(fix?.kind).toBe('suggestion');
    expect(applyEdits(plan, fix?.edits ?? [])).toBe(`plan: 1
name: Pilot
budget: { currency: GBP, lines: [{ category: contingency, amount: 0 }] }
`);
  });
});
