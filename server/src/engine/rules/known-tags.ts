import { replaceNode, scalarText } from '../edits';
import { allChecklistItems } from '../model';
import { closest } from '../suggest';
import { CHECKLIST_TAGS, CUSTOM_TAG_PREFIX, isChecklistTag } from '../vocabulary';
import type { Rule } from './types';

export const knownTags: Rule = {
  meta: {
    id: 'known-tags',
    category: 'integrity',
    defaultSeverity: 'warning',
    description: 'checklist tags come from the vocabulary; tags starting with x- are free',
    fixable: true,
    messages: {
      unknown: 'tag "{{tag}}" is not a known checklist tag, so no rule will recognise this item{{suggestion}}',
    },
  },
  check({ plan, report }) {
    for (const item of allChecklistItems(plan)) {
      for (const tag of item.tags) {
        if (isChecklistTag(tag.value) || tag.value.startsWith(CUSTOM_TAG_PREFIX)) continue;
        const suggestion = closest(tag.value, CHECKLIST_TAGS);
        report({
          messageId: 'unknown',
          data: {
            tag: tag.value,
            suggestion: suggestion ? `; did you mean "${suggestion}"?` : `; use a tag from the vocabulary or prefix your own with "${CUSTOM_TAG_PREFIX}"`,
          },
          node: tag.node,
          fixes: suggestion ? [{ title: `replace with "${suggestion}"`, edits: [replaceNode(tag.node, scalarText(suggestion))], kind: 'fix' }] : undefined,
          idPath: item.idPath,
        });
      }
    }
  },
};
