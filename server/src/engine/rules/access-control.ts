import { isoFromDay } from '../calendar';
import { findTagHint, goLiveDate, itemsTagged, phasesOfKind } from '../definitions';
import type { ChecklistItem } from '../model';
import { checkDatedItem } from '../ruleSupport/datedItems';
import { datedWithin, type Deadline } from '../ruleSupport/deadlines';
import type { Rule } from './types';

function inDesignOrConfiguration(item: ChecklistItem): boolean {
  const kind = item.phase.phaseKind?.value;
  return kind === 'design' || kind === 'configuration';
}

export const accessControl: Rule = {
  meta: {
    id: 'access-control',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'an item tagged access-roles in a design or configuration phase has its effective date before go-live (G)',
    hasSuggestions: true,
    messages: {
      missing:
        'no item tagged access-roles in a design or configuration phase is due before go-live ({{goLive}}); design user roles and permissions from the start, not after launch{{hint}}',
      late: 'access-roles item {{item}} {{when}}, not before go-live ({{goLive}}); settle user roles and permissions before {{goLive}}',
    },
  },
  check({ plan, schedule, report }) {
    const goLive = goLiveDate(schedule);
    // Without a design or configuration phase there is nowhere the item could count: required-phases reports that.
    const target = phasesOfKind(plan, 'configuration')[0] ?? phasesOfKind(plan, 'design')[0];
    if (goLive === undefined || !target) return;
    const deadline: Deadline = { day: goLive, relation: 'before' };
    const onTime = datedWithin(schedule, deadline);
    checkDatedItem(report, schedule, {
      candidates: itemsTagged(plan, 'access-roles').filter(inDesignOrConfiguration),
      deadline,
      tags: ['access-roles'],
      data: { goLive: isoFromDay(goLive) },
      missedMessageId: 'late',
      target: { phase: target },
      item: { task: 'Define user roles and permissions for each team', tags: ['access-roles'] },
      hint: () => findTagHint(plan, 'access-roles', (item) => inDesignOrConfiguration(item) && onTime(item)) ?? '',
    });
  },
};
