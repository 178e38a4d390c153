import { scalarText } from '../edits';
import { hasGovernanceEntry, setGovernanceEntry } from '../planEdits';
import { personCandidates, personPickFixes } from '../ruleSupport/personPicks';
import { topLevelKeyLocation } from '../ruleSupport/reportLocations';
import type { Rule } from './types';

/**
 * The plan has `governance.crm_owner`: who owns the CRM after go-live. Only the key's presence
 * is checked (its value is known-references' and the schema's). Reported at the `governance`
 * key, or at the plan's `name` when there is no governance section. The fix offers every
 * declared person, the project owner first (the usual choice, though a pick all the same).
 */
export const crmOwner: Rule = {
  meta: {
    id: 'crm-owner',
    category: 'sponsorship',
    defaultSeverity: 'warning',
    description: 'the plan names in `governance.crm_owner` who owns the CRM after go-live',
    hasSuggestions: true,
    messages: {
      missing:
        'the plan does not say who owns the CRM after go-live; add crm_owner: under governance with the person id of who will run its roadmap, configuration and changes',
    },
  },
  check({ plan, report }) {
    if (!plan.root) return;
    if (hasGovernanceEntry(plan, 'crm_owner')) return;
    const candidates = personCandidates(plan, [plan.owner?.value]);
    report({
      messageId: 'missing',
      node: topLevelKeyLocation(plan, 'governance'),
      fixes: personPickFixes(candidates, (id) => `add crm_owner: ${id}`, (id) => setGovernanceEntry(plan, 'crm_owner', scalarText(id))),
      idPath: 'governance/crm_owner',
      extra: { candidates },
    });
  },
};
