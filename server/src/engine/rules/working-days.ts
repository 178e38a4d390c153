import { isoFromDay, weekdayOf } from '../calendar';
import { replaceNode } from '../edits';
import { allChecklistItems } from '../model';
import type { DateValue } from '../model';
import type { Rule } from './types';

const WEEKDAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;

export const workingDays: Rule = {
  meta: {
    id: 'working-days',
    category: 'integrity',
    defaultSeverity: 'warning',
    description: 'phase, milestone, checklist and calendar start dates fall on working days of their phase\'s calendar (extra working days count)',
    fixable: true,
    messages: {
      weekend: '{{what}} {{date}} is a {{weekday}}, not a working day of this plan; move it to {{next}}',
      holiday: '{{what}} {{date}} is a holiday in this plan\'s calendar; move it to {{next}}',
    },
  },
  check({ plan, schedule, report }) {
    const check = (date: DateValue | undefined, what: string, idPath?: string, cal = schedule.calendar) => {
      if (!date || cal.isWorkingDay(date.day)) return;
      const next = cal.onOrAfter(date.day);
      const nextIso = isoFromDay(next);
      report({
        messageId: cal.isHoliday(date.day) ? 'holiday' : 'weekend',
        data: { what, date: date.value, weekday: WEEKDAY_NAMES[weekdayOf(date.day)], next: `${WEEKDAY_NAMES[weekdayOf(next)]} ${nextIso}` },
        node: date.node,
        fixes: [{ title: `move to ${nextIso}`, edits: [replaceNode(date.node, nextIso)], kind: 'fix' }],
        idPath,
      });
    };
    check(plan.calendar.start, 'calendar start');
    for (const phase of plan.phases) {
      const cal = schedule.calendarOf(phase).work;
      check(phase.start, `start of phase "${phase.id}"`, phase.idPath, cal);
      check(phase.end, `end of phase "${phase.id}"`, phase.idPath, cal);
      for (const m of phase.milestones) check(m.date, `date of milestone "${m.id}"`, m.idPath, cal);
    }
    for (const item of allChecklistItems(plan)) {
      const label = item.entity ? `"${item.entity.id}"` : item.task ? `"${item.task.value}"` : `#${item.index + 1} of phase "${item.phase.id}"`;
      check(item.due, `due date of checklist item ${label}`, item.idPath, schedule.calendarOf(item.phase).work);
    }
  },
};
