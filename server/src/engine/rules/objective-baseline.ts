import { isScalar } from 'yaml';
import { insertMapEntry, scalarText } from '../edits';
import { OBJECTIVE_PLACEHOLDERS } from '../ruleSupport/objectivePlaceholders';
import { pairOf } from '../yamlNodes';
import type { Rule } from './types';

/**
 * Each objective has a `baseline`: the metric's value today. The fix inserts `baseline:` with a
 * placeholder (right after `metric` in a block mapping), which someone has to fill in with a
 * measured value, so it is a suggestion.
 */
export const objectiveBaseline: Rule = {
  meta: {
    id: 'objective-baseline',
    category: 'objectives',
    defaultSeverity: 'info',
    description: 'each objective has a baseline to measure progress against',
    hasSuggestions: true,
    messages: {
      missing: "objective \"{{id}}\" has no baseline, so progress cannot be measured against today's value; add baseline: with the metric's current value",
    },
  },
  check({ plan, report }) {
    for (const objective of plan.objectives) {
      if (pairOf(plan.source.doc, objective.map, 'baseline')) continue;
      const afterMetric = objective.map.items.some((pair) => isScalar(pair.key) && pair.key.value === 'metric') ? 'metric' : undefined;
      const edit = insertMapEntry(plan.source, objective.map, 'baseline', scalarText(OBJECTIVE_PLACEHOLDERS.baseline), afterMetric);
      report({
        messageId: 'missing',
        data: { id: objective.id },
        node: objective.idNode,
        fixes: [{ title: 'add baseline: to fill in', edits: [edit], kind: 'suggestion' }],
        idPath: objective.idPath,
      });
    }
  },
};
