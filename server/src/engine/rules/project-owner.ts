import { scalarText } from '../edits';
import { hasTopLevelKey, insertTopLevel } from '../planEdits';
import { personCandidates, personPickFixes } from '../ruleSupport/personPicks';
import { planLocation } from '../ruleSupport/reportLocations';
import type { Rule } from './types';

/**
 * The plan names a project owner. Only the key's presence is checked (see executive-sponsor).
 * The fix offers every declared person as a separate pick, the sponsor last: the sponsor backs
 * the rollout, someone else usually runs it day to day.
 */
export const projectOwner: Rule = {
  meta: {
    id: 'project-owner',
    category: 'sponsorship',
    defaultSeverity: 'warning',
    description: 'the plan names a project owner in `owner`',
    hasSuggestions: true,
    messages: {
      missing: 'the plan names no project owner; add owner: with the person id of who runs the rollout day to day',
    },
  },
  check({ plan, report }) {
    if (!plan.root || hasTopLevelKey(plan, 'owner')) return;
    const sponsor = plan.sponsor?.value;
    const people = personCandidates(plan);
    const candidates = [...people.filter((id) => id !== sponsor), ...people.filter((id) => id === sponsor)];
    report({
      messageId: 'missing',
      node: planLocation(plan),
      fixes: personPickFixes(candidates, (id) => `add owner: ${id}`, (id) => insertTopLevel(plan, 'owner', scalarText(id))),
      idPath: 'owner',
      extra: { candidates },
    });
  },
};
