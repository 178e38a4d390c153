import { asSeq, valueOf } from '../yamlNodes';
import type { Rule } from './types';

/**
 * Each customization names in `supports` at least one objective it serves. Reported at the
 * empty `supports` list when there is one, else at the customization's id. Whether the ids in
 * `supports` resolve to objectives is known-references'.
 */
export const customizationTraced: Rule = {
  meta: {
    id: 'customization-traced',
    category: 'objectives',
    defaultSeverity: 'warning',
    description: 'each customization supports at least one objective',
    messages: {
      untraced:
        'customization "{{id}}" supports no objective; name the objectives it serves in supports{{choices}} or drop it, since customizing pays only where there is clear business value',
    },
  },
  check({ plan, report }) {
    const objectives = plan.objectives.map((o) => o.id);
    const choices = objectives.length > 0 ? ` (declared: ${objectives.map((id) => `"${id}"`).join(', ')})` : '';
    for (const customization of plan.customizations) {
      if (customization.supports.length > 0) continue;
      const emptyList = asSeq(plan.source.doc, valueOf(plan.source.doc, customization.map, 'supports'));
      report({
        messageId: 'untraced',
        data: { id: customization.id, choices },
        node: emptyList ?? customization.idNode,
        idPath: customization.idPath,
      });
    }
  },
};
