import { isoFromDay } from '../calendar';
import { replaceNode } from '../edits';
import type { Rule } from './types';

export const dateOrder: Rule = {
  meta: {
    id: 'date-order',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'phases end after they start, end and duration agree, prerequisites end first, milestones lie inside their phase',
    fixable: true,
    messages: {
      endBeforeStart: 'phase "{{phase}}" ends {{end}}, before it starts ({{start}}); move the end to or after the start',
      durationMismatch: 'phase "{{phase}}" has duration {{duration}}, which from {{start}} ends {{computed}}, but its end is {{end}}; keep only one of "end" and "duration", or make them agree',
      startsBeforePrerequisite: 'phase "{{phase}}" starts {{start}} but "{{after}}", which it waits for, ends {{afterEnd}}; start it on {{suggested}} or later',
      milestoneOutside: 'milestone "{{milestone}}" on {{date}} lies outside its phase "{{phase}}" ({{start}} to {{end}}); move the date inside the phase or the milestone to the phase it belongs to',
    },
  },
  check({ plan, schedule, report }) {
    const cal = schedule.calendar;
    for (const phase of plan.phases) {
      const w = schedule.windowOf(phase);
      if (!w) continue;
      const start = isoFromDay(w.start);
      if (w.end < w.start) {
        report({ messageId: 'endBeforeStart', data: { phase: phase.id, start, end: isoFromDay(w.end) }, node: phase.end?.node ?? phase.start?.node ?? phase.idNode, idPath: phase.idPath });
      } else if (phase.end && phase.duration) {
        const computed = cal.endOf(w.start, phase.duration.value);
        if (computed !== phase.end.day) {
          const duration = String((phase.duration.node as { source?: string }).source ?? phase.duration.value);
          report({
            messageId: 'durationMismatch',
            data: { phase: phase.id, duration, start, computed: isoFromDay(computed), end: phase.end.value },
            node: phase.duration.node,
            idPath: phase.idPath,
          });
        }
      }
      if (w.startSource !== 'after') {
        let latest: { id: string; end: number } | undefined;
        // An entry that closes a cycle is no-dependency-cycles' finding, not an ordering problem.
        const closesCycle = new Set(schedule.ignoredAfter.filter((i) => i.phase === phase).map((i) => i.ref));
        for (const a of phase.after) {
          if (closesCycle.has(a)) continue;
          const pre = schedule.phaseById.get(a.value);
          const pw = pre && pre !== phase ? schedule.windowOf(pre) : undefined;
          if (pw && pw.end >= w.start && (!latest || pw.end > latest.end)) latest = { id: a.value, end: pw.end };
        }
        if (latest) {
          const suggested = cal.nextAfter(latest.end);
          const target = phase.start?.node ?? phase.after.find((a) => a.value === latest!.id)?.node ?? phase.idNode;
          report({
            messageId: 'startsBeforePrerequisite',
            data: { phase: phase.id, start, after: latest.id, afterEnd: isoFromDay(latest.end), suggested: isoFromDay(suggested) },
            node: target,
            fixes: phase.start
              ? [{ title: `move the start to ${isoFromDay(suggested)}`, edits: [replaceNode(phase.start.node, isoFromDay(suggested))], kind: 'fix' }]
              : undefined,
            idPath: phase.idPath,
          });
        }
      }
      for (const m of phase.milestones) {
        if (!m.date || w.end < w.start) continue;
        if (m.date.day < w.start || m.date.day > w.end) {
          report({
            messageId: 'milestoneOutside',
            data: { milestone: m.id, date: m.date.value, phase: phase.id, start, end: isoFromDay(w.end) },
            node: m.date.node,
            idPath: m.idPath,
          });
        }
      }
    }
  },
};
