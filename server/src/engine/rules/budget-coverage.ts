import { addToListKey, flowMapText } from '../edits';
import { keyNodeOf, type BudgetLine, type Plan } from '../model';
import { budgetNeeds } from '../ruleSupport/budgetNeeds';
import { ruleOptions } from '../ruleSupport/options';
import type { Fix } from '../types';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../vocabulary';
import type { Rule } from './types';

function isBudgetCategory(value: unknown): value is BudgetCategory {
  return typeof value === 'string' && (BUDGET_CATEGORIES as readonly string[]).includes(value);
}

function quoted(categories: readonly string[]): string {
  return categories.map((c) => `"${c}"`).join(' or ');
}

function linesOf(plan: Plan, categories: readonly BudgetCategory[]): BudgetLine[] {
  return (plan.budget?.lines ?? []).filter((l) => l.category && (categories as readonly string[]).includes(l.category.value));
}

/** Inserts `{ category, amount: 0 }`: the amount is a placeholder for the real cost, so it is a suggestion. */
function insertLineFix(plan: Plan, category: BudgetCategory): Fix[] {
  const budget = plan.budget!;
  const edit = addToListKey(plan.source, budget.map, 'lines', budget.linesNode, flowMapText({ category, amount: 0 }));
  return edit ? [{ title: `add a "${category}" line (then enter its amount)`, edits: [edit], kind: 'suggestion' }] : [];
}

const OPTIONS = ruleOptions({
  require: {
    description:
      'Budget categories that must have a line above 0, on top of training, data-migration, integration and support or maintenance. Default: `[]`.',
    type: 'array',
    items: { $ref: 'plan.schema.json#/$defs/budgetCategory' },
    uniqueItems: true,
    default: [],
    examples: [['contingency'], ['contingency', 'change-management']],
  },
});

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
    hasSuggestions: true,
    messages: {
      missing: 'the budget has no {{what}} line{{reason}}; add one with the planned cost, as these are the costs plans most often forget',
      zero: 'budget line "{{category}}" has no amount above 0{{reason}}; enter the planned cost',
    },
    ...OPTIONS,
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
