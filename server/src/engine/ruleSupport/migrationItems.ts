import { isoFromDay } from '../calendar';
import { itemsTagged, phasesOfKind, waveLabel, type MigrationAnchor, type WaveMigration } from '../definitions';
import type { ChecklistItem, Plan } from '../model';
import type { Schedule } from '../schedule';
import type { ChecklistTag } from '../vocabulary';
import { firstTaggedIndex, itemLabel, type InsertionPoint } from './datedItems';
import { earliestItem, type Deadline } from './deadlines';

/**
 * What the migration rules share beyond M_k itself (definitions.ts): how messages name the wave
 * and what fixed its migration date, the deadline of the data-preparation steps, which items
 * count for a wave, and where suggestions insert migration items.
 */

/** What fixed M, for messages: `the final migration "Final import"`. */
export function anchorText(anchor: MigrationAnchor): string {
  return 'item' in anchor ? `the final migration ${itemLabel(anchor.item)}` : `the end of data-migration phase "${anchor.phase.id}"`;
}

/** Message data of the rules dated against M itself: `{{migrationDate}} ({{anchor}})`. */
export function migrationDateData(anchor: MigrationAnchor): { migrationDate: string; anchor: string } {
  return { migrationDate: isoFromDay(anchor.day), anchor: anchorText(anchor) };
}

/**
 * Message data naming a wave's migration: `{{wave}} migrates on {{migrationDate}} ({{anchor}})`,
 * and `{{preparing}}`, " in a phase preparing it" when the plan has several go-lives (only
 * items of phases preparing the wave count), or `{{preparingIt}}`, " preparing it", after a
 * phase kind.
 */
export function waveMigrationData(
  wave: WaveMigration,
  schedule: Schedule,
): { wave: string; migrationDate: string; anchor: string; preparing: string; preparingIt: string } {
  const several = schedule.goLives.length > 1;
  return {
    wave: waveLabel(wave.goLive, schedule),
    ...migrationDateData(wave.anchor),
    preparing: several ? ' in a phase preparing it' : '',
    preparingIt: several ? ' preparing it' : '',
  };
}

/** The items among `items` that belong to phases preparing the wave. */
export function ofWave(items: readonly ChecklistItem[], wave: WaveMigration): ChecklistItem[] {
  return items.filter((item) => wave.phases.has(item.phase));
}

/**
 * The deadline of the data-preparation rules (data-cleansing, migration-mapping) for a wave:
 * the ED of its first trial migration (the earliest `test-migration` item of a phase preparing
 * it, by ED, ties by file order), else M_k. `text` names it after "{{wave}} migrates on … but
 * no item is due on or before", `lateText` after "an item is due … after".
 */
export function preparationDeadline(
  plan: Plan,
  schedule: Schedule,
  wave: WaveMigration,
): { deadline: Deadline; text: string; lateText: string; firstTrial?: ChecklistItem } {
  const trial = earliestItem(ofWave(itemsTagged(plan, 'test-migration'), wave), schedule);
  const label = waveLabel(wave.goLive, schedule);
  if (trial) {
    const trialText = `first trial migration ${itemLabel(trial.item)} (${isoFromDay(trial.day)})`;
    return {
      deadline: { day: trial.day, relation: 'onOrBefore' },
      text: `its ${trialText}`,
      lateText: `the ${trialText}${schedule.goLives.length > 1 ? ` of ${label}` : ''}`,
      firstTrial: trial.item,
    };
  }
  return {
    deadline: { day: wave.anchor.day, relation: 'onOrBefore' },
    text: 'then',
    lateText: `${label} migrates on ${isoFromDay(wave.anchor.day)} (${anchorText(wave.anchor)})`,
  };
}

/** The first data-migration phase (file order) preparing the wave. */
function firstMigrationPhase(plan: Plan, wave: WaveMigration) {
  return phasesOfKind(plan, 'data-migration').find((phase) => wave.phases.has(phase));
}

/**
 * Where a suggestion inserts an item of the migration's preparation (trial, mapping,
 * cleansing): in the phase of `near` (the item it must precede), else of the final-migration
 * item that fixed M_k, else the wave's first data-migration phase; before the first item there
 * tagged with one of `before` (the steps that come later), else at the end of that checklist.
 */
export function migrationPrepTarget(plan: Plan, wave: WaveMigration, before: readonly ChecklistTag[], near?: ChecklistItem): InsertionPoint | undefined {
  const { anchor } = wave;
  const phase = near?.phase ?? ('item' in anchor ? anchor.item.phase : firstMigrationPhase(plan, wave));
  return phase ? { phase, beforeIndex: firstTaggedIndex(phase, before) } : undefined;
}

/**
 * Where a suggestion inserts a migration item that must come before the final migration: right
 * before the final-migration item that fixed M_k, else at the start of the wave's first
 * data-migration phase (file order). Undefined when neither exists.
 */
export function beforeFinalMigration(plan: Plan, wave: WaveMigration): InsertionPoint | undefined {
  const { anchor } = wave;
  if ('item' in anchor) return { phase: anchor.item.phase, beforeIndex: anchor.item.index };
  const first = firstMigrationPhase(plan, wave);
  return first ? { phase: first, beforeIndex: 0 } : undefined;
}
