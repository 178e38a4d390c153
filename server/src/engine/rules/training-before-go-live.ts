import { isoFromDay } from '../calendar';
import { phasesOfKind, phasesPreparing } from '../definitions';
import type { Phase } from '../model';
import type { Rule } from './types';

/** How a training phase is tied to this go-live: phases without a wave prepare only the earliest one. */
function waveClause(goLive: Phase, earliest: boolean): string {
  const wave = goLive.wave?.value;
  if (wave !== undefined) return ` with wave: ${wave}`;
  return earliest ? '' : ' with the same wave as the go-live (give the go-live a wave number)';
}

export const trainingBeforeGoLive: Rule = {
  meta: {
    id: 'training-before-go-live',
    category: 'lifecycle',
    defaultSeverity: 'error',
    description: 'each go-live has a training phase preparing it that ends before it starts; training that runs across its go-live is reported',
    messages: {
      runsAcross:
        'training phase "{{phase}}" runs {{start}} to {{end}}, across its go-live "{{goLive}}" on {{goLiveStart}}; end it by {{lastDay}} so users are trained before go-live, and plan later sessions as a separate training phase starting on or after {{goLiveStart}}',
      missing:
        'go-live "{{goLive}}" starts {{goLiveStart}} but no training phase preparing it ends before then; train users before go-live with a training phase{{wave}} that ends by {{lastDay}}',
    },
  },
  check({ plan, schedule, report }) {
    // Without any training phase, required-phases reports what is missing.
    if (phasesOfKind(plan, 'training').length === 0) return;
    for (const goLive of schedule.goLives) {
      const gw = schedule.windowOf(goLive);
      if (!gw) continue;
      const goLiveStart = isoFromDay(gw.start);
      const lastDay = isoFromDay(schedule.calendar.previousBefore(gw.start));
      const training = phasesPreparing(goLive, plan, schedule).filter((p) => p.phaseKind?.value === 'training');
      let trainedBefore = false;
      let undated = false;
      const across: Phase[] = [];
      for (const phase of training) {
        const w = schedule.windowOf(phase);
        if (!w) undated = true;
        else if (w.end < gw.start) trainedBefore = true;
        else if (w.start < gw.start) across.push(phase);
        // Training that starts on or after its go-live is refresher and new-hire training: exempt.
      }
      for (const phase of across) {
        const w = schedule.windowOf(phase)!;
        report({
          messageId: 'runsAcross',
          data: { phase: phase.id, start: isoFromDay(w.start), end: isoFromDay(w.end), goLive: goLive.id, goLiveStart, lastDay },
          node: phase.end?.node ?? phase.duration?.node ?? phase.idNode,
          related: [{ node: goLive.idNode, source: plan.source, message: 'the go-live it prepares' }],
          idPath: phase.idPath,
        });
      }
      // A training phase across go-live already explains what is wrong; an undated one might be on time.
      if (trainedBefore || across.length > 0 || undated) continue;
      report({
        messageId: 'missing',
        data: { goLive: goLive.id, goLiveStart, lastDay, wave: waveClause(goLive, schedule.goLives[0] === goLive) },
        node: goLive.idNode,
        idPath: goLive.idPath,
      });
    }
  },
};
