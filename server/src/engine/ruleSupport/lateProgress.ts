import { isNode, isScalar, type Node, type Scalar } from 'yaml';
import { isoFromDay } from '../calendar';
import { insertMapEntry, replaceNode } from '../edits';
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
 * Sets `key` to `valueText` in `map`: replaces its own value, else inserts the key. A value that
 * only comes through a `<<` merge is overridden by a new key rather than edited in the anchor,
 * which other entries share.
 */
function setKey(source: ChecklistItem['source'], map: ChecklistItem['map'], key: string, valueText: string): Fix['edits'][number] {
  const own = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  const value = own?.value;
  if (!own) return insertMapEntry(source, map, key, valueText);
  // A bare key without any value node (`{ task: T, done }`) gets its value written after it.
  if (!isNode(value) || !value.range) return replaceNode(own.key as Scalar, `${key}: ${valueText}`);
  const edit = replaceNode(value, valueText);
  // An empty `done:` has a zero-width value, right after the colon or at a trailing comment:
  // keep `done: true` a key and value, and `# ...` a comment.
  if (edit.start === edit.end) {
    const text = source.text;
    if (!/\s/.test(text[edit.start - 1] ?? ' ')) edit.newText = ` ${edit.newText}`;
    if (text[edit.start] === '#') edit.newText += ' ';
  }
  return edit;
}

/**
 * The suggestion recording progress: `done: true` for an item, `achieved: <as-of date>` for a
 * milestone. A suggestion, never a fix: only a person knows whether it really happened.
 */
export function recordProgressSuggestion(entry: LateEntry, asOfDay: number): Fix {
  if (entry.kind === 'item') {
    return { title: 'mark done', edits: [setKey(entry.item.source, entry.item.map, 'done', 'true')], kind: 'suggestion' };
  }
  const asOf = isoFromDay(asOfDay);
  const { milestone } = entry;
  return { title: `mark achieved on ${asOf}`, edits: [setKey(milestone.source, milestone.map, 'achieved', asOf)], kind: 'suggestion' };
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
