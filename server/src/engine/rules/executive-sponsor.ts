import { scalarText } from '../edits';
import { hasTopLevelKey, insertTopLevel } from '../planEdits';
import { personCandidates, personPickFixes } from '../ruleSupport/personPicks';
import { planLocation } from '../ruleSupport/reportLocations';
import type { Rule } from './types';

/**
 * The plan names an executive sponsor. Only the key's presence is checked: an undeclared id is
 * `known-references`' finding and a value of the wrong type the schema's. The fix offers every
 * declared person (its own and imported ones), each as a suggestion of its own.
 */
export const executiveSponsor: Rule = {
  meta: {
    id: 'executive-sponsor',
    category: 'sponsorship',
    defaultSeverity: 'error',
    description: 'the plan names an executive sponsor in `sponsor`',
    hasSuggestions: true,
    messages: {
      missing:
        'the plan names no executive sponsor; add sponsor: with the person id of the senior leader who backs the rollout, secures its budget and settles disputes',
    },
  },
  check({ plan, report }) {
    if (!plan.root || hasTopLevelKey(plan, 'sponsor')) return;
    const candidates = personCandidates(plan);
    report({
      messageId: 'missing',
      node: planLocation(plan),
      fixes: personPickFixes(candidates, (id) => `add sponsor: ${id}`, (id) => insertTopLevel(plan, 'sponsor', scalarText(id))),
      idPath: 'sponsor',
      extra: { candidates },
    });
  },
};
