import type { Node } from 'yaml';
import { isoFromDay } from '../calendar';
import { setMapEntry } from '../planEdits';
import { allChecklistItems, allMilestones, type ChecklistItem, type Milestone, type Phase, type Plan } from '../model';
import type { Schedule } from '../schedule';
import type { Fix } from '../types';
import type { Report } from '../rules/types';

/**
 * What `overdue` and `critical-overdue` share (rules.md 1.1): the checklist items whose `due`
 * and the milestones whose `date` lie before the as-of date although they are not done or
 * achieved, and the suggestion recording that they are. Which of the two rules reports one
 * depends only on whether its phase is critical, so each late entry is reported once.
 */

export type LateEntry =
  | { kind: 'item'; item: ChecklistItem; phase: Phase; due: { value: string; node: Node } }
  | { kind: 'milestone'; milestone: Milestone; phase: Phase; due: { value: string; node: Node } };

/** Whether the schedule marks the phase critical: float zero or negative and not complete. */
export function isCritical(phase: Phase, schedule: Schedule): boolean {
  return schedule.windowOf(phase)?.critical === true;
}

/** Items with a `due` before `asOfDay` not done, then milestones with a `date` before it not achieved (findings are sorted by position later). */
export function lateEntries(plan: Plan, asOfDay: number): LateEntry[] {
  const out: LateEntry[] = [];
  for (const item of allChecklistItems(plan)) {
    if (item.due && !item.done && item.due.day < asOfDay) out.push({ kind: 'item', item, phase: item.phase, due: item.due });
  }
  for (const milestone of allMilestones(plan)) {
    const date = milestone.date;
    if (date && !milestone.achieved && date.day < asOfDay) out.push({ kind: 'milestone', milestone, phase: milestone.phase, due: date });
  }
  return out;
}

function itemLabel(item: ChecklistItem): string {
  if (item.entity) return `"${item.entity.id}"`;
  if (item.task) return `"${item.task.value}"`;
  return `#${item.index + 1} of phase "${item.phase.id}"`;
}

/** How messages name the entry: `checklist item "Kick-off"`, `milestone "design-signed-off"`. */
export function lateEntryLabel(entry: LateEntry): string {
  return entry.kind === 'item' ? `checklist item ${itemLabel(entry.item)}` : `milestone "${entry.milestone.id}"`;
}

/**
 * The suggestion recording progress: `done: true` for an item, `achieved: <as-of date>` for a
 * milestone. A suggestion, never a fix: only a person knows whether it really happened.
 */
export function recordProgressSuggestion(entry: LateEntry, asOfDay: number): Fix {
  if (entry.kind === 'item') {
    return { title: 'mark done', edits: [setMapEntry(entry.item.source, entry.item.map, 'done', 'true')], kind: 'suggestion' };
  }
  const asOf = isoFromDay(asOfDay);
  const { milestone } = entry;
  return { title: `mark achieved on ${asOf}`, edits: [setMapEntry(milestone.source, milestone.map, 'achieved', asOf)], kind: 'suggestion' };
}

/** Reports `entry` under `messageId` with the data both rules' messages use. */
export function reportLate(report: (r: Report) => void, messageId: string, entry: LateEntry, asOfDay: number): void {
  report({
    messageId,
    data: { what: lateEntryLabel(entry), due: entry.due.value, asOf: isoFromDay(asOfDay), phase: entry.phase.id },
    node: entry.due.node,
    fixes: [recordProgressSuggestion(entry, asOfDay)],
    idPath: entry.kind === 'item' ? entry.item.idPath : entry.milestone.idPath,
  });
}
