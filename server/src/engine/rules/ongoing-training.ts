import { isoFromDay } from '../calendar';
import { findTagHint, goLiveDate, hasTag, phasesOfKind } from '../definitions';
import { flowMapText } from '../edits';
import { keyNodeOf, type Phase } from '../model';
import { insertChecklistItem } from '../planEdits';
import type { Fix } from '../types';
import type { Rule } from './types';

const REFRESHER_ITEM = { task: 'Refresher and new-hire training sessions', tags: ['training'] };

function isAfterCare(phase: Phase): boolean {
  const kind = phase.phaseKind?.value;
  return kind === 'support' || kind === 'optimization';
}

export const ongoingTraining: Rule = {
  meta: {
    id: 'ongoing-training',
    category: 'lifecycle',
    defaultSeverity: 'info',
    allOnly: true,
    description: 'training continues after go-live: a training phase starts on or after it, or a support or optimization phase has a training item',
    hasSuggestions: true,
    messages: {
      oneTime:
        'training stops at go-live: no training phase starts on or after {{goLive}} and no support or optimization phase has an item tagged training; plan refresher and new-hire training{{where}}{{hint}}',
    },
  },
  check({ plan, schedule, report }) {
    const goLive = goLiveDate(schedule);
    // Without a dated go-live there is no "after go-live" to look at.
    if (goLive === undefined) return;
    for (const phase of phasesOfKind(plan, 'training')) {
      const w = schedule.windowOf(phase);
      // An undated training phase might run after go-live: the rule cannot tell, so it stays silent.
      if (!w || w.start >= goLive) return;
    }
    const afterCare = plan.phases.filter(isAfterCare);
    if (afterCare.some((p) => p.checklist.some((item) => hasTag(item, 'training')))) return;
    // The refresher item goes into the first support phase, else the first optimization phase.
    const target = phasesOfKind(plan, 'support')[0] ?? phasesOfKind(plan, 'optimization')[0];
    const edit = target ? insertChecklistItem(target, flowMapText(REFRESHER_ITEM)) : undefined;
    const fixes: Fix[] = target && edit ? [{ title: `add a refresher-training item to "${target.id}"`, edits: [edit], kind: 'suggestion' }] : [];
    const phasesKey = plan.root ? keyNodeOf(plan.source, plan.root, 'phases') : undefined;
    report({
      messageId: 'oneTime',
      data: {
        goLive: isoFromDay(goLive),
        where: target ? ` in "${target.id}"` : ' in a support phase after go-live',
        hint: findTagHint(plan, 'training', (item) => isAfterCare(item.phase)) ?? '',
      },
      node: target?.idNode ?? phasesKey ?? plan.root,
      fixes,
      idPath: target?.idPath ?? 'phases',
    });
  },
};
