import { findTagHint, itemsTagged, phasesOfKind, waveMigrations, type WaveMigration } from '../definitions';
import type { ChecklistItem, Plan } from '../model';
import type { PhaseKind } from '../vocabulary';
import { checkDatedItem, type InsertionPoint } from '../ruleSupport/datedItems';
import { datedWithin, type Deadline } from '../ruleSupport/deadlines';
import { ofWave, waveMigrationData } from '../ruleSupport/migrationItems';
import type { Rule } from './types';

/** Validation counts where the migrated data lives: the migration itself, go-live and support. */
const VALIDATING_KINDS: readonly PhaseKind[] = ['data-migration', 'go-live', 'support'];

function inValidatingPhase(item: ChecklistItem): boolean {
  const kind = item.phase.phaseKind?.value;
  return kind !== undefined && VALIDATING_KINDS.includes(kind);
}

/**
 * Where the suggestion puts the validation: right after the final-migration item that fixed
 * M_k when it sits in a validating phase, else at the end of the data-migration phase that
 * fixed M_k, else at the end of the wave's go-live, else of the first support or
 * data-migration phase preparing the wave (a `due` then keeps it on or after M_k).
 */
function validationTarget(plan: Plan, wave: WaveMigration): InsertionPoint | undefined {
  const { anchor } = wave;
  if ('phase' in anchor) return { phase: anchor.phase };
  if (inValidatingPhase(anchor.item)) return { phase: anchor.item.phase, beforeIndex: anchor.item.index + 1 };
  const inWave = (kind: PhaseKind) => phasesOfKind(plan, kind).find((phase) => wave.phases.has(phase));
  const phase = wave.goLive ?? inWave('support') ?? inWave('data-migration');
  return phase ? { phase } : undefined;
}

/**
 * For every wave k with a migration date M_k: an item tagged validation, in a data-migration,
 * go-live or support phase preparing wave k, has its ED on or after M_k. One finding per wave
 * that lacks it, naming the wave.
 */
export const migrationValidation: Rule = {
  meta: {
    id: 'migration-validation',
    category: 'data',
    defaultSeverity: 'error',
    description:
      'for every wave with a migration date M_k, an item tagged validation in a data-migration, go-live or support phase preparing that wave has its effective date on or after M_k',
    hasSuggestions: true,
    messages: {
      missing:
        '{{wave}} migrates on {{migrationDate}} ({{anchor}}) but no validation item in a data-migration, go-live or support phase{{preparingIt}} is due on or after that day; check the migrated data against the legacy system once it has moved{{hint}}',
      early:
        'validation item {{item}} {{when}}, before {{wave}} migrates on {{migrationDate}} ({{anchor}}); validate on or after {{migrationDate}}, once the data has moved',
    },
  },
  check({ plan, schedule, report }) {
    const validations = itemsTagged(plan, 'validation').filter(inValidatingPhase);
    for (const wave of waveMigrations(plan, schedule)) {
      const deadline: Deadline = { day: wave.anchor.day, relation: 'onOrAfter' };
      const onTime = datedWithin(schedule, deadline);
      checkDatedItem(report, schedule, {
        candidates: ofWave(validations, wave),
        deadline,
        tags: ['validation'],
        data: waveMigrationData(wave, schedule),
        missedMessageId: 'early',
        target: validationTarget(plan, wave),
        item: { task: 'Validate the migrated data against the legacy system', tags: ['validation'] },
        hint: () => findTagHint(plan, 'validation', (item) => wave.phases.has(item.phase) && inValidatingPhase(item) && onTime(item)) ?? '',
      });
    }
  },
};
