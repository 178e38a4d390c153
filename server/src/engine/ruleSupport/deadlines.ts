import type { WorkCalendar } from '../calendar';
import { effectiveDate } from '../definitions';
import type { ChecklistItem } from '../model';
import type { Schedule } from '../schedule';

/**
 * Judging checklist items by their effective date (ED) against a day, for the rules that want
 * some item dated on the right side of it (M, G, the first trial migration, go-live starts).
 */

/** "before" is strict, "on or before" and "on or after" include the day itself. */
type Relation = 'before' | 'onOrBefore' | 'onOrAfter';

export interface Deadline {
  day: number;
  relation: Relation;
}

export function meets(day: number, deadline: Deadline): boolean {
  if (deadline.relation === 'before') return day < deadline.day;
  if (deadline.relation === 'onOrBefore') return day <= deadline.day;
  return day >= deadline.day;
}

/** The working day closest to the deadline that still meets it (what a fix writes as `due`). */
export function workingDayMeeting(calendar: WorkCalendar, deadline: Deadline): number {
  const { day, relation } = deadline;
  if (relation === 'before') return calendar.previousBefore(day);
  if (calendar.isWorkingDay(day)) return day;
  return relation === 'onOrBefore' ? calendar.previousBefore(day) : calendar.nextAfter(day);
}

type Verdict =
  | { status: 'met' }
  /** No candidate meets the deadline, but some has no date at all: the rule cannot judge, so it is silent. */
  | { status: 'undated' }
  /** Candidates exist and every one misses; `item` is the one closest to meeting it (ties by file order). */
  | { status: 'missed'; item: ChecklistItem; day: number }
  | { status: 'absent' };

/** Judges `candidates` (already filtered by tag and phase) against `deadline` by their ED. */
export function judge(candidates: readonly ChecklistItem[], schedule: Schedule, deadline: Deadline): Verdict {
  let closest: { item: ChecklistItem; day: number } | undefined;
  let undated = false;
  for (const item of candidates) {
    const day = effectiveDate(item, schedule);
    if (day === undefined) {
      undated = true;
      continue;
    }
    if (meets(day, deadline)) return { status: 'met' };
    const closer = deadline.relation === 'onOrAfter' ? closest === undefined || day > closest.day : closest === undefined || day < closest.day;
    if (closer) closest = { item, day };
  }
  if (undated) return { status: 'undated' };
  return closest ? { status: 'missed', ...closest } : { status: 'absent' };
}

/** The earliest candidate by ED (ties by file order), with its ED; undated items are skipped. */
export function earliestItem(items: readonly ChecklistItem[], schedule: Schedule): { item: ChecklistItem; day: number } | undefined {
  let earliest: { item: ChecklistItem; day: number } | undefined;
  for (const item of items) {
    const day = effectiveDate(item, schedule);
    if (day !== undefined && (!earliest || day < earliest.day)) earliest = { item, day };
  }
  return earliest;
}

/** Whether an item's ED meets `deadline` (false when it has none): narrows tag hints to items that would count. */
export function datedWithin(schedule: Schedule, deadline: Deadline): (item: ChecklistItem) => boolean {
  return (item) => {
    const day = effectiveDate(item, schedule);
    return day !== undefined && meets(day, deadline);
  };
}
