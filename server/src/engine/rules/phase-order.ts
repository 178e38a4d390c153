import { isoFromDay } from '../calendar';
import { phasesOfKind, preparedGoLive } from '../definitions';
import type { Phase } from '../model';
import type { Schedule } from '../schedule';
import type { Rule } from './types';

/**
 * Which go-live a phase works towards, for comparing phases of one rollout: the go-live it
 * prepares, or, when it prepares none (no go-live yet, or a wave no go-live has), its wave.
 */
function rolloutOf(phase: Phase, schedule: Schedule): Phase | string {
  return preparedGoLive(phase, schedule) ?? `wave:${phase.wave?.value ?? ''}`;
}

export const phaseOrder: Rule = {
  meta: {
    id: 'phase-order',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    description: 'phases keep the lifecycle order of the go-live they prepare: design after planning, testing and data migration before go-live',
    messages: {
      designBeforePlanning:
        'design phase "{{phase}}" starts {{start}}, before planning phase "{{planning}}" ends ({{end}}); start the design after planning, for example with after: [{{planning}}]',
      endsAfterGoLive:
        '{{kind}} phase "{{phase}}" ends {{end}} but its go-live "{{goLive}}" starts {{goLiveStart}}; finish {{kind}} by {{lastDay}} or move the go-live later',
    },
  },
  check({ plan, schedule, report }) {
    const planning = phasesOfKind(plan, 'planning');
    for (const design of phasesOfKind(plan, 'design')) {
      const w = schedule.windowOf(design);
      if (!w) continue;
      const rollout = rolloutOf(design, schedule);
      let blocking: { phase: Phase; end: number } | undefined;
      for (const p of planning) {
        const pw = schedule.windowOf(p);
        if (!pw || rolloutOf(p, schedule) !== rollout || !(w.start < pw.end)) continue;
        if (!blocking || pw.end > blocking.end) blocking = { phase: p, end: pw.end };
      }
      if (!blocking) continue;
      report({
        messageId: 'designBeforePlanning',
        data: { phase: design.id, start: isoFromDay(w.start), planning: blocking.phase.id, end: isoFromDay(blocking.end) },
        node: design.start?.node ?? design.idNode,
        related: [{ node: blocking.phase.idNode, source: plan.source, message: 'the planning phase it overlaps' }],
        idPath: design.idPath,
      });
    }
    for (const phase of plan.phases) {
      const kind = phase.phaseKind?.value;
      if (kind !== 'testing' && kind !== 'data-migration') continue;
      const w = schedule.windowOf(phase);
      const goLive = preparedGoLive(phase, schedule);
      const gw = goLive ? schedule.windowOf(goLive) : undefined;
      if (!w || !goLive || !gw || w.end < gw.start) continue;
      report({
        messageId: 'endsAfterGoLive',
        data: {
          kind,
          phase: phase.id,
          end: isoFromDay(w.end),
          goLive: goLive.id,
          goLiveStart: isoFromDay(gw.start),
          lastDay: isoFromDay(schedule.calendar.previousBefore(gw.start)),
        },
        // The end, or the duration that decides it.
        node: phase.end?.node ?? phase.duration?.node ?? phase.idNode,
        related: [{ node: goLive.idNode, source: plan.source, message: 'the go-live it prepares' }],
        idPath: phase.idPath,
      });
    }
  },
};
