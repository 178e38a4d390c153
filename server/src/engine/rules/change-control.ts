import { scalarText } from '../edits';
import { hasGovernanceEntry, setGovernanceEntry } from '../planEdits';
import { topLevelKeyLocation } from '../ruleSupport/reportLocations';
import type { Rule } from './types';

/**
 * The plan has `governance.change_control`. Whether the text really describes how changes are
 * requested and approved is for a reviewer to judge; the rule checks that it is there. The fix
 * inserts a placeholder someone has to replace, so it is a suggestion.
 */
const PLACEHOLDER = 'TODO how change requests are submitted and reviewed and who approves them';

export const changeControl: Rule = {
  meta: {
    id: 'change-control',
    category: 'sponsorship',
    defaultSeverity: 'info',
    description: 'the plan describes in `governance.change_control` how changes are requested and approved',
    hasSuggestions: true,
    messages: {
      missing:
        'the plan does not say how changes are requested and approved, which invites scope creep; add change_control: under governance describing who reviews change requests, how often, and who approves them',
    },
  },
  check({ plan, report }) {
    if (!plan.root) return;
    if (hasGovernanceEntry(plan, 'change_control')) return;
    const edit = setGovernanceEntry(plan, 'change_control', scalarText(PLACEHOLDER));
    report({
      messageId: 'missing',
      node: topLevelKeyLocation(plan, 'governance'),
      fixes: edit ? [{ title: 'add change_control: to fill in', edits: [edit], kind: 'suggestion' }] : [],
      idPath: 'governance/change_control',
    });
  },
};
