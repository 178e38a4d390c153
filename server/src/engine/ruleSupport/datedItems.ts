import { isoFromDay } from '../calendar';
import { flowMapText, insertMapEntry, replaceNode } from '../edits';
import type { ChecklistItem, Phase } from '../model';
import { insertChecklistItem } from '../planEdits';
import type { Report, RuleContext } from '../rules/types';
import type { Schedule } from '../schedule';
import type { Fix } from '../types';
import type { ChecklistTag } from '../vocabulary';
import { judge, meets, workingDayMeeting, type Deadline } from './deadlines';

/**
 * Findings and fixes of the rules that want some tagged checklist item dated on the right side
 * of a day (M, G, the first trial migration): how a message names an item, where a finding about
 * a mis-dated item points, and the fixes that move a due date or insert the missing item.
 */

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

/** A suggestion that moves (or sets) an item's `due`: moving a date is the author's call. */
export function moveDueFix(item: ChecklistItem, day: number): Fix {
  const iso = isoFromDay(day);
  const edit = item.due ? replaceNode(item.due.node, iso) : insertMapEntry(item.source, item.map, 'due', iso);
  return { title: `set its due date to ${iso}`, edits: [edit], kind: 'suggestion' };
}

/**
 * The report for a candidate that exists but misses the deadline: at its `due` (or its tag),
 * with `item` and `when` added to `data` and a suggestion moving its due.
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
    // The working day is the item's phase's (its calendar may work a weekend cutover).
    fixes: [moveDueFix(missed.item, workingDayMeeting(schedule.calendarOf(missed.item.phase).work, deadline))],
    idPath: missed.item.idPath,
  };
}

/** Where an item goes: before the item at `beforeIndex` of the phase's checklist, else at its end. */
export interface InsertionPoint {
  phase: Phase;
  beforeIndex?: number;
}

/** Index of the first item of `phase` carrying one of `tags`, for inserting before it. */
export function firstTaggedIndex(phase: Phase, tags: readonly ChecklistTag[]): number | undefined {
  return phase.checklist.find((item) => item.tags.some((t) => (tags as readonly string[]).includes(t.value)))?.index;
}

/** A checklist item a fix inserts, written as a flow map `{ task: …, tags: [x] }`. */
interface NewItem {
  task: string;
  tags: string[];
  refs?: string[];
  /** Day number; written as an ISO date. */
  due?: number;
}

function newItemText(item: NewItem): string {
  return flowMapText({
    task: item.task,
    tags: item.tags,
    ...(item.refs?.length ? { refs: item.refs } : {}),
    ...(item.due !== undefined ? { due: isoFromDay(item.due) } : {}),
  });
}

/**
 * A suggestion inserting `item` into the target phase (new plan content is never a fix). When a deadline is given and the phase's
 * end would not meet it (or the phase has no dates), the item gets a `due`: the working day
 * closest to the deadline that meets it. Undefined when the phase's `checklist` is not a list.
 */
export function insertItemFix(schedule: Schedule, target: InsertionPoint, item: NewItem, deadline?: Deadline): Fix | undefined {
  const phaseEnd = schedule.windowOf(target.phase)?.end;
  const needsDue = deadline !== undefined && (phaseEnd === undefined || !meets(phaseEnd, deadline));
  const withDue = needsDue ? { ...item, due: workingDayMeeting(schedule.calendarOf(target.phase).work, deadline) } : item;
  const edit = insertChecklistItem(target.phase, newItemText(withDue), target.beforeIndex);
  if (!edit) return undefined;
  const due = withDue.due !== undefined ? ` due ${isoFromDay(withDue.due)}` : '';
  return { title: `insert an item tagged ${item.tags.join(', ')} into phase "${target.phase.id}"${due}`, edits: [edit], kind: 'suggestion' };
}

/** What a rule requires: some candidate item dated to meet `deadline`. */
export interface RequiredDatedItem {
  /** Items that could satisfy the rule, already filtered by tag and phase. */
  candidates: readonly ChecklistItem[];
  deadline: Deadline;
  /** Tags that make an item a candidate: a finding about a mis-dated item without `due` points at one. */
  tags: readonly ChecklistTag[];
  /** Message data of both findings. */
  data: Record<string, string>;
  /** More message data about the mis-dated item, for the finding about it. */
  missedData?: (item: ChecklistItem) => Record<string, string>;
  /** The messageId of the finding about a candidate on the wrong side of the deadline ('late', 'early'), or how to choose it from the candidate's ED. */
  missedMessageId: string | ((day: number) => string);
  /** Where the missing item goes; without one the rule is silent about it (the missing phase is another rule's finding). */
  target: InsertionPoint | undefined;
  item: NewItem;
  /** The did-you-mean clause of the `missing` finding, computed only when it is reported. */
  hint: () => string;
}

/**
 * The check those rules share: silent when a candidate meets the deadline or one has no date
 * (the rule cannot judge it); when every candidate misses, one finding at the one closest to
 * meeting it, with a suggestion moving its due; when there is none, a `missing` finding at the
 * target phase with a suggestion inserting the item there.
 */
export function checkDatedItem(report: RuleContext['report'], schedule: Schedule, required: RequiredDatedItem): void {
  const { deadline, tags, data, target } = required;
  const verdict = judge(required.candidates, schedule, deadline);
  if (verdict.status === 'missed') {
    const missedData = { ...data, ...required.missedData?.(verdict.item) };
    const messageId = typeof required.missedMessageId === 'string' ? required.missedMessageId : required.missedMessageId(verdict.day);
    report(missedItemReport(messageId, verdict, schedule, deadline, tags, missedData));
    return;
  }
  if (verdict.status !== 'absent' || !target) return;
  const fix = insertItemFix(schedule, target, required.item, deadline);
  report({
    messageId: 'missing',
    data: { ...data, hint: required.hint() },
    node: target.phase.idNode,
    fixes: fix ? [fix] : undefined,
    idPath: target.phase.idPath,
  });
}
