import { insertMapEntry, scalarText } from '../edits';
import { OBJECTIVE_PLACEHOLDERS } from '../ruleSupport/objectivePlaceholders';
import { pairOf } from '../yamlNodes';
import type { Rule } from './types';

/**
 * Each objective has `metric`, `target`, `due` and `owner` (their values are checked by the
 * schema and known-references). One finding per objective, at its id, naming every missing
 * key. The suggestion inserts the missing keys with placeholders (`TODO`, never a guessed date
 * or person), which someone has to replace, so it is never applied by --fix.
 * `baseline` is objective-baseline's.
 */

const SMART_KEYS = ['metric', 'target', 'due', 'owner'] as const;

function listWithOr(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words.join('');
}

export const smartObjectives: Rule = {
  meta: {
    id: 'smart-objectives',
    category: 'objectives',
    defaultSeverity: 'warning',
    description: 'each objective has a metric, a target, a due date and an owner',
    hasSuggestions: true,
    messages: {
      incomplete:
        'objective "{{id}}" has no {{missing}}; add {{them}} so that it is measurable, time-bound and owned (SMART) and its success can be checked',
    },
  },
  check({ plan, report }) {
    for (const objective of plan.objectives) {
      const missing = SMART_KEYS.filter((key) => !pairOf(plan.source.doc, objective.map, key));
      if (missing.length === 0) continue;
      const edits = missing.map((key) => insertMapEntry(plan.source, objective.map, key, scalarText(OBJECTIVE_PLACEHOLDERS[key])));
      report({
        messageId: 'incomplete',
        data: { id: objective.id, missing: listWithOr(missing), them: missing.length > 1 ? 'them' : 'it' },
        node: objective.idNode,
        fixes: [{ title: `add ${missing.join(', ')} to fill in`, edits, kind: 'suggestion' }],
        idPath: objective.idPath,
      });
    }
  },
};
