import { isoFromDay } from '../calendar';
import { findTagHint, itemsTagged, phasesPreparing, waveLabel } from '../definitions';
import type { ChecklistItem, Phase } from '../model';
import type { PhaseKind } from '../vocabulary';
import { checkDatedItem, type InsertionPoint } from '../ruleSupport/datedItems';
import { datedWithin, type Deadline } from '../ruleSupport/deadlines';
import type { Schedule } from '../schedule';
import type { Rule } from './types';

/** Where a rollback plan is written: while testing, migrating or cutting over. */
const ROLLBACK_KINDS: readonly PhaseKind[] = ['testing', 'data-migration', 'go-live'];

function inRollbackPhase(item: ChecklistItem): boolean {
  const kind = item.phase.phaseKind?.value;
  return kind !== undefined && ROLLBACK_KINDS.includes(kind);
}

/**
 * Where the suggestion puts the rollback item: into the last testing phase (file order)
 * preparing the go-live that ends on or before its start, else into the go-live phase itself
 * (with a `due` on its start).
 */
function rollbackTarget(goLive: Phase, preparing: readonly Phase[], schedule: Schedule, start: number): InsertionPoint {
  const testing = preparing.filter((p) => p.phaseKind?.value === 'testing' && (schedule.windowOf(p)?.end ?? Infinity) <= start);
  return { phase: testing[testing.length - 1] ?? goLive };
}

/**
 * Each go-live has an item tagged rollback (how to fall back if the cutover fails) with its ED
 * on or before the go-live's start, in a testing, data-migration or go-live phase preparing it.
 * Standard cutover practice rather than a figure from the seeds (the page says so). Offers a
 * suggestion only: a rollback plan is work someone has to do.
 */
export const rollbackPlan: Rule = {
  meta: {
    id: 'rollback-plan',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    description: 'each go-live has an item tagged rollback, due on or before its start, in a testing, data-migration or go-live phase preparing it',
    hasSuggestions: true,
    messages: {
      missing:
        '{{goesLive}} {{start}} but no rollback item in a testing, data-migration or go-live phase preparing it is due by then; write down how to fall back to the legacy system if the cutover fails{{hint}}',
      late: 'rollback item {{item}} {{when}}, after {{goesLive}} {{start}}; have the rollback plan ready by {{start}}',
    },
  },
  check({ plan, schedule, report }) {
    const rollbacks = itemsTagged(plan, 'rollback').filter(inRollbackPhase);
    for (const goLive of schedule.goLives) {
      const start = schedule.windowOf(goLive)?.start;
      if (start === undefined) continue;
      const preparing = phasesPreparing(goLive, plan, schedule);
      const phases = new Set(preparing);
      const deadline: Deadline = { day: start, relation: 'onOrBefore' };
      const onTime = datedWithin(schedule, deadline);
      checkDatedItem(report, schedule, {
        candidates: rollbacks.filter((item) => phases.has(item.phase)),
        deadline,
        tags: ['rollback'],
        // `wave 3 (France) goes live on`, as the migration rules name a wave; else `go-live "launch" starts`.
        data: { goesLive: goLive.wave ? `${waveLabel(goLive, schedule)} goes live on` : `go-live "${goLive.id}" starts`, start: isoFromDay(start) },
        missedMessageId: 'late',
        target: rollbackTarget(goLive, preparing, schedule, start),
        item: { task: 'Rollback plan: how to fall back to the legacy system if the cutover fails', tags: ['rollback'] },
        hint: () => findTagHint(plan, 'rollback', (item) => phases.has(item.phase) && onTime(item)) ?? '',
      });
    }
  },
};

