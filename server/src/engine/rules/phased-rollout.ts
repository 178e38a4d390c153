import { phasesOfKind } from '../definitions';
import type { Rule } from './types';

export const phasedRollout: Rule = {
  meta: {
    id: 'phased-rollout',
    category: 'lifecycle',
    defaultSeverity: 'info',
    description: 'an enterprise plan goes live in waves: at least two go-live phases with different wave values',
    messages: {
      oneGoLive:
        'this enterprise plan goes live in one step ("{{goLive}}"); roll out in waves, with at least two go-live phases with different wave numbers (wave: 1, wave: 2), to limit the risk and carry lessons into the next wave',
      sameWave:
        'this enterprise plan has {{count}} go-live phases but {{waves}}; give them different wave numbers (wave: 1, wave: 2) and the phases preparing each go-live the same wave',
    },
  },
  check({ plan, report }) {
    if (plan.organization?.size?.value !== 'enterprise') return;
    const goLives = phasesOfKind(plan, 'go-live');
    // Without any go-live phase there is nothing to split; required-phases reports it.
    const first = goLives[0];
    if (!first) return;
    // A go-live without `wave` has no wave value, so it does not count as a wave of its own.
    const waves = new Set(goLives.flatMap((g) => (g.wave ? [g.wave.value] : [])));
    if (waves.size >= 2) return;
    const base = { node: first.idNode, idPath: first.idPath };
    if (goLives.length === 1) {
      report({ ...base, messageId: 'oneGoLive', data: { goLive: first.id } });
      return;
    }
    const shared = [...waves][0];
    report({
      ...base,
      messageId: 'sameWave',
      data: { count: goLives.length, waves: shared === undefined ? 'none has a wave' : `they do not have two different waves (only wave ${shared})` },
    });
  },
};
