import { phasesOfKind } from '../definitions';
import { addToListKey, scalarText } from '../edits';
import type { Phase, Plan } from '../model';
import type { Fix, TextEdit } from '../types';
import { asSeq, keysOf, valueOf } from '../yamlNodes';
import type { Rule } from './types';

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

export const trainingCoverage: Rule = {
  meta: {
    id: 'training-coverage',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    description: "every team in the plan's own teams list is an audience of some training phase (role-based training)",
    hasSuggestions: true,
    messages: {
      uncovered:
        'team "{{team}}" is affected by the rollout but no training phase lists it in audiences; give it role-based training, for example by adding it to the audiences of "{{training}}"',
    },
  },
  check({ plan, report }) {
    // Without a training phase there is nothing to add the team to; required-phases reports it.
    const training = phasesOfKind(plan, 'training');
    if (training.length === 0) return;
    const covered = new Set(training.flatMap((p) => p.audiences.map((a) => a.value)));
    // Only the plan's own teams: imported teams are a shared directory, not the teams this rollout affects.
    for (const team of plan.teams) {
      if (covered.has(team.id)) continue;
      // A team listed twice is reported once (unique-ids reports the duplicate).
      covered.add(team.id);
      const fixes: Fix[] = [];
      for (const phase of training) {
        const edit = addAudience(plan, phase, team.id);
        // Training a team is work someone plans, so adding it to an audience is a suggestion.
        if (edit) fixes.push({ title: `add "${team.id}" to the audiences of "${phase.id}"`, edits: [edit], kind: 'suggestion' });
      }
      report({ messageId: 'uncovered', data: { team: team.id, training: training[0].id }, node: team.node, fixes, idPath: team.idPath });
    }
  },
};
