import type { Node } from 'yaml';
import { isoFromDay } from '../calendar';
import { entityIndex } from '../entities';
import type { Phase } from '../model';
import { numberOption, ruleOptions } from '../ruleSupport/options';
import type { PhaseWindow } from '../schedule';
import type { Rule } from './types';

/**
 * On no working day does one person own more than `max` phases whose windows contain that day.
 * Reported once per person, at the `owner` value of the phase that pushes them over on the
 * first such day: their phases containing that day, ordered by start (ties by file order),
 * and the one at position max + 1.
 *
 * Decisions where rules.md is silent: owners that are declared teams are not counted (a team
 * can carry several phases at once); undeclared owners are counted as people (most likely a
 * person with a typo, which known-references reports); phases that cannot be scheduled are
 * left out.
 */

interface Owned {
  phase: Phase;
  window: PhaseWindow;
  ownerNode: Node;
}

function quoteList(ids: readonly string[]): string {
  const quoted = ids.map((id) => `"${id}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : quoted.join('');
}

const OPTIONS = ruleOptions({
  max: {
    description: "The most phases one person may own on the same working day. Default: 3 (this project's choice).",
    type: 'integer',
    minimum: 1,
    default: 3,
    examples: [4],
  },
});

export const ownerOverload: Rule = {
  meta: {
    id: 'owner-overload',
    category: 'sponsorship',
    defaultSeverity: 'warning',
    description: 'on no working day does one person own more than `max` phases whose windows contain that day',
    messages: {
      overloaded:
        'person "{{person}}" owns {{count}} phases on {{day}} ({{phases}}), more than {{max}}; give "{{phase}}" another owner or move it so that fewer of them overlap',
    },
    ...OPTIONS,
  },
  check({ plan, schedule, options, report }) {
    const max = numberOption(OPTIONS, options, 'max');
    const declared = entityIndex(plan);
    const byOwner = new Map<string, Owned[]>();
    for (const phase of plan.phases) {
      const owner = phase.owner;
      const window = schedule.windowOf(phase);
      if (!owner || !window || declared.get(owner.value)?.kind === 'team') continue;
      byOwner.set(owner.value, [...(byOwner.get(owner.value) ?? []), { phase, window, ownerNode: owner.node }]);
    }
    const cal = schedule.calendar;
    for (const [person, owned] of byOwner) {
      if (owned.length <= max) continue;
      // The count of phases containing a day only grows where a phase starts, so the first
      // overloaded working day is the first working day on or after some phase's start.
      let first: { day: number; containing: Owned[] } | undefined;
      for (const { window } of owned) {
        const day = cal.onOrAfter(window.start);
        if (first && day >= first.day) continue;
        const containing = owned.filter((o) => o.window.start <= day && day <= o.window.end);
        if (containing.length > max) first = { day, containing };
      }
      if (!first) continue;
      const ordered = [...first.containing].sort((a, b) => a.window.start - b.window.start || a.phase.index - b.phase.index);
      const pusher = ordered[max];
      const day = isoFromDay(first.day);
      report({
        messageId: 'overloaded',
        data: {
          person,
          count: ordered.length,
          day,
          phases: quoteList(ordered.map((o) => o.phase.id)),
          max,
          phase: pusher.phase.id,
        },
        node: pusher.ownerNode,
        related: ordered
          .filter((o) => o !== pusher)
          .map((o) => ({ node: o.ownerNode, source: plan.source, message: `"${person}" also owns "${o.phase.id}" on ${day}` })),
        idPath: pusher.phase.idPath,
      });
    }
  },
};
