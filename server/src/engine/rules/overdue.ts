import { isCritical, lateEntries, reportLate } from '../ruleSupport/lateProgress';
import type { Rule } from './types';

/**
 * Checklist items due, and milestones dated, before the as-of date that are not done or
 * achieved. Those of critical phases are `critical-overdue`'s (rules.md 1.1): each is reported
 * by one rule only.
 */
export const overdue: Rule = {
  meta: {
    id: 'overdue',
    category: 'budget',
    defaultSeverity: 'info',
    description: 'checklist items due and milestones dated before the as-of date are done or achieved (those of critical phases are critical-overdue\'s)',
    hasSuggestions: true,
    messages: {
      overdue: '{{what}} was due {{due}} and is not done as of {{asOf}}; finish it and set done: true, or move its due date',
      milestone: '{{what}} was dated {{due}} and is not achieved as of {{asOf}}; set achieved: to the day it was reached, or move its date',
    },
  },
  check({ plan, schedule, asOfDay, report }) {
    // Without an as-of date the rule does not run, so CI results do not change overnight.
    if (asOfDay === undefined) return;
    for (const entry of lateEntries(plan, asOfDay)) {
      if (isCritical(entry.phase, schedule)) continue;
      reportLate(report, entry.kind === 'item' ? 'overdue' : 'milestone', entry, asOfDay);
    }
  },
};
