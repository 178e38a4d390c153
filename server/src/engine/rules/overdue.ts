import { isNode, isScalar, type Scalar } from 'yaml';
import { isoFromDay } from '../calendar';
import { insertMapEntry, replaceNode } from '../edits';
import { allChecklistItems, type ChecklistItem } from '../model';
import type { Fix } from '../types';
import type { Rule } from './types';

function label(item: ChecklistItem): string {
  if (item.entity) return `"${item.entity.id}"`;
  if (item.task) return `"${item.task.value}"`;
  return `#${item.index + 1} of phase "${item.phase.id}"`;
}

/**
 * Sets `done: true`: replaces the item's own `done` value, else inserts the key. A `done` that
 * only comes through a `<<` merge is overridden by a new key rather than edited in the anchor,
 * which other items share.
 */
function markDoneFix(item: ChecklistItem): Fix {
  const own = item.map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'done');
  const value = own?.value;
  if (!own) return { title: 'mark done', edits: [insertMapEntry(item.source, item.map, 'done', 'true')], kind: 'suggestion' };
  // A bare key without any value node (`{ task: T, done }`) gets its value written after it.
  if (!isNode(value) || !value.range) return { title: 'mark done', edits: [replaceNode(own.key as Scalar, 'done: true')], kind: 'suggestion' };
  const edit = replaceNode(value, 'true');
  // An empty `done:` has a zero-width value, right after the colon or at a trailing comment:
  // keep `done: true` a key and value, and `# ...` a comment.
  if (edit.start === edit.end) {
    const text = item.source.text;
    if (!/\s/.test(text[edit.start - 1] ?? ' ')) edit.newText = ` ${edit.newText}`;
    if (text[edit.start] === '#') edit.newText += ' ';
  }
  return { title: 'mark done', edits: [edit], kind: 'suggestion' };
}

export const overdue: Rule = {
  meta: {
    id: 'overdue',
    category: 'budget',
    defaultSeverity: 'info',
    description: 'checklist items due before the as-of date are done',
    hasSuggestions: true,
    messages: {
      overdue: 'checklist item {{item}} was due {{due}} and is not done as of {{asOf}}; finish it and set done: true, or move its due date',
    },
  },
  check({ plan, asOfDay, report }) {
    // Without an as-of date the rule does not run, so CI results do not change overnight.
    if (asOfDay === undefined) return;
    for (const item of allChecklistItems(plan)) {
      if (!item.due || item.done || item.due.day >= asOfDay) continue;
      report({
        messageId: 'overdue',
        data: { item: label(item), due: item.due.value, asOf: isoFromDay(asOfDay) },
        node: item.due.node,
        fixes: [markDoneFix(item)],
        idPath: item.idPath,
      });
    }
  },
};
