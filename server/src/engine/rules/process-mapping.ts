import { findTagHint, itemsTagged, phasesOfKind } from '../definitions';
import { flowMapText } from '../edits';
import type { ChecklistItem } from '../model';
import { insertChecklistItem } from '../planEdits';
import type { Fix } from '../types';
import type { Rule } from './types';

/**
 * A planning or design phase has an item tagged process-mapping. Silent without a planning or
 * design phase (required-phases reports it). Reported at, and fixed in, the first planning
 * phase in file order, else the first design phase; inserting the item is a suggestion.
 */

const ITEM = { task: 'Map the current customer processes and agree how they will run in the CRM', tags: ['process-mapping'] };

function inPlanningOrDesign(item: ChecklistItem): boolean {
  const kind = item.phase.phaseKind?.value;
  return kind === 'planning' || kind === 'design';
}

export const processMapping: Rule = {
  meta: {
    id: 'process-mapping',
    category: 'objectives',
    defaultSeverity: 'info',
    allOnly: true,
    description: 'a planning or design phase has an item tagged process-mapping',
    hasSuggestions: true,
    messages: {
      missing:
        'no planning or design phase has an item tagged process-mapping; map how sales, service and marketing work today in "{{phase}}", so the CRM supports better processes instead of copying old ones{{hint}}',
    },
  },
  check({ plan, report }) {
    const target = phasesOfKind(plan, 'planning')[0] ?? phasesOfKind(plan, 'design')[0];
    if (!target || itemsTagged(plan, 'process-mapping').some(inPlanningOrDesign)) return;
    const edit = insertChecklistItem(target, flowMapText(ITEM));
    const fixes: Fix[] = edit ? [{ title: `add a process-mapping item to "${target.id}"`, edits: [edit], kind: 'suggestion' }] : [];
    report({
      messageId: 'missing',
      data: { phase: target.id, hint: findTagHint(plan, 'process-mapping') ?? '' },
      node: target.idNode,
      fixes,
      idPath: target.idPath,
    });
  },
};
