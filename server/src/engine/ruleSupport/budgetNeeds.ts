import { phasesOfKind } from '../definitions';
import type { Plan } from '../model';
import type { BudgetCategory } from '../vocabulary';

/** Categories of which one line must have an amount above 0, and why the plan needs it. */
interface BudgetNeed {
  categories: BudgetCategory[];
  reason: string;
}

/**
 * What the budget must cover: training; data migration when the plan replaces systems or has
 * a data-migration phase; integration when it declares integrations; support or maintenance;
 * then each category of `require` that is not already needed on its own.
 */
export function budgetNeeds(plan: Plan, require: readonly BudgetCategory[] = []): BudgetNeed[] {
  const needs: BudgetNeed[] = [{ categories: ['training'], reason: '' }];
  const replaced = plan.crm?.replaces[0];
  const migration = phasesOfKind(plan, 'data-migration')[0];
  if (replaced) needs.push({ categories: ['data-migration'], reason: ` although the plan replaces "${replaced.value}"` });
  else if (migration) needs.push({ categories: ['data-migration'], reason: ` although the plan has the data-migration phase "${migration.id}"` });
  const integration = plan.integrations[0];
  if (integration) needs.push({ categories: ['integration'], reason: ` although the plan declares the integration "${integration.id}"` });
  needs.push({ categories: ['support', 'maintenance'], reason: '' });
  for (const category of require) {
    if (needs.some((n) => n.categories.length === 1 && n.categories[0] === category)) continue;
    needs.push({ categories: [category], reason: ' (required by the configuration)' });
  }
  return needs;
}
