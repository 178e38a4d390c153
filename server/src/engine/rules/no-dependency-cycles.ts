import type { Phase, Ref } from '../model';
import type { Rule } from './types';

function afterEntry(from: Phase, to: Phase): Ref | undefined {
  return from.after.find((a) => a.value === to.id);
}

export const noDependencyCycles: Rule = {
  meta: {
    id: 'no-dependency-cycles',
    category: 'integrity',
    defaultSeverity: 'error',
    description: '`after` dependencies between phases have no cycle',
    messages: {
      cycle: 'phases wait on each other in a cycle: {{cycle}}; no phase in it can ever start, so remove one of these "after" entries',
    },
  },
  check({ plan, schedule, report }) {
    for (const cycle of schedule.cycles) {
      if (cycle.length === 0) continue;
      const names = [...cycle.map((p) => p.id), cycle[0].id].join(' → ');
      const next = (i: number) => cycle[(i + 1) % cycle.length];
      const entry = afterEntry(cycle[0], next(0));
      const related = cycle.slice(1).flatMap((phase, i) => {
        const e = afterEntry(phase, next(i + 1));
        return e ? [{ node: e.node, source: plan.source, message: `"${phase.id}" waits on "${next(i + 1).id}" here` }] : [];
      });
      report({ messageId: 'cycle', data: { cycle: names }, node: entry?.node ?? cycle[0].idNode, related, idPath: cycle[0].idPath });
    }
  },
};
