import { topLevelKeyLocation } from '../ruleSupport/reportLocations';
import { asSeq, valueOf } from '../yamlNodes';
import type { Rule } from './types';

/**
 * A `mid` or `enterprise` plan declares at least one integration. Silent for `small` plans and
 * plans without `organization.size`. Reported at an empty `integrations` list when there is one,
 * else at the plan's `name`.
 */
export const integrationsDeclared: Rule = {
  meta: {
    id: 'integrations-declared',
    category: 'objectives',
    defaultSeverity: 'info',
    allOnly: true,
    description: 'a mid or enterprise plan declares at least one integration',
    messages: {
      none: 'the plan is for an organization of size "{{size}}" but declares no integrations; list the systems the CRM must exchange data with (ERP, marketing automation, support, accounting) under integrations: so that they are planned, built and tested',
    },
  },
  check({ plan, report }) {
    const size = plan.organization?.size?.value;
    if (!plan.root || (size !== 'mid' && size !== 'enterprise')) return;
    const list = asSeq(plan.source.doc, valueOf(plan.source.doc, plan.root, 'integrations'));
    if (list && list.items.length > 0) return;
    report({
      messageId: 'none',
      data: { size },
      node: list ?? topLevelKeyLocation(plan, 'integrations'),
      idPath: 'integrations',
    });
  },
};
