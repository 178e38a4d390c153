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

/** A data-migration phase's checklist: one task a step, tagged with the step, in the steps' order. */
export function migrationChecklist(tasks: Record<MigrationStep, Task>): ItemSpec[] {
  return MIGRATION_STEPS.map((step) => itemOf(tasks[step], [step]));
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
