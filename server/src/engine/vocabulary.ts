/**
 * The closed vocabularies of the plan format (plan-format.md), defined once for the model, the
 * rules, completion and the schema tests. Lists keep the order the format document gives.
 */

/** Phase kinds, listed in lifecycle order (planning first, optimization last). */
export const PHASE_KINDS = [
  'planning',
  'design',
  'configuration',
  'data-migration',
  'testing',
  'training',
  'go-live',
  'support',
  'optimization',
] as const;

export type PhaseKind = (typeof PHASE_KINDS)[number];

/**
 * The order in which a rollout runs its phases (the seeds' seven phases: discovery and
 * planning, selection and design, configuration, data migration, testing, training and
 * go-live, support and optimization). `required-phases` inserts a missing phase where this
 * order puts it, and `phase-order` compares kinds by it.
 */
const LIFECYCLE_ORDER: readonly PhaseKind[] = PHASE_KINDS;

/** Position of each kind in `LIFECYCLE_ORDER`, for comparing two kinds. */
export const LIFECYCLE_RANK: Readonly<Record<PhaseKind, number>> = Object.fromEntries(
  LIFECYCLE_ORDER.map((kind, rank) => [kind, rank]),
) as Record<PhaseKind, number>;

export const CHECKLIST_TAGS = [
  'objectives',
  'stakeholders',
  'requirements',
  'process-mapping',
  'vendor-selection',
  'design',
  'access-roles',
  'data-audit',
  'data-cleansing',
  'data-mapping',
  'backup',
  'test-migration',
  'final-migration',
  'validation',
  'functional-test',
  'integration-test',
  'uat',
  'performance-test',
  'training',
  'communication',
  'champions',
  'feedback',
  'support',
  'rollback',
  'go-live-readiness',
  'kpi-review',
  'compliance',
] as const;

export type ChecklistTag = (typeof CHECKLIST_TAGS)[number];

/** Tags with this prefix are free for a team's own use. */
export const CUSTOM_TAG_PREFIX = 'x-';

export function isChecklistTag(tag: string): tag is ChecklistTag {
  return (CHECKLIST_TAGS as readonly string[]).includes(tag);
}

export const ORG_SIZES = ['small', 'mid', 'enterprise'] as const;

export type OrgSize = (typeof ORG_SIZES)[number];

export const CUSTOMIZATION_PRIORITIES = ['must', 'should', 'could'] as const;

export type CustomizationPriority = (typeof CUSTOMIZATION_PRIORITIES)[number];

/** Values of a risk's `likelihood` and `impact`. */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;

export const BUDGET_CATEGORIES = [
  'licenses',
  'services',
  'data-migration',
  'training',
  'integration',
  'change-management',
  'support',
  'maintenance',
  'contingency',
  'other',
] as const;

export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
