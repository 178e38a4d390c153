import { addToListKey, flowMapText } from '../edits';
import type { Phase, Plan } from '../model';
import { unusedId } from '../planEdits';
import type { Fix } from '../types';
import type { Rule } from './types';

/** Support and optimization are ongoing work, not deliveries with an end to mark. */
const EXEMPT_KINDS = new Set(['support', 'optimization']);

function milestoneFix(plan: Plan, phase: Phase): Fix[] {
  // Without a `date` the milestone falls on the phase's end: the phase is done.
  const milestone = flowMapText({ id: unusedId(plan, `${phase.id}-done`), name: `${phase.name?.value ?? phase.id} complete` });
  const edit = addToListKey(plan.source, phase.map, 'milestones', phase.milestonesNode, milestone);
  return edit ? [{ title: `add a milestone marking the end of "${phase.id}"`, edits: [edit], kind: 'suggestion' }] : [];
}

export const phaseMilestones: Rule = {
  meta: {
    id: 'phase-milestones',
    category: 'lifecycle',
    defaultSeverity: 'info',
    allOnly: true,
    description: 'every phase other than support and optimization has at least one milestone',
    hasSuggestions: true,
    messages: {
      noMilestone: 'phase "{{phase}}" has no milestone; add one that marks a measurable result (for example "{{example}}") so progress can be tracked',
    },
  },
  check({ plan, report }) {
    for (const phase of plan.phases) {
      const kind = phase.phaseKind?.value;
      // A milestone without an id still counts: the schema reports the missing id.
      if ((kind && EXEMPT_KINDS.has(kind)) || (phase.milestonesNode?.items.length ?? 0) > 0) continue;
      report({
        messageId: 'noMilestone',
        data: { phase: phase.id, example: `${phase.name?.value ?? phase.id} complete` },
        node: phase.idNode,
        fixes: milestoneFix(plan, phase),
        idPath: phase.idPath,
      });
    }
  },
};
