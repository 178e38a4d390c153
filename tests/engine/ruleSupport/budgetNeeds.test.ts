import { describe, expect, it } from 'vitest';
import { budgetNeeds } from '../../../server/src/engine/ruleSupport/budgetNeeds';
import { planAndSchedule } from './fixture';

describe('budgetNeeds', () => {
  it('always needs training and support or maintenance', () => {
    expect(budgetNeeds(planAndSchedule('plan: 1\n').plan)).toEqual([
      { categories: ['training'], reason: '' },
      { categories: ['support', 'maintenance'], reason: '' },
    ]);
  });

  it('needs data migration and integration with the reason, then required categories not already needed alone', () => {
    const { plan } = planAndSchedule('crm: { product: Acme, replaces: [legacy-crm] }\nintegrations: [{ id: erp, system: SAP }]\n');
    expect(budgetNeeds(plan, ['training', 'licenses', 'maintenance'])).toEqual([
      { categories: ['training'], reason: '' },
      { categories: ['data-migration'], reason: ' although the plan replaces "legacy-crm"' },
      { categories: ['integration'], reason: ' although the plan declares the integration "erp"' },
      { categories: ['support', 'maintenance'], reason: '' },
      { categories: ['licenses'], reason: ' (required by the configuration)' },
      { categories: ['maintenance'], reason: ' (required by the configuration)' },
    ]);
  });

  it('needs data migration for a data-migration phase when nothing is replaced', () => {
    const { plan } = planAndSchedule('phases: [{ id: move, name: Move, kind: data-migration }]\n');
    expect(budgetNeeds(plan)[1]).toEqual({ categories: ['data-migration'], reason: ' although the plan has the data-migration phase "move"' });
  });
});
