import { phasesOfKind } from '../definitions';
import { appendSeqItem, flowMapText, insertMapEntry } from '../edits';
import { keyNodeOf, type BudgetLine, type Plan } from '../model';
import type { Fix } from '../types';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../vocabulary';
import { pairOf } from '../yamlNodes';
import type { Rule } from './types';

/** Categories of which one line must have an amount above 0, and why the plan needs it. */
export interface BudgetNeed {
  categories: BudgetCategory[];
  reason: string;
}

function isBudgetCategory(value: unknown): value is BudgetCategory {
  return typeof value === 'string' && (BUDGET_CATEGORIES as readonly string[]).includes(value);
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

function quoted(categories: readonly string[]): string {
  return categories.map((c) => `"${c}"`).join(' or ');
}

function linesOf(plan: Plan, categories: readonly BudgetCategory[]): BudgetLine[] {
  return (plan.budget?.lines ?? []).filter((l) => l.category && (categories as readonly string[]).includes(l.category.value));
}

/** Inserts `{ category, amount: 0 }`: the amount is a placeholder for the real cost, so the fix is never safe. */
function insertLineFix(plan: Plan, category: BudgetCategory): Fix[] {
  const budget = plan.budget!;
  const line = flowMapText({ category, amount: 0 });
  if (budget.linesNode) return [{ title: `add a "${category}" line (then enter its amount)`, edits: [appendSeqItem(plan.source, budget.linesNode, line)], safe: false }];
  // A `lines:` key without a list would be duplicated by the insertion; the schema reports it.
  if (pairOf(plan.source.doc, budget.map, 'lines')) return [];
  return [{ title: `add a "${category}" line (then enter its amount)`, edits: [insertMapEntry(plan.source, budget.map, 'lines', `[${line}]`)], safe: false }];
}

/**
 * "When a budget is given" means the plan has a `budget:` mapping, even one without lines (a
 * plan without one is budget-defined's finding). One finding per uncovered need: at the first
 * line of that category when all its lines are 0, else at `lines:` (or `budget:`).
 */
export const budgetCoverage: Rule = {
  meta: {
    id: 'budget-coverage',
    category: 'budget',
    defaultSeverity: 'warning',
    description: 'a given budget has lines above 0 for training, data migration, integration, and support or maintenance',
    fixable: true,
    messages: {
      missing: 'the budget has no {{what}} line{{reason}}; add one with the planned cost, as these are the costs plans most often forget',
      zero: 'budget line "{{category}}" has no amount above 0{{reason}}; enter the planned cost',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        require: {
          description:
            'Budget categories that must have a line above 0, on top of training, data-migration, integration and support or maintenance. Default: `[]`.',
          type: 'array',
          items: { enum: [...BUDGET_CATEGORIES] },
          uniqueItems: true,
          default: [],
        },
      },
      patternProperties: { '^x-': {} },
      additionalProperties: false,
    },
    defaultOptions: { require: [] },
  },
  check({ plan, options, report }) {
    const budget = plan.budget;
    // A plan without a budget is budget-defined's finding, not a coverage gap.
    if (!budget || !plan.root) return;
    const require = Array.isArray(options.require) ? options.require.filter(isBudgetCategory) : [];
    const where = keyNodeOf(plan.source, budget.map, 'lines') ?? keyNodeOf(plan.source, plan.root, 'budget');
    for (const need of budgetNeeds(plan, require)) {
      const lines = linesOf(plan, need.categories);
      if (lines.some((l) => (l.amount?.value ?? 0) > 0)) continue;
      const empty = lines[0];
      if (empty) {
        report({ messageId: 'zero', data: { category: empty.category!.value, reason: need.reason }, node: empty.amount?.node ?? empty.category!.node, idPath: `budget/lines/${empty.category!.value}` });
        continue;
      }
      report({ messageId: 'missing', data: { what: quoted(need.categories), reason: need.reason }, node: where, fixes: insertLineFix(plan, need.categories[0]), idPath: `budget/lines/${need.categories[0]}` });
    }
  },
};
