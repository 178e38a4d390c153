import { flowMapText, insertMapEntry, insertTopLevelKey, replaceNode } from '../edits';
import { keyNodeOf, type Plan } from '../model';
import { budgetNeeds } from '../ruleSupport/budgetNeeds';
import { topLevelKeyLocation } from '../ruleSupport/reportLocations';
import type { Fix, TextEdit } from '../types';
import type { BudgetCategory } from '../vocabulary';
import { pairOf } from '../yamlNodes';
import type { Rule } from './types';

/** Licenses and services, then the first category of each cost budget-coverage expects for this plan. */
function skeletonCategories(plan: Plan): BudgetCategory[] {
  return ['licenses', 'services', ...budgetNeeds(plan).map((n) => n.categories[0])];
}

/** Amounts are 0, placeholders for the real costs, so the skeleton is a suggestion. */
function skeletonLines(plan: Plan): string[] {
  return skeletonCategories(plan).map((category) => flowMapText({ category, amount: 0 }));
}

function skeletonEdit(plan: Plan): TextEdit | undefined {
  const lines = skeletonLines(plan);
  const flowList = `[${lines.join(', ')}]`;
  const budget = plan.budget;
  if (!budget) {
    // Undefined when a `budget:` key holds something other than a mapping: the schema reports it.
    if (plan.root?.flow) return insertTopLevelKey(plan.source, 'budget', `{ lines: ${flowList} }`);
    return insertTopLevelKey(plan.source, 'budget', ['  lines:', ...lines.map((l) => `    - ${l}`)].join('\n'));
  }
  // Only an empty list gets here: the rule is silent once `lines` has an entry.
  if (budget.linesNode) return replaceNode(budget.linesNode, flowList);
  // A `lines:` key without a list would be duplicated by the insertion; the schema reports it.
  if (pairOf(plan.source.doc, budget.map, 'lines')) return undefined;
  if (budget.map.flow) return insertMapEntry(plan.source, budget.map, 'lines', flowList);
  return insertMapEntry(plan.source, budget.map, 'lines', lines.map((l) => `  - ${l}`).join('\n'));
}

export const budgetDefined: Rule = {
  meta: {
    id: 'budget-defined',
    category: 'budget',
    defaultSeverity: 'info',
    allOnly: true,
    description: 'the plan has a budget with at least one line',
    hasSuggestions: true,
    messages: {
      noBudget:
        'the plan has no budget; add budget lines for licenses, services, training, data migration, integration and support so the whole cost is approved up front',
      noLines: 'the budget has no lines; add one line per cost category with its planned amount',
    },
  },
  check({ plan, report }) {
    // Entries that are not valid lines still make the list non-empty; the schema reports them.
    if ((plan.budget?.linesNode?.items.length ?? 0) > 0) return;
    const edit = skeletonEdit(plan);
    const fixes: Fix[] = edit ? [{ title: 'add a budget skeleton (then enter the amounts)', edits: [edit], kind: 'suggestion' }] : [];
    const node = (plan.budget && keyNodeOf(plan.source, plan.budget.map, 'lines')) || topLevelKeyLocation(plan, 'budget');
    report({ messageId: plan.budget ? 'noLines' : 'noBudget', node, fixes, idPath: 'budget' });
  },
};
