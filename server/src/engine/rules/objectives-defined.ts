import { appendSeqItem, flowMapText, scalarText } from '../edits';
import { entityIndex } from '../entities';
import type { Plan } from '../model';
import { insertTopLevel } from '../planEdits';
import { OBJECTIVE_PLACEHOLDERS } from '../ruleSupport/objectivePlaceholders';
import { topLevelKeyLocation } from '../ruleSupport/reportLocations';
import type { TextEdit } from '../types';
import type { Rule } from './types';

/**
 * The plan has at least one objective (an entry in `objectives`; an entry without an id still
 * counts here, since the schema reports it). The fix inserts a SMART objective skeleton whose
 * values are placeholders to replace, so it is a suggestion: a block list before `phases` when the
 * plan has no `objectives` key, or a flow item inside an empty `objectives: []`.
 */

function skeleton(plan: Plan): Record<string, string> {
  const taken = entityIndex(plan);
  let n = 1;
  while (taken.has(`objective-${n}`)) n++;
  return { id: `objective-${n}`, ...OBJECTIVE_PLACEHOLDERS };
}

function blockList(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([key, value], i) => `${i === 0 ? '  - ' : '    '}${key}: ${scalarText(value)}`)
    .join('\n');
}

function insertSkeleton(plan: Plan): TextEdit | undefined {
  const entries = skeleton(plan);
  if (plan.objectivesNode) return appendSeqItem(plan.source, plan.objectivesNode, flowMapText(entries));
  // A block list cannot go inside a flow mapping (`{ plan: 1, name: x }`); write a flow list there.
  return insertTopLevel(plan, 'objectives', plan.root?.flow ? `[${flowMapText(entries)}]` : blockList(entries));
}

export const objectivesDefined: Rule = {
  meta: {
    id: 'objectives-defined',
    category: 'objectives',
    defaultSeverity: 'error',
    description: 'the plan states at least one objective',
    hasSuggestions: true,
    messages: {
      missing:
        'the plan states no objectives, so nobody can tell whether the rollout succeeded; add objectives: with at least one measurable goal, such as cutting response times or raising conversion',
    },
  },
  check({ plan, report }) {
    if (!plan.root) return;
    if (plan.objectivesNode ? plan.objectivesNode.items.length > 0 : plan.objectives.length > 0) return;
    const edit = insertSkeleton(plan);
    report({
      messageId: 'missing',
      node: plan.objectivesNode ?? topLevelKeyLocation(plan, 'objectives'),
      fixes: edit ? [{ title: 'insert an objective to fill in', edits: [edit], kind: 'suggestion' }] : [],
      idPath: 'objectives',
    });
  },
};
