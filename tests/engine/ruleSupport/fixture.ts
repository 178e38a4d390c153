import { dayFromIso } from '../../../server/src/engine/calendar';
import { buildPlan, type Plan } from '../../../server/src/engine/model';
import { parseSource } from '../../../server/src/engine/parse';
import type { Schedule } from '../../../server/src/engine/schedule';
import { buildSchedule } from '../../../server/src/engine/scheduler';

/** A plan and its schedule from YAML text, with real parsing and scheduling (no imports). */
export function planAndSchedule(text: string): { plan: Plan; schedule: Schedule } {
  const plan = buildPlan(parseSource('/w/plan.rollout.yaml', text).source);
  return { plan, schedule: buildSchedule(plan) };
}

export function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`not a date: ${iso}`);
  return d;
}

/**
 * `migrate` runs Monday 2027-01-04 to Friday 2027-01-15 (Mon-Fri working days); `someday` has
 * no dates at all, so its items have no effective date; `broken` has `checklist:` without a list.
 */
export const BACKUPS = `plan: 1
name: Pilot
sponsor: dana
people: [{ id: priya }, { id: dana }]
phases:
  - id: migrate
    name: Migrate
    kind: data-migration
    start: 2027-01-04
    duration: 2w
    checklist:
      - { task: Early backup, tags: [backup], due: 2027-01-06 }
      - { task: Late backup, tags: [backup], due: 2027-01-14 }
      - { task: Backup at the end, tags: [backup] }
      - { id: twin, task: Twin of the early backup, tags: [backup], due: 2027-01-06 }
      - { task: Final import, tags: [final-migration, validation] }
  - id: someday
    name: Someday
    kind: support
    checklist:
      - { task: Undated backup, tags: [backup] }
  - id: broken
    name: Broken
    kind: support
    checklist:
`;
