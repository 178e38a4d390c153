import { isoFromDay, type WorkCalendar } from '../calendar';
import { effectiveDate } from '../definitions';
import { insertMapEntry, replaceNode } from '../edits';
import type { ChecklistItem, Phase } from '../model';
import type { Schedule } from '../schedule';
import type { Fix } from '../types';
import type { ChecklistTag } from '../vocabulary';
import type { Report } from './types';

/**
 * Shared by the rules that want some tagged checklist item dated on the right side of a day
 * (M, G, the first trial migration): judging the candidates, describing an item's effective
 * date in a message, and picking a working day that satisfies the rule for a fix.
 */

/** "before" is strict, "on or before" and "on or after" include the day itself. */
export type Relation = 'before' | 'onOrBefore' | 'onOrAfter';

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

export type Verdict =
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

const LABEL_LENGTH = 60;

/** How a message names an item: its id when it has one, else its task text (shortened). */
export function itemLabel(item: ChecklistItem): string {
  if (item.entity) return `"${item.entity.id}"`;
  const task = item.task?.value;
  if (!task) return `#${item.index + 1} of phase "${item.phase.id}"`;
  return `"${task.length > LABEL_LENGTH ? `${task.slice(0, LABEL_LENGTH - 1).trimEnd()}…` : task}"`;
}

/** "is due 2027-06-10", or, without `due`, where its phase's end puts it. */
export function whenText(item: ChecklistItem, day: number): string {
  return item.due ? `is due ${item.due.value}` : `has no due date, so it falls on the end of phase "${item.phase.id}" (${isoFromDay(day)})`;
}

/** The node a finding about a mis-dated item points at: its `due`, else the tag that made it a candidate. */
export function itemDateNode(item: ChecklistItem, tags: readonly ChecklistTag[]) {
  return item.due?.node ?? item.tags.find((t) => (tags as readonly string[]).includes(t.value))?.node ?? item.map;
}

/** An unsafe fix that moves (or sets) an item's `due`: moving a date is the author's call. */
export function moveDueFix(item: ChecklistItem, day: number): Fix {
  const iso = isoFromDay(day);
  const edit = item.due ? replaceNode(item.due.node, iso) : insertMapEntry(item.source, item.map, 'due', iso);
  return { title: `set its due date to ${iso}`, edits: [edit], safe: false };
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

/**
 * The report for a candidate that exists but misses the deadline: at its `due` (or its tag),
 * with `item` and `when` added to `data` and an unsafe fix moving its due.
 */
export function missedItemReport(
  messageId: string,
  missed: { item: ChecklistItem; day: number },
  schedule: Schedule,
  deadline: Deadline,
  tags: readonly ChecklistTag[],
  data: Record<string, string>,
): Report {
  return {
    messageId,
    data: { ...data, item: itemLabel(missed.item), when: whenText(missed.item, missed.day) },
    node: itemDateNode(missed.item, tags),
    fixes: [moveDueFix(missed.item, workingDayMeeting(schedule.calendar, deadline))],
    idPath: missed.item.idPath,
  };
}

/** Index of the first item of `phase` carrying one of `tags`, for inserting before it. */
export function firstTaggedIndex(phase: Phase, tags: readonly ChecklistTag[]): number | undefined {
  return phase.checklist.find((item) => item.tags.some((t) => (tags as readonly string[]).includes(t.value)))?.index;
}
