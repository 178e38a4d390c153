import { declaredEntities, KIND_NOUNS } from '../entities';
import type { Entity } from '../model';
import type { Rule } from './types';

/** Teams listed by a plan name the teams it affects, which an imported directory may also list. */
function isAffectedTeamListing(first: Entity, dup: Entity): boolean {
  return first.kind === 'team' && dup.kind === 'team' && first.source !== dup.source;
}

export const uniqueIds: Rule = {
  meta: {
    id: 'unique-ids',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'an id is declared once in the whole plan, imports included',
    messages: {
      duplicate: 'id "{{id}}" is already declared as {{firstKind}} at {{where}}; ids are unique across the whole plan, so rename this {{kind}}',
    },
  },
  check({ plan, report }) {
    const first = new Map<string, Entity>();
    for (const e of declaredEntities(plan)) {
      const earlier = first.get(e.id);
      if (!earlier) {
        first.set(e.id, e);
        continue;
      }
      if (isAffectedTeamListing(earlier, e)) continue;
      const line = earlier.source.lineCounter.linePos(earlier.idNode.range?.[0] ?? 0).line;
      const where = earlier.source === plan.source ? `line ${line}` : `${earlier.source.path}:${line}`;
      report({
        messageId: 'duplicate',
        data: { id: e.id, firstKind: `a ${KIND_NOUNS[earlier.kind]}`, where, kind: KIND_NOUNS[e.kind] },
        node: e.idNode,
        source: e.source,
        related: [{ node: earlier.idNode, source: earlier.source, message: `first declared here as a ${KIND_NOUNS[earlier.kind]}` }],
        idPath: e.idPath,
      });
    }
  },
};
