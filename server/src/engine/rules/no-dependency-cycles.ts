import type { Dependency, Phase } from '../model';
import type { Schedule } from '../schedule';
import type { Rule } from './types';

/** The entry of `from`'s `after` list that makes it wait on `to`: naming `to` itself, or one of its milestones. */
function afterEntry(schedule: Schedule, from: Phase, to: Phase): Dependency | undefined {
  return from.after.find((a) => a.value === to.id) ?? from.after.find((a) => schedule.targetOf(a)?.phase === to);
}

/** `b`, or `b (milestone "m")` when the step waits on a milestone of b. */
function stepName(entry: Dependency | undefined, to: Phase): string {
  return entry && entry.value !== to.id ? `${to.id} (milestone "${entry.value}")` : to.id;
}

export const noDependencyCycles: Rule = {
  meta: {
    id: 'no-dependency-cycles',
    category: 'integrity',
    defaultSeverity: 'error',
    description: '`after` dependencies between phases, through their milestones too, have no cycle',
    messages: {
      cycle: 'phases wait on each other in a cycle: {{cycle}}; no phase in it can ever start, so remove one of these "after" entries',
    },
  },
  check({ plan, schedule, report }) {
    for (const cycle of schedule.cycles) {
      if (cycle.length === 0) continue;
      const next = (i: number) => cycle[(i + 1) % cycle.length];
      const entries = cycle.map((phase, i) => afterEntry(schedule, phase, next(i)));
      const names = [cycle[0].id, ...cycle.map((_, i) => stepName(entries[i], next(i)))].join(' → ');
      const related = cycle.slice(1).flatMap((phase, k) => {
        const e = entries[k + 1];
        return e ? [{ node: e.node, source: plan.source, message: `"${phase.id}" waits on ${e.value === next(k + 1).id ? '' : `milestone "${e.value}" of `}"${next(k + 1).id}" here` }] : [];
      });
      report({ messageId: 'cycle', data: { cycle: names }, node: entries[0]?.node ?? cycle[0].idNode, related, idPath: cycle[0].idPath });
    }
  },
};
