import { isoFromDay } from '../calendar';
import { effectiveDate, findTagHint, goLiveDate, itemsTagged, phasesOfKind } from '../definitions';
import { flowMapText } from '../edits';
import type { Phase, Plan } from '../model';
import { insertChecklistItem } from '../planEdits';
import type { Schedule } from '../schedule';
import type { Fix } from '../types';
import type { Rule } from './types';

const ITEM = { task: 'Review the KPIs against the objectives with the sponsor', tags: ['kpi-review'] };

/** The first support phase (else optimization phase) that ends after G, where an undated review item lands after go-live. */
function reviewPhase(plan: Plan, schedule: Schedule, goLive: number): Phase | undefined {
  for (const kind of ['support', 'optimization'] as const) {
    const phase = phasesOfKind(plan, kind).find((p) => (schedule.windowOf(p)?.end ?? -Infinity) > goLive);
    if (phase) return phase;
  }
  return undefined;
}

function insertItemFix(phase: Phase): Fix[] {
  const edit = insertChecklistItem(phase, flowMapText(ITEM));
  return edit ? [{ title: `add a kpi-review item to "${phase.id}"`, edits: [edit], kind: 'suggestion' }] : [];
}

/**
 * "After G" is strict: an item due on the go-live day does not count. Silent without G. When
 * kpi-review items exist but all are due too early, the first dated one is reported; otherwise the
 * finding sits at the phase the fix inserts into (see `reviewPhase`), else at the first go-live.
 */
export const postGoLiveReview: Rule = {
  meta: {
    id: 'post-go-live-review',
    category: 'adoption',
    defaultSeverity: 'info',
    allOnly: true,
    description: 'an item tagged kpi-review is due after go-live, to review results against the objectives',
    hasSuggestions: true,
    messages: {
      missing:
        'no item tagged kpi-review is due after go-live ({{goLive}}); review the kpis against the objectives once people use the CRM, {{where}}{{hint}}',
      tooEarly:
        'the kpi-review item "{{task}}" is due {{due}}, not after go-live ({{goLive}}); results can only be reviewed once people use the CRM, so move it after go-live',
    },
  },
  check({ plan, schedule, report }) {
    const goLive = goLiveDate(schedule);
    if (goLive === undefined) return;
    const reviews = itemsTagged(plan, 'kpi-review');
    if (reviews.some((item) => (effectiveDate(item, schedule) ?? -Infinity) > goLive)) return;
    const goLiveIso = isoFromDay(goLive);
    const early = reviews.find((item) => effectiveDate(item, schedule) !== undefined);
    if (early) {
      report({
        messageId: 'tooEarly',
        data: { task: early.task?.value ?? early.entity?.id ?? `#${early.index + 1}`, due: isoFromDay(effectiveDate(early, schedule)!), goLive: goLiveIso },
        node: early.due?.node ?? early.task?.node ?? early.map,
        idPath: early.idPath,
      });
      return;
    }
    const phase = reviewPhase(plan, schedule, goLive);
    const hint = findTagHint(plan, 'kpi-review', (item) => (effectiveDate(item, schedule) ?? -Infinity) > goLive) ?? '';
    const target = phase ?? schedule.goLives[0];
    report({
      messageId: 'missing',
      data: { goLive: goLiveIso, where: phase ? `for example in "${phase.id}"` : 'for example in a support phase after go-live', hint },
      node: target.idNode,
      fixes: phase ? insertItemFix(phase) : undefined,
      idPath: target.idPath,
    });
  },
};
