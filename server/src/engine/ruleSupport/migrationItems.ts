import { isoFromDay } from '../calendar';
import { itemsTagged, phasesOfKind, type MigrationAnchor } from '../definitions';
import type { ChecklistItem, Plan } from '../model';
import type { Schedule } from '../schedule';
import type { ChecklistTag } from '../vocabulary';
import { firstTaggedIndex, itemLabel, type InsertionPoint } from './datedItems';
import { earliestItem, type Deadline } from './deadlines';

/**
 * What the migration rules share beyond M itself (definitions.ts): how messages name what
 * fixed M, the deadline of the data-preparation steps, and where fixes insert migration items.
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
 * The deadline of the data-preparation rules (data-cleansing, migration-mapping): the ED of
 * the first trial migration (the earliest `test-migration` item by ED, ties by file order),
 * else M. `text` names it for messages.
 */
export function preparationDeadline(
  plan: Plan,
  schedule: Schedule,
  anchor: MigrationAnchor,
): { deadline: Deadline; text: string; firstTrial?: ChecklistItem } {
  const trial = earliestItem(itemsTagged(plan, 'test-migration'), schedule);
  if (trial) {
    return {
      deadline: { day: trial.day, relation: 'onOrBefore' },
      text: `the first trial migration ${itemLabel(trial.item)} (${isoFromDay(trial.day)})`,
      firstTrial: trial.item,
    };
  }
  return { deadline: { day: anchor.day, relation: 'onOrBefore' }, text: `the migration date ${isoFromDay(anchor.day)} (${anchorText(anchor)})` };
}

/**
 * Where a fix inserts an item of the migration's preparation (trial, mapping, cleansing): in
 * the phase of `near` (the item it must precede), else of the final-migration item that fixed
 * M, else the first data-migration phase; before the first item there tagged with one of
 * `before` (the steps that come later), else at the end of that checklist.
 */
export function migrationPrepTarget(
  plan: Plan,
  anchor: MigrationAnchor,
  before: readonly ChecklistTag[],
  near?: ChecklistItem,
): InsertionPoint | undefined {
  const phase = near?.phase ?? ('item' in anchor ? anchor.item.phase : phasesOfKind(plan, 'data-migration')[0]);
  return phase ? { phase, beforeIndex: firstTaggedIndex(phase, before) } : undefined;
}

/**
 * Where a fix inserts a migration item that must come before the final migration: right
 * before the final-migration item that fixed M, else at the start of the first data-migration
 * phase (file order). Undefined when neither exists.
 */
export function beforeFinalMigration(plan: Plan, anchor: MigrationAnchor): InsertionPoint | undefined {
  if ('item' in anchor) return { phase: anchor.item.phase, beforeIndex: anchor.item.index };
  const first = phasesOfKind(plan, 'data-migration')[0];
  return first ? { phase: first, beforeIndex: 0 } : undefined;
}
