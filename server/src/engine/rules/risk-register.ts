import type { Risk } from '../model';
import { topLevelKeyLocation } from '../ruleSupport/reportLocations';
import { asSeq, valueOf } from '../yamlNodes';
import type { Rule } from './types';

function exposure(risk: Risk): string | undefined {
  const likely = risk.likelihood?.value === 'high';
  const severe = risk.impact?.value === 'high';
  if (likely && severe) return 'high likelihood and high impact';
  if (likely) return 'high likelihood';
  if (severe) return 'high impact';
  return undefined;
}

/**
 * "High" is the `high` level of likelihood or impact; an empty `mitigation` counts as none.
 */
export const riskRegister: Rule = {
  meta: {
    id: 'risk-register',
    category: 'budget',
    defaultSeverity: 'info',
    description: 'the plan lists risks, and every high-likelihood or high-impact risk has a mitigation',
    messages: {
      noRisks:
        'the plan lists no risks; add what could go wrong (dirty legacy data, low adoption, integration delays) with its likelihood, impact and mitigation',
      noMitigation: 'risk "{{id}}" has {{exposure}} but no mitigation; add mitigation: with what you will do to make it less likely or less harmful',
    },
  },
  check({ plan, report }) {
    // Entries without an id are still risks (the schema reports the missing id), so count the list itself.
    const listed = asSeq(plan.source.doc, valueOf(plan.source.doc, plan.root, 'risks'))?.items.length ?? 0;
    if (listed === 0) {
      report({ messageId: 'noRisks', node: topLevelKeyLocation(plan, 'risks'), idPath: 'risks' });
      return;
    }
    for (const risk of plan.risks) {
      const level = exposure(risk);
      if (level && !risk.mitigation) report({ messageId: 'noMitigation', data: { id: risk.id, exposure: level }, node: risk.idNode, idPath: risk.idPath });
    }
  },
};
