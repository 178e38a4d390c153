import type { ChecklistTag } from '../engine/vocabulary';
import type { FlowEntry, ItemSpec, MilestoneSpec } from './render';

/**
 * What the init templates of every size have in common: a data migration goes through the same
 * steps, gates and the go/no-go decision are dated the same way, and the core KPIs measure the
 * same things. Only the words, people and figures differ, and those stay in each size's file.
 */

/** A checklist task: its text, or its text with an owner (when not the phase owner) and references. */
export type Task = string | Omit<ItemSpec, 'tags'>;

function itemOf(task: Task, tags: ChecklistTag[]): ItemSpec {
  return typeof task === 'string' ? { task, tags } : { ...task, tags };
}

/**
 * The steps of a data migration, in the order it goes through them: audit and map the legacy
 * data, cleanse it, rehearse, back up, migrate, validate. The migration rules look for each tag.
 */
const MIGRATION_STEPS = ['data-audit', 'data-mapping', 'data-cleansing', 'test-migration', 'backup', 'final-migration', 'validation'] as const;

export type MigrationStep = (typeof MIGRATION_STEPS)[number];

/**
 * Working days before the end of the data-migration phase (where the final migration falls) by
 * which a step is due: the data is audited, mapped and cleansed before the trial, and the trial
 * runs twice migration-trial's default gap of 5 ahead, so what it finds can be fixed. The
 * backup, the final migration and the validation fall on the phase's end. The smallest
 * template's data phase (15 working days) holds them all.
 */
const DAYS_BEFORE_FINAL: Partial<Record<MigrationStep, number>> = {
  'data-audit': 12,
  'data-mapping': 12,
  'data-cleansing': 12,
  'test-migration': 10,
};

/** A data-migration phase's checklist: one task a step, tagged with the step, in the steps' order. */
export function migrationChecklist(tasks: Record<MigrationStep, Task>): ItemSpec[] {
  return MIGRATION_STEPS.map((step) => {
    const item = itemOf(tasks[step], [step]);
    const days = DAYS_BEFORE_FINAL[step];
    return days === undefined ? item : { ...item, due: { workingDaysBeforeEnd: days } };
  });
}

/** The rollback plan of a go-live, due on its first day: ready before the cutover begins. */
export function rollbackPlan(task: string): ItemSpec {
  return { task, tags: ['rollback'], due: 'start' };
}

/** A gate at the phase's end: the phases after it wait until its criteria are met. */
export function gate(id: string, name: string, criteria: string[], owner?: string): MilestoneSpec {
  return { id, name, owner, gate: true, criteria };
}

/** The go/no-go gate of a go-live, dated on its first day: the last moment to decide before the switch. */
export function goNoGo(id: string, name: string, criteria: string[], owner: string): MilestoneSpec {
  return { ...gate(id, name, criteria, owner), onStart: true };
}

/** The adoption KPI every template tracks: how many of the licensed `who` use the CRM each week. */
export function weeklyActiveKpi(who: 'users' | 'reps', target: string, owner: string): FlowEntry {
  return { id: `weekly-active-${who}`, name: `Weekly active ${who} / licensed ${who}`, target, review: 'weekly', measures: 'adoption', owner };
}

/** The data-quality KPI of a migration from a legacy CRM. */
export function duplicateRateKpi(target: number, owner: string): FlowEntry {
  return { id: 'duplicate-rate', name: 'Duplicate accounts per 1000 accounts', target, review: 'monthly', measures: 'data-quality', owner };
}
