import { phasesOfKind, phasesPreparing, waveLabel } from '../definitions';
import { addToListKey, scalarText } from '../edits';
import type { Phase, Plan } from '../model';
import type { Schedule } from '../schedule';
import type { Fix, TextEdit } from '../types';
import { asSeq, keysOf, valueOf } from '../yamlNodes';
import type { Report, Rule } from './types';

/** Keys that hold a phase's nested lists; a new `audiences:` goes before them, next to the phase's scalars. */
const NESTED_KEYS = new Set(['checklist', 'milestones']);

function addAudience(plan: Plan, phase: Phase, team: string): TextEdit | undefined {
  const { doc } = plan.source;
  const list = asSeq(doc, valueOf(doc, phase.map, 'audiences'));
  const keys = keysOf(phase.map).map((k) => k.name);
  const firstNested = keys.findIndex((k) => NESTED_KEYS.has(k));
  const afterKey = firstNested > 0 ? keys[firstNested - 1] : undefined;
  return addToListKey(plan.source, phase.map, 'audiences', list, scalarText(team), afterKey);
}

/** Training a team is work someone plans, so adding it to an audience is a suggestion, one per training phase. */
function audienceSuggestions(plan: Plan, training: readonly Phase[], team: string): Fix[] {
  const fixes: Fix[] = [];
  for (const phase of training) {
    const edit = addAudience(plan, phase, team);
    if (edit) fixes.push({ title: `add "${team}" to the audiences of "${phase.id}"`, edits: [edit], kind: 'suggestion' });
  }
  return fixes;
}

/**
 * Every team a declared wave brings live (`waves[].teams`) is an audience of a training phase
 * preparing that wave's go-live. Returns the ids of the teams reported. A wave without a placed
 * go-live, or without a training phase preparing it, is silent (training-before-go-live reports
 * the missing training).
 */
function checkWaves(plan: Plan, schedule: Schedule, report: (r: Report) => void): Set<string> {
  const reported = new Set<string>();
  for (const wave of plan.waves) {
    const goLive = schedule.waveGoLives.find((w) => w.wave === wave.wave.value)?.phase;
    if (!goLive) continue;
    const training = phasesPreparing(goLive, plan, schedule).filter((p) => p.phaseKind?.value === 'training');
    if (training.length === 0) continue;
    const covered = new Set(training.flatMap((p) => p.audiences.map((a) => a.value)));
    for (const team of wave.teams) {
      if (covered.has(team.value)) continue;
      covered.add(team.value);
      reported.add(team.value);
      report({
        messageId: 'waveUncovered',
        data: { team: team.value, wave: waveLabel(goLive, schedule), training: training[0].id },
        node: team.node,
        fixes: audienceSuggestions(plan, training, team.value),
      });
    }
  }
  return reported;
}

export const trainingCoverage: Rule = {
  meta: {
    id: 'training-coverage',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    description:
      "every team in the plan's own teams list is an audience of some training phase, and every team a wave brings live of a training phase preparing that wave (role-based training)",
    hasSuggestions: true,
    messages: {
      uncovered:
        'team "{{team}}" is affected by the rollout but no training phase lists it in audiences; give it role-based training, for example by adding it to the audiences of "{{training}}"',
      waveUncovered:
        'team "{{team}}" goes live in {{wave}} but no training phase preparing that wave lists it in audiences; train it before its go-live, for example by adding it to the audiences of "{{training}}"',
    },
  },
  check({ plan, schedule, report }) {
    // Without a training phase there is nothing to add the team to; required-phases reports it.
    const training = phasesOfKind(plan, 'training');
    if (training.length === 0) return;
    // A team its wave's training misses is reported there, where a person fixes it, and only there.
    const covered = checkWaves(plan, schedule, report);
    for (const id of training.flatMap((p) => p.audiences.map((a) => a.value))) covered.add(id);
    // Only the plan's own teams: imported teams are a shared directory, not the teams this rollout affects.
    for (const team of plan.teams) {
      if (covered.has(team.id)) continue;
      // A team listed twice is reported once (unique-ids reports the duplicate).
      covered.add(team.id);
      report({
        messageId: 'uncovered',
        data: { team: team.id, training: training[0].id },
        node: team.node,
        fixes: audienceSuggestions(plan, training, team.id),
        idPath: team.idPath,
      });
    }
  },
};
