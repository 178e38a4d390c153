import { phasesOfKind, findTagHint, hasTag } from '../definitions';
import { flowMapText } from '../edits';
import type { Phase } from '../model';
import { insertChecklistItem } from '../planEdits';
import type { Fix } from '../types';
import type { Rule } from './types';

const ITEM = { task: 'Interview stakeholders from every affected team and gather their requirements', tags: ['stakeholders', 'requirements'] };

function engagesStakeholders(phase: Phase): boolean {
  return phase.checklist.some((item) => hasTag(item, 'stakeholders') || hasTag(item, 'requirements'));
}

/**
 * Any planning phase may hold the item; items in other phases do not count. Silent without a
 * planning phase (required-phases reports it). The fix goes into the first planning phase.
 */
export const stakeholdersEngaged: Rule = {
  meta: {
    id: 'stakeholders-engaged',
    category: 'adoption',
    defaultSeverity: 'warning',
    description: 'a planning phase has an item tagged stakeholders or requirements',
    hasSuggestions: true,
    messages: {
      missing:
        'no planning phase has an item tagged stakeholders or requirements; hear every affected team (interviews, workshops, requirements) in "{{phase}}" before the design is fixed{{hint}}',
    },
  },
  check({ plan, report }) {
    const planning = phasesOfKind(plan, 'planning');
    // Without a planning phase there is nowhere to look; required-phases reports the missing phase.
    const first = planning[0];
    if (!first || planning.some(engagesStakeholders)) return;
    const inPlanning = (item: { phase: Phase }) => item.phase.phaseKind?.value === 'planning';
    const hint = findTagHint(plan, 'stakeholders', inPlanning) ?? findTagHint(plan, 'requirements', inPlanning) ?? '';
    const edit = insertChecklistItem(first, flowMapText(ITEM));
    const fixes: Fix[] = edit ? [{ title: `add a stakeholder item to "${first.id}"`, edits: [edit], kind: 'suggestion' }] : [];
    report({ messageId: 'missing', data: { phase: first.id, hint }, node: first.idNode, fixes, idPath: first.idPath });
  },
};
