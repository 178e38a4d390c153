import { findTagHint, itemsTagged, migrationAnchor, phasesOfKind, type MigrationAnchor } from '../definitions';
import type { ChecklistItem, PhaseKind, Plan } from '../model';
import { checkDatedItem, type InsertionPoint } from '../ruleSupport/datedItems';
import { datedWithin, type Deadline } from '../ruleSupport/deadlines';
import { migrationDateData } from '../ruleSupport/migrationItems';
import type { Schedule } from '../schedule';
import type { Rule } from './types';

/** Validation counts where the migrated data lives: the migration itself, go-live and support. */
const VALIDATING_KINDS: readonly PhaseKind[] = ['data-migration', 'go-live', 'support'];

function inValidatingPhase(item: ChecklistItem): boolean {
  const kind = item.phase.phaseKind?.value;
  return kind !== undefined && VALIDATING_KINDS.includes(kind);
}

/**
 * Where the fix puts the validation: right after the final-migration item that fixed M when
 * it sits in a validating phase, else at the end of the data-migration phase that fixed M,
 * else at the end of the first go-live, support or data-migration phase (a `due` then keeps
 * it on or after M).
 */
function validationTarget(plan: Plan, schedule: Schedule, anchor: MigrationAnchor): InsertionPoint | undefined {
  if ('phase' in anchor) return { phase: anchor.phase };
  if (inValidatingPhase(anchor.item)) return { phase: anchor.item.phase, beforeIndex: anchor.item.index + 1 };
  const phase = schedule.goLives[0] ?? phasesOfKind(plan, 'go-live')[0] ?? phasesOfKind(plan, 'support')[0] ?? phasesOfKind(plan, 'data-migration')[0];
  return phase ? { phase } : undefined;
}

export const migrationValidation: Rule = {
  meta: {
    id: 'migration-validation',
    category: 'data',
    defaultSeverity: 'error',
    description: 'an item tagged validation in a data-migration, go-live or support phase has its effective date on or after the migration date M',
    hasSuggestions: true,
    messages: {
      missing:
        'no item tagged validation in a data-migration, go-live or support phase is due on or after the migration date {{migrationDate}} ({{anchor}}); check the migrated data against the legacy system once it has moved{{hint}}',
      early: 'validation item {{item}} {{when}}, before the migration date {{migrationDate}} ({{anchor}}); validate on or after {{migrationDate}}, once the data has moved',
    },
  },
  check({ plan, schedule, report }) {
    const anchor = migrationAnchor(plan, schedule);
    if (!anchor) return;
    const deadline: Deadline = { day: anchor.day, relation: 'onOrAfter' };
    const onTime = datedWithin(schedule, deadline);
    checkDatedItem(report, schedule, {
      candidates: itemsTagged(plan, 'validation').filter(inValidatingPhase),
      deadline,
      tags: ['validation'],
      data: migrationDateData(anchor),
      missedMessageId: 'early',
      target: validationTarget(plan, schedule, anchor),
      item: { task: 'Validate the migrated data against the legacy system', tags: ['validation'] },
      hint: () => findTagHint(plan, 'validation', (item) => inValidatingPhase(item) && onTime(item)) ?? '',
    });
  },
};
