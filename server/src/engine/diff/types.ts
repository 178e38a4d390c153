import type { EntityKind } from '../model';
import type { FindingCounts, TimelineGoLive } from '../timeline';

/**
 * The semantic diff of two versions of a plan: what a reviewer of a pull request needs to
 * know, keyed by ids rather than lines. Pure data, serialised as is by `diff --format json`.
 */

/**
 * How much a change matters to a reviewer:
 * - `breaking`: any wave's go-live moves later, or the plan's go-live disappears, a gate, a UAT checklist item or a
 *   testing phase is removed, or the executive sponsor is removed;
 * - `warning`: a wave's go-live is added or removed, a phase on the critical path slips,
 *   the critical chains change, a phase can no
 *   longer be scheduled, an owner is removed, a new error finding appears, a risk's
 *   likelihood or impact is raised, or a budget category shrinks or disappears (this
 *   project's choice: the seeds warn that real costs exceed the visible licence, so a cut
 *   deserves a second look);
 * - `info`: everything else.
 */
export type ChangeSeverity = 'breaking' | 'warning' | 'info';
export const CHANGE_SEVERITIES: readonly ChangeSeverity[] = ['breaking', 'warning', 'info'];

/** What a change is about: a kind of entity, a top-level field, the budget, the schedule or a finding. */
export type ChangeSubject = EntityKind | 'plan' | 'budget' | 'schedule' | 'finding';

/**
 * `added` / `removed` / `changed` (one field) for entities and plan fields; `moved` for
 * schedule changes; `new` / `resolved` for findings.
 */
type ChangeAction = 'added' | 'removed' | 'changed' | 'moved' | 'new' | 'resolved';

export type DiffValue = string | number | boolean | string[] | null;

/**
 * Why a change has the severity it has, when that is not `info` by default or when a
 * front end may want to single it out.
 */
export type ChangeReason =
  | 'go-live-later'
  | 'go-live-removed'
  | 'wave-added'
  | 'wave-removed'
  | 'gate-removed'
  | 'uat-removed'
  | 'testing-phase-removed'
  | 'sponsor-removed'
  | 'critical-slip'
  | 'critical-path-changed'
  | 'unscheduled'
  | 'owner-removed'
  | 'owner-moved'
  | 'new-error'
  | 'risk-raised'
  | 'budget-reduced';

export interface PlanChange {
  severity: ChangeSeverity;
  subject: ChangeSubject;
  action: ChangeAction;
  /**
   * Stable key of what changed: `phases/<id>`, `milestones/<id>`, `checklist/<id>` or, for
   * an item without id, `phases/<phase>/checklist/<task text>`; `people/<id>` and the like;
   * `plan/<field>`; `budget/<category>`; `schedule/go-live`, `schedule/duration`,
   * `schedule/go-live/wave-<n>`, `schedule/critical-path`, `schedule/phases/<id>`; `findings/<rule>/<location>`.
   */
  key: string;
  /** The id of the entity concerned, when there is one. */
  id?: string;
  /** The field that changed (`owner`, `duration`, `governance.crm_owner`, `start`...). */
  field?: string;
  before?: DiffValue;
  after?: DiffValue;
  /** Schedule changes: working days later (positive) or earlier (negative), on the head's calendar. */
  shift?: number;
  reason?: ChangeReason;
  /** For findings: the rule id. */
  rule?: string;
  message: string;
}

/** One side of the diff at a glance. */
export interface PlanSummary {
  path: string;
  name: string;
  start?: string;
  end?: string;
  /** Working days from the first phase start to the last phase end, on that side's calendar. */
  workingDays?: number;
  /** The earliest go-live. */
  goLive?: string;
  /** Every wave's go-live, by date. */
  goLives: TimelineGoLive[];
  /** Every critical phase, by start. */
  criticalPath: string[];
  /** Each critical chain, as `a → b → c` (several when chains tie). */
  criticalChains: string[];
  findings: FindingCounts;
}

export interface PlanDiff {
  base: PlanSummary;
  head: PlanSummary;
  /** By severity (breaking first), then schedule, plan fields, entities, budget, findings. */
  changes: PlanChange[];
  counts: Record<ChangeSeverity, number>;
}
