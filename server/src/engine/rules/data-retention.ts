import { findTagHint, itemsTagged } from '../definitions';
import { scalarText } from '../edits';
import { keyNodeOf } from '../model';
import { setGovernanceEntry } from '../planEdits';
import type { Rule } from './types';

/** A placeholder for a person to replace, so the fix is never applied unattended. */
const RETENTION_PLACEHOLDER = 'TODO say how long customer data and legacy archives are kept and when they are deleted';

export const dataRetention: Rule = {
  meta: {
    id: 'data-retention',
    category: 'data',
    defaultSeverity: 'info',
    allOnly: true,
    description: 'governance.retention is set, or a checklist item is tagged compliance',
    hasSuggestions: true,
    messages: {
      missing:
        'the plan says nothing about data retention: governance.retention is not set and no item is tagged compliance; state how long customer data is kept and when it is deleted{{hint}}',
    },
  },
  check({ plan, report }) {
    if (plan.governance?.retention || itemsTagged(plan, 'compliance').length > 0) return;
    const governance = plan.governance;
    const node = governance
      ? (keyNodeOf(plan.source, governance.map, 'retention') ?? (plan.root && keyNodeOf(plan.source, plan.root, 'governance')) ?? governance.map)
      : (plan.name?.node ?? plan.root);
    const edit = setGovernanceEntry(plan, 'retention', scalarText(RETENTION_PLACEHOLDER));
    report({
      messageId: 'missing',
      data: { hint: findTagHint(plan, 'compliance') ?? '' },
      node,
      fixes: edit ? [{ title: 'add governance.retention to fill in', edits: [edit], kind: 'suggestion' }] : undefined,
      idPath: 'governance/retention',
    });
  },
};
