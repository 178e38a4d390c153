import { isoFromDay } from '../calendar';
import { addToListKey, appendSeqItem, insertSeqItemBefore } from '../edits';
import type { Phase } from '../model';
import type { Schedule } from '../schedule';
import type { Fix, TextEdit } from '../types';
import { pairOf } from '../yamlNodes';
import { meets, workingDayMeeting, type Deadline } from './dated-items';
import { flowScalar } from './lifecycleEdits';

/**
 * Text edits that add checklist items the way a plan author would type them: `{ task: …,
 * tags: [x] }` in flow style, in the phase's own checklist, dated only when the phase's end
 * would not satisfy the rule.
 */

/** Where an item goes: before the item at `beforeIndex` of the phase's checklist, else at its end. */
export interface InsertionPoint {
  phase: Phase;
  beforeIndex?: number;
}

export interface NewItem {
  task: string;
  tags: string[];
  refs?: string[];
  /** Day number; written as an ISO date. */
  due?: number;
}

export function newItemText(item: NewItem): string {
  const parts = [`task: ${flowScalar(item.task)}`, `tags: [${item.tags.map(flowScalar).join(', ')}]`];
  if (item.refs?.length) parts.push(`refs: [${item.refs.map(flowScalar).join(', ')}]`);
  if (item.due !== undefined) parts.push(`due: ${isoFromDay(item.due)}`);
  return `{ ${parts.join(', ')} }`;
}

/**
 * Inserts `item` into `phase`'s checklist before the item at `beforeIndex` (appends when it is
 * undefined or past the end, and always in a flow list), creating `checklist: [item]` when the
 * phase has none, as the other rules' fixes do. Undefined when `checklist` holds something other
 * than a list: inserting would duplicate the key, and the schema reports the value.
 */
export function insertChecklistItemEdit(phase: Phase, item: NewItem, beforeIndex?: number): TextEdit | undefined {
  const source = phase.source;
  const text = newItemText(item);
  const seq = phase.checklistNode;
  if (!seq) return pairOf(source.doc, phase.map, 'checklist') ? undefined : addToListKey(source, phase.map, 'checklist', undefined, text);
  return beforeIndex !== undefined && beforeIndex < seq.items.length ? insertSeqItemBefore(source, seq, beforeIndex, text) : appendSeqItem(source, seq, text);
}

/**
 * A safe fix inserting `item` into `phase`. When a deadline is given and the phase's end would
 * not meet it (or the phase has no dates), the item gets a `due`: the working day closest to
 * the deadline that meets it.
 */
export function insertItemFix(
  schedule: Schedule,
  target: InsertionPoint,
  item: NewItem,
  deadline?: Deadline,
): Fix | undefined {
  const phaseEnd = schedule.windowOf(target.phase)?.end;
  const needsDue = deadline !== undefined && (phaseEnd === undefined || !meets(phaseEnd, deadline));
  const withDue = needsDue ? { ...item, due: workingDayMeeting(schedule.calendar, deadline) } : item;
  const edit = insertChecklistItemEdit(target.phase, withDue, target.beforeIndex);
  if (!edit) return undefined;
  const due = withDue.due !== undefined ? ` due ${isoFromDay(withDue.due)}` : '';
  return { title: `insert an item tagged ${item.tags.join(', ')} into phase "${target.phase.id}"${due}`, edits: [edit], safe: true };
}
