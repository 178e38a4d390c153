import { isCritical, lateEntries, reportLate } from '../ruleSupport/lateProgress';
import type { Rule } from './types';

/**
 * As `overdue`, for the checklist items and milestones of critical phases (float zero or
 * negative, not complete): nothing absorbs their delay, so every day they slip moves the end
 * of the plan or a fixed date, a go-live among them. Runs when `overdue` runs: with an as-of date.
 */
export const criticalOverdue: Rule = {
  meta: {
    id: 'critical-overdue',
    category: 'budget',
    defaultSeverity: 'warning',
    description: 'checklist items and milestones of critical phases that are overdue on the as-of date: they delay a go-live day by day',
    hasSuggestions: true,
    messages: {
      item: '{{what}} of critical phase "{{phase}}" was due {{due}} and is not done as of {{asOf}}; the phase has no float, so each day it slips delays the go-live: finish it and set done: true, or replan',
      milestone:
        '{{what}} of critical phase "{{phase}}" was dated {{due}} and is not achieved as of {{asOf}}; the phase has no float, so each day it slips delays the go-live: set achieved: to the day it was reached, or replan',
    },
  },
  check({ plan, schedule, asOfDay, report }) {
    if (asOfDay === undefined) return;
    for (const entry of lateEntries(plan, asOfDay)) {
      if (!isCritical(entry.phase, schedule)) continue;
      reportLate(report, entry.kind, entry, asOfDay);
    }
  },
};
