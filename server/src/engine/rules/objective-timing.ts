import { isoFromDay } from '../calendar';
import { goLiveDate } from '../definitions';
import type { Rule } from './types';

/**
 * Every objective's `due` is after G (strictly): results need time for adoption. Silent
 * without a go-live phase; objectives without a `due` are smart-objectives'. Objective dates
 * are business dates, so the comparison is by calendar day, working or not.
 */
export const objectiveTiming: Rule = {
  meta: {
    id: 'objective-timing',
    category: 'objectives',
    defaultSeverity: 'info',
    description: "every objective's due date is after go-live",
    messages: {
      tooEarly:
        'objective "{{id}}" is due {{due}}, {{when}} go-live ({{goLive}}), too soon for results to show; users need time to adopt the CRM, so set a due date after go-live',
    },
  },
  check({ plan, schedule, report }) {
    const goLive = goLiveDate(schedule);
    if (goLive === undefined) return;
    for (const objective of plan.objectives) {
      const due = objective.due;
      if (!due || due.day > goLive) continue;
      report({
        messageId: 'tooEarly',
        data: { id: objective.id, due: due.value, when: due.day === goLive ? 'the day of' : 'before', goLive: isoFromDay(goLive) },
        node: due.node,
        idPath: objective.idPath,
      });
    }
  },
};
