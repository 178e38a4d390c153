import { isSeq } from 'yaml';
import { addToListKey, scalarText } from '../edits';
import { allMilestones } from '../model';
import type { Fix } from '../types';
import type { Rule } from './types';

/** Text a person must replace: the fix is therefore never applied by `lint --fix`. */
const PLACEHOLDER = 'TODO: what must be true to pass this gate';

export const gateCriteria: Rule = {
  meta: {
    id: 'gate-criteria',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    description: 'every milestone with gate: true lists at least one criterion',
    hasSuggestions: true,
    messages: {
      noCriteria:
        'gate "{{milestone}}" lists no criteria, so nobody can tell whether it is passed; add criteria: such as "no open severity 1 defects" or "UAT signed off"',
    },
  },
  check({ plan, report }) {
    for (const milestone of allMilestones(plan)) {
      if (!milestone.gate || milestone.criteria.length > 0) continue;
      const edit = addToListKey(plan.source, milestone.map, 'criteria', milestone.criteriaNode, scalarText(PLACEHOLDER));
      const fixes: Fix[] = edit ? [{ title: `add criteria to "${milestone.id}" (to fill in)`, edits: [edit], kind: 'suggestion' }] : [];
      report({
        messageId: 'noCriteria',
        data: { milestone: milestone.id },
        // An empty list is the narrowest place; a missing key is reported at the milestone's id.
        node: isSeq(milestone.criteriaNode) ? milestone.criteriaNode : milestone.idNode,
        fixes,
        idPath: milestone.idPath,
      });
    }
  },
};
