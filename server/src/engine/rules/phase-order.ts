import { isoFromDay } from '../calendar';
import { phasesOfKind, preparedGoLive } from '../definitions';
import type { Phase } from '../model';
import type { Schedule } from '../schedule';
import { numberOption, ruleOptions } from '../ruleSupport/options';
import type { Rule } from './types';

/**
 * Which go-live a phase works towards, for comparing phases of one rollout: the go-live it
 * prepares, or, when it prepares none (no go-live yet, or a wave no go-live has), its wave.
 */
function rolloutOf(phase: Phase, schedule: Schedule): Phase | string {
  return preparedGoLive(phase, schedule) ?? `wave:${phase.wave?.value ?? ''}`;
}

/** The latest-ending phase of `earlier` that prepares the same rollout as `phase` and ends after `allowedStart(end)`. */
function blockingPhase(
  phase: Phase,
  start: number,
  earlier: readonly Phase[],
  schedule: Schedule,
  allowedStart: (end: number) => number,
): { phase: Phase; end: number } | undefined {
  const rollout = rolloutOf(phase, schedule);
  let blocking: { phase: Phase; end: number } | undefined;
  for (const p of earlier) {
    const pw = schedule.windowOf(p);
    if (!pw || rolloutOf(p, schedule) !== rollout || !(start < allowedStart(pw.end))) continue;
    if (!blocking || pw.end > blocking.end) blocking = { phase: p, end: pw.end };
  }
  return blocking;
}

const OPTIONS = ruleOptions({
  design_overlap: {
    description: 'Working days a configuration phase may start before the design phases preparing the same go-live end. Default: 0.',
    type: 'integer',
    minimum: 0,
    default: 0,
    examples: [5],
  },
});

export const phaseOrder: Rule = {
  meta: {
    id: 'phase-order',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    description:
      'phases keep the lifecycle order of the go-live they prepare: design after planning, configuration after design (option design_overlap), testing and data migration before go-live',
    ...OPTIONS,
    messages: {
      designBeforePlanning:
        'design phase "{{phase}}" starts {{start}}, before planning phase "{{planning}}" ends ({{end}}); start the design after planning, for example with after: [{{planning}}]',
      configurationBeforeDesign:
        'configuration phase "{{phase}}" starts {{start}}, before design phase "{{design}}" ends ({{end}}){{overlap}}; configure according to the approved design: start on or after {{allowed}}, for example with after: [{{design}}]',
      endsAfterGoLive:
        '{{kind}} phase "{{phase}}" ends {{end}} but its go-live "{{goLive}}" starts {{goLiveStart}}; finish {{kind}} by {{lastDay}} or move the go-live later',
    },
  },
  check({ plan, schedule, options, report }) {
    const planning = phasesOfKind(plan, 'planning');
    for (const design of phasesOfKind(plan, 'design')) {
      const w = schedule.windowOf(design);
      if (!w) continue;
      const blocking = blockingPhase(design, w.start, planning, schedule, (end) => end);
      if (!blocking) continue;
      report({
        messageId: 'designBeforePlanning',
        data: { phase: design.id, start: isoFromDay(w.start), planning: blocking.phase.id, end: isoFromDay(blocking.end) },
        node: design.start?.node ?? design.idNode,
        related: [{ node: blocking.phase.idNode, source: plan.source, message: 'the planning phase it overlaps' }],
        idPath: design.idPath,
      });
    }
    const overlap = numberOption(OPTIONS, options, 'design_overlap');
    const designs = phasesOfKind(plan, 'design');
    for (const configuration of phasesOfKind(plan, 'configuration')) {
      const w = schedule.windowOf(configuration);
      if (!w) continue;
      // With an overlap of n, configuration may start n working days before the design's end.
      const allowedStart = (end: number) => schedule.calendar.addWorkingDays(end, -overlap);
      const blocking = blockingPhase(configuration, w.start, designs, schedule, allowedStart);
      if (!blocking) continue;
      report({
        messageId: 'configurationBeforeDesign',
        data: {
          phase: configuration.id,
          start: isoFromDay(w.start),
          design: blocking.phase.id,
          end: isoFromDay(blocking.end),
          overlap: overlap > 0 ? ` by more than the ${overlap} working days design_overlap allows` : '',
          allowed: isoFromDay(allowedStart(blocking.end)),
        },
        node: configuration.start?.node ?? configuration.idNode,
        related: [{ node: blocking.phase.idNode, source: plan.source, message: 'the design phase it overlaps' }],
        idPath: configuration.idPath,
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
