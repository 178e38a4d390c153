import { findTagHint, itemsTagged, phasesOfKind } from '../definitions';
import { flowMapText } from '../edits';
import type { Phase, Plan } from '../model';
import { insertChecklistItem } from '../planEdits';
import { planLocation } from '../ruleSupport/reportLocations';
import type { Fix } from '../types';
import type { ChecklistTag, PhaseKind } from '../vocabulary';
import type { Rule } from './types';

interface Practice {
  tag: ChecklistTag;
  messageId: string;
  task: string;
  /** Where the inserted item belongs: the first phase of the first of these kinds the plan has, else its first phase. */
  homes: PhaseKind[];
}

const COMMUNICATION: Practice = {
  tag: 'communication',
  messageId: 'noCommunication',
  task: 'Announce the rollout, its benefits and the go-live date to every affected team',
  homes: ['planning', 'training', 'go-live'],
};
const FEEDBACK: Practice = {
  tag: 'feedback',
  messageId: 'noFeedback',
  task: 'Survey users on what slows them down and act on the results',
  homes: ['support', 'optimization', 'go-live', 'training'],
};
const CHAMPIONS: Practice = {
  tag: 'champions',
  messageId: 'noChampions',
  task: 'Name a champion in every affected team to help colleagues and relay their feedback',
  homes: ['training', 'design', 'planning'],
};

function homePhase(plan: Plan, practice: Practice): Phase | undefined {
  for (const kind of practice.homes) {
    const phase = phasesOfKind(plan, kind)[0];
    if (phase) return phase;
  }
  return plan.phases[0];
}

function insertItemFix(phase: Phase, practice: Practice): Fix[] {
  const edit = insertChecklistItem(phase, flowMapText({ task: practice.task, tags: [practice.tag] }));
  return edit ? [{ title: `add a ${practice.tag} item to "${phase.id}"`, edits: [edit], kind: 'suggestion' }] : [];
}

/**
 * Items count in any phase. Champions are required only when organization.size is mid or
 * enterprise; without a size they are not. Each missing practice is one finding, reported at the
 * phase its fix inserts into (see `homes`), or at the plan's name when the plan has no phases.
 */
export const changeManagement: Rule = {
  meta: {
    id: 'change-management',
    category: 'adoption',
    defaultSeverity: 'warning',
    description: 'the plan has communication and feedback items, and champions in mid and enterprise plans',
    hasSuggestions: true,
    messages: {
      noCommunication:
        'no checklist item is tagged communication; tell every affected team what changes, why and when{{where}}{{hint}}',
      noFeedback: 'no checklist item is tagged feedback; give users a way to report problems and suggest improvements (surveys, feedback sessions){{where}}{{hint}}',
      noChampions:
        'this {{size}} rollout has no checklist item tagged champions; name champions in the affected teams to support their colleagues and drive adoption{{where}}{{hint}}',
    },
  },
  check({ plan, report }) {
    const size = plan.organization?.size?.value;
    const practices = [COMMUNICATION, FEEDBACK];
    if (size === 'mid' || size === 'enterprise') practices.push(CHAMPIONS);
    for (const practice of practices) {
      if (itemsTagged(plan, practice.tag).length > 0) continue;
      const phase = homePhase(plan, practice);
      report({
        messageId: practice.messageId,
        data: {
          size: size ?? '',
          where: phase ? `, for example with an item in "${phase.id}"` : '',
          hint: findTagHint(plan, practice.tag) ?? '',
        },
        node: phase?.idNode ?? planLocation(plan),
        fixes: phase ? insertItemFix(phase, practice) : undefined,
        idPath: phase?.idPath ?? 'phases',
      });
    }
  },
};
