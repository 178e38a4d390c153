import { addToListKey, flowMapText, insertMapEntry } from '../edits';
import { entityIndex } from '../entities';
import type { Kpi, Plan } from '../model';
import { unusedId } from '../planEdits';
import { topLevelKeyLocation } from '../ruleSupport/reportLocations';
import type { Fix, TextEdit } from '../types';
import type { Rule } from './types';

/** Words that mark a kpi without `measures` as an adoption kpi (matched anywhere in its id or name, any case). */
const ADOPTION_WORDS = ['adoption', 'active', 'usage', 'login'];

/** `measures` decides; only a kpi without it is recognised by the words in its id or name. */
function measuresAdoption(kpi: Kpi): boolean {
  if (kpi.measures) return kpi.measures.value === 'adoption';
  const text = `${kpi.id} ${kpi.name?.value ?? ''}`.toLowerCase();
  return ADOPTION_WORDS.some((word) => text.includes(word));
}

function isComplete(kpi: Kpi): boolean {
  return kpi.target !== undefined && kpi.review !== undefined;
}

/** `weekly-active-users` names the kpi best; when it is taken, `adoption-rate`, `adoption-rate-2`... */
function freeId(plan: Plan): string {
  return entityIndex(plan).has('weekly-active-users') ? unusedId(plan, 'adoption-rate') : 'weekly-active-users';
}

/** An adoption kpi whose target is a placeholder for the team to set, so it is a suggestion. */
function adoptionKpiText(plan: Plan): string {
  const kpi: Record<string, string> = { id: freeId(plan), name: 'Weekly active users / licensed users', target: '80%', review: 'monthly', measures: 'adoption' };
  if (plan.owner) kpi.owner = plan.owner.value;
  return flowMapText(kpi);
}

function addKpiFix(plan: Plan): Fix[] {
  const edit = plan.root && addToListKey(plan.source, plan.root, 'kpis', plan.kpisNode, adoptionKpiText(plan));
  return edit ? [{ title: 'add an adoption kpi (then set its target)', edits: [edit], kind: 'suggestion' }] : [];
}

function completeKpiFix(plan: Plan, kpi: Kpi): Fix[] {
  const edits: TextEdit[] = [];
  if (!kpi.target) edits.push(insertMapEntry(plan.source, kpi.map, 'target', 'TODO'));
  if (!kpi.review) edits.push(insertMapEntry(plan.source, kpi.map, 'review', 'monthly'));
  // Both keys land at the same point; one edit keeps them in a stable order.
  const merged = edits.length === 2 ? [{ ...edits[0], newText: edits[0].newText + edits[1].newText }] : edits;
  return [{ title: `add ${missingKeys(kpi)} to "${kpi.id}"${kpi.target ? '' : ' (then set the target)'}`, edits: merged, kind: 'suggestion' }];
}

function missingKeys(kpi: Kpi): string {
  return [kpi.target ? undefined : '"target"', kpi.review ? undefined : '"review"'].filter(Boolean).join(' and ');
}

/**
 * "At least one kpi with target and review, and one of them measures adoption" is read as: some
 * adoption kpi has both `target` and `review`. When adoption kpis exist but none is complete, only
 * the first (file order) is reported, since completing it satisfies the rule.
 */
export const kpisDefined: Rule = {
  meta: {
    id: 'kpis-defined',
    category: 'adoption',
    defaultSeverity: 'warning',
    description: 'at least one kpi has a target and a review frequency, and one such kpi measures adoption',
    hasSuggestions: true,
    messages: {
      noKpis:
        'the plan defines no kpis; add an adoption kpi such as weekly active users / licensed users, with a target and a review frequency, to see whether people use the CRM',
      noAdoption:
        'no kpi measures adoption; add one with measures: adoption, a target and a review frequency (for example weekly active users / licensed users)',
      incomplete: 'adoption kpi "{{id}}" has no {{missing}}; add {{missing}} so adoption is reviewed against a goal',
    },
  },
  check({ plan, report }) {
    const adoption = plan.kpis.filter(measuresAdoption);
    if (adoption.some(isComplete)) return;
    const first = adoption[0];
    if (first) {
      report({ messageId: 'incomplete', data: { id: first.id, missing: missingKeys(first) }, node: first.idNode, fixes: completeKpiFix(plan, first), idPath: first.idPath });
      return;
    }
    report({
      messageId: plan.kpis.length === 0 ? 'noKpis' : 'noAdoption',
      node: topLevelKeyLocation(plan, 'kpis'),
      fixes: addKpiFix(plan),
      idPath: 'kpis',
    });
  },
};
