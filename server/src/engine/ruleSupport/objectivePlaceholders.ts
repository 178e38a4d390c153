import { addMonths, isoFromDay } from '../calendar';
import { goLiveDate } from '../definitions';
import type { Plan } from '../model';
import type { Schedule } from '../schedule';
import { personCandidates } from './personPicks';

/**
 * Values that objective fixes insert for a person to replace. They are placeholders, so every
 * edit that inserts them is a suggestion. Texts avoid commas, colons and brackets so that they stay
 * plain scalars in flow mappings too.
 */
export const OBJECTIVE_PLACEHOLDERS = {
  statement: 'TODO what the rollout must achieve',
  metric: 'TODO metric and unit',
  baseline: 'TODO',
  target: 'TODO',
} as const;

/** Months after go-live that a placeholder `due` lands on: results need time for adoption. */
const MONTHS_AFTER_GO_LIVE = 3;

/**
 * A placeholder `due`: three months after G, else after the plan's last end, else after
 * `calendar.start`; `TODO` when the plan has no date at all (the schema then flags it until
 * someone fills it in).
 */
export function placeholderDue(plan: Plan, schedule: Schedule): string {
  const anchor = goLiveDate(schedule) ?? schedule.planEnd ?? plan.calendar.start?.day;
  return anchor === undefined ? 'TODO' : isoFromDay(addMonths(anchor, MONTHS_AFTER_GO_LIVE));
}

/**
 * A placeholder `owner`: the sponsor, else the project owner, else the first declared person,
 * as long as they are declared; `TODO` otherwise (known-references then flags it).
 */
export function placeholderOwner(plan: Plan): string {
  return personCandidates(plan, [plan.sponsor?.value, plan.owner?.value])[0] ?? 'TODO';
}
