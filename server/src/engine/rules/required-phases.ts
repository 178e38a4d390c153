import type { Phase, Plan } from '../model';
import { insertPhase, unusedId, type PhaseSkeleton } from '../planEdits';
import { topLevelKeyLocation } from '../ruleSupport/reportLocations';
import type { Fix } from '../types';
import { LIFECYCLE_RANK, type PhaseKind } from '../vocabulary';
import type { Rule } from './types';

/**
 * The skeleton inserted for each missing kind. Durations are this project's defaults (the seeds
 * give whole-project timelines, not phase lengths); the author adjusts them.
 */
const SKELETONS: Partial<Record<PhaseKind, { name: string; duration: string; purpose: string }>> = {
  planning: { name: 'Planning', duration: '2w', purpose: 'agree objectives, scope and requirements with the stakeholders before anything is built' },
  design: { name: 'Design', duration: '2w', purpose: 'design the data model, processes and roles before configuring them' },
  configuration: { name: 'Configuration', duration: '4w', purpose: 'set the CRM up to the approved design' },
  'data-migration': { name: 'Data migration', duration: '4w', purpose: 'audit, clean, map, back up and move their data' },
  testing: { name: 'Testing', duration: '2w', purpose: 'test the system, its integrations and user acceptance before go-live' },
  training: { name: 'Training', duration: '2w', purpose: 'train every affected team before go-live' },
  'go-live': { name: 'Go-live', duration: '1w', purpose: 'plan the switch-over and the go/no-go decision' },
};

interface Missing {
  kind: PhaseKind;
  messageId: 'missing' | 'missingMigration' | 'missingSetup';
}

function missingKinds(plan: Plan): Missing[] {
  const present = new Set(plan.phases.map((p) => p.phaseKind?.value));
  const missing: Missing[] = [];
  const need = (kind: PhaseKind, messageId: Missing['messageId'] = 'missing') => {
    if (!present.has(kind)) missing.push({ kind, messageId });
  };
  need('planning');
  if (plan.organization?.size?.value === 'small') {
    // A small plan may design while it configures: one of the two is enough, and a small
    // rollout mostly configures a standard product, so the fix adds configuration.
    if (!present.has('design') && !present.has('configuration')) missing.push({ kind: 'configuration', messageId: 'missingSetup' });
  } else {
    need('design');
    need('configuration');
  }
  if ((plan.crm?.replaces.length ?? 0) > 0) need('data-migration', 'missingMigration');
  need('testing');
  need('training');
  need('go-live');
  return missing;
}

/**
 * Where a phase of `kind` belongs: before the first phase (in file order) of a later kind in
 * the lifecycle, else at the end. It waits for the phase right before that spot when that
 * phase's kind comes earlier in the lifecycle (it then follows it on the timeline); otherwise
 * it has no `after` and starts on `calendar.start`, for the author to place.
 */
function placement(plan: Plan, kind: PhaseKind): { beforeIndex?: number; after?: Phase } {
  const rank = LIFECYCLE_RANK[kind];
  const next = plan.phases.find((p) => p.phaseKind !== undefined && LIFECYCLE_RANK[p.phaseKind.value] > rank);
  const before = next ? plan.phases.filter((p) => p.index < next.index) : plan.phases;
  const previous = before[before.length - 1];
  const previousKind = previous?.phaseKind?.value;
  return {
    beforeIndex: next?.index,
    after: previous && previousKind !== undefined && LIFECYCLE_RANK[previousKind] < rank ? previous : undefined,
  };
}

function insertFix(plan: Plan, kind: PhaseKind): Fix[] {
  const skeleton = SKELETONS[kind];
  if (!skeleton) return [];
  const { beforeIndex, after } = placement(plan, kind);
  const phase: PhaseSkeleton = { id: unusedId(plan, kind), name: skeleton.name, kind, after: after?.id, duration: skeleton.duration };
  const edit = insertPhase(plan, phase, beforeIndex);
  return edit ? [{ title: `add a ${kind} phase "${phase.id}"`, edits: [edit], kind: 'suggestion' }] : [];
}

export const requiredPhases: Rule = {
  meta: {
    id: 'required-phases',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    description:
      'the plan has planning, design, configuration, testing, training and go-live phases (small plans: design or configuration), and data migration when it replaces systems',
    hasSuggestions: true,
    messages: {
      missing: 'the plan has no phase of kind {{kind}}; add one to {{purpose}}',
      missingMigration: 'crm.replaces names {{replaced}} but the plan has no phase of kind data-migration; add one to {{purpose}}',
      missingSetup: 'this small plan has no phase of kind design or configuration; add one to {{purpose}}',
    },
  },
  check({ plan, report }) {
    for (const { kind, messageId } of missingKinds(plan)) {
      report({
        messageId,
        data: {
          kind,
          purpose: SKELETONS[kind]?.purpose ?? '',
          replaced: (plan.crm?.replaces ?? []).map((r) => `"${r.value}"`).join(', '),
        },
        node: topLevelKeyLocation(plan, 'phases'),
        fixes: insertFix(plan, kind),
        idPath: 'phases',
      });
    }
  },
};
