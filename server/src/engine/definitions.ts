import { allChecklistItems, type ChecklistItem, type Milestone, type Phase, type Plan } from './model';
import type { Schedule } from './schedule';
import type { ChecklistTag, PhaseKind } from './vocabulary';

/**
 * The definitions at the top of rules.md ("Definitions used by every rule"), implemented once
 * so every rule means the same thing by "the testing phase", ED, G, M and "its go-live".
 * Dates are day numbers (see calendar.ts); undefined means the date cannot be known (an
 * unplaced phase, no go-live phase), and a rule that depends on it stays silent.
 */

/**
 * Every phase whose `kind` is `kind`, in file order ("the testing phase" means any of them).
 * Indexed once per plan: rules ask for it per phase or per item, which with a filter each
 * time made large plans quadratic.
 */
export function phasesOfKind(plan: Plan, kind: PhaseKind): readonly Phase[] {
  let index = kindIndexes.get(plan);
  if (!index) {
    index = new Map();
    for (const phase of plan.phases) {
      const value = phase.phaseKind?.value;
      if (value === undefined) continue;
      const phases = index.get(value);
      if (phases) phases.push(phase);
      else index.set(value, [phase]);
    }
    kindIndexes.set(plan, index);
  }
  return index.get(kind) ?? [];
}

const kindIndexes = new WeakMap<Plan, Map<string, Phase[]>>();

/** ED(item): its `due`, else its phase's end. */
export function effectiveDate(item: ChecklistItem, schedule: Schedule): number | undefined {
  return item.due?.day ?? schedule.windowOf(item.phase)?.end;
}

/** A milestone's date: its `date`, else its phase's end. */
export function milestoneDate(milestone: Milestone, schedule: Schedule): number | undefined {
  return milestone.date?.day ?? schedule.windowOf(milestone.phase)?.end;
}

/** G: the earliest start among the phases of kind go-live. */
export function goLiveDate(schedule: Schedule): number | undefined {
  return schedule.goLive;
}

/** The start of the go-live that starts last (the end of a phased rollout's last wave). */
export function lastGoLiveStart(schedule: Schedule): number | undefined {
  const last = schedule.goLives[schedule.goLives.length - 1];
  return last ? schedule.windowOf(last)?.start : undefined;
}

/**
 * The go-live phase that `phase` prepares. A go-live phase prepares itself. A phase with
 * `wave: k` prepares the go-live with `wave: k`; when several go-lives share k, the earliest
 * (ties by file order), and when no go-live has k, none: the phase prepares no go-live, so
 * rules about "before its go-live" skip it rather than guess a wave. A phase without `wave`
 * prepares the earliest go-live. Only placed go-live phases (`schedule.goLives`) are prepared
 * by other phases.
 */
export function preparedGoLive(phase: Phase, schedule: Schedule): Phase | undefined {
  if (phase.phaseKind?.value === 'go-live') return phase;
  const wave = phase.wave?.value;
  if (wave === undefined) return schedule.goLives[0];
  return goLiveIndexOf(schedule).byWave.get(wave);
}

/**
 * Which go-live each wave and each phase belongs to, computed once per schedule: rules ask
 * for every phase and every go-live, and a scan each time made a plan with many waves cost
 * go-lives × phases × go-lives.
 */
interface GoLiveIndex {
  /** The first go-live (in `schedule.goLives` order) of each wave number. */
  byWave: Map<number, Phase>;
  /** The phases preparing each go-live, in file order, per plan. */
  preparing: WeakMap<Plan, Map<Phase, Phase[]>>;
}

const goLiveIndexes = new WeakMap<Schedule, GoLiveIndex>();

function goLiveIndexOf(schedule: Schedule): GoLiveIndex {
  let index = goLiveIndexes.get(schedule);
  if (!index) {
    const byWave = new Map<number, Phase>();
    for (const goLive of schedule.goLives) {
      const wave = goLive.wave?.value;
      if (wave !== undefined && !byWave.has(wave)) byWave.set(wave, goLive);
    }
    index = { byWave, preparing: new WeakMap() };
    goLiveIndexes.set(schedule, index);
  }
  return index;
}

/** The start of the go-live `phase` prepares: what "before its go-live" compares with. */
export function preparedGoLiveStart(phase: Phase, schedule: Schedule): number | undefined {
  const goLive = preparedGoLive(phase, schedule);
  return goLive ? schedule.windowOf(goLive)?.start : undefined;
}

/** Phases that prepare `goLive`, in file order; the go-live phase itself is among them. */
export function phasesPreparing(goLive: Phase, plan: Plan, schedule: Schedule): Phase[] {
  const index = goLiveIndexOf(schedule);
  let groups = index.preparing.get(plan);
  if (!groups) {
    groups = new Map();
    for (const phase of plan.phases) {
      const prepared = preparedGoLive(phase, schedule);
      if (!prepared) continue;
      const group = groups.get(prepared);
      if (group) group.push(phase);
      else groups.set(prepared, [phase]);
    }
    index.preparing.set(plan, groups);
  }
  // A copy: callers filter and sort what they get.
  return [...(groups.get(goLive) ?? [])];
}

export function hasTag(item: ChecklistItem, tag: ChecklistTag): boolean {
  return item.tags.some((t) => t.value === tag);
}

/** Checklist items carrying `tag`, in file order. */
export function itemsTagged(plan: Plan, tag: ChecklistTag): ChecklistItem[] {
  let index = tagIndexes.get(plan);
  if (!index) {
    // One pass for every tag: a dozen rules each ask for a tag or two of a large plan.
    index = new Map();
    for (const item of allChecklistItems(plan)) {
      for (const { value } of item.tags) {
        const items = index.get(value);
        if (!items) index.set(value, [item]);
        else if (items[items.length - 1] !== item) items.push(item);
      }
    }
    tagIndexes.set(plan, index);
  }
  return [...(index.get(tag) ?? [])];
}

const tagIndexes = new WeakMap<Plan, Map<string, ChecklistItem[]>>();

/** What fixed M: the earliest `final-migration` item, or the last data-migration phase. */
export type MigrationAnchor = { day: number; item: ChecklistItem } | { day: number; phase: Phase };

/**
 * M, with what decided it: the ED of the earliest item tagged `final-migration` (ties by file
 * order; items without an ED are skipped), else the end of the latest-ending phase of kind
 * data-migration (ties by file order). Undefined when neither exists. With `within`, only
 * items and phases of those phases count (M_k: the phases preparing wave k).
 */
export function migrationAnchor(plan: Plan, schedule: Schedule, within?: ReadonlySet<Phase>): MigrationAnchor | undefined {
  const counts = (phase: Phase) => !within || within.has(phase);
  let anchor: MigrationAnchor | undefined;
  for (const item of itemsTagged(plan, 'final-migration')) {
    if (!counts(item.phase)) continue;
    const day = effectiveDate(item, schedule);
    if (day !== undefined && (!anchor || day < anchor.day)) anchor = { day, item };
  }
  if (anchor) return anchor;
  for (const phase of phasesOfKind(plan, 'data-migration')) {
    if (!counts(phase)) continue;
    const end = schedule.windowOf(phase)?.end;
    if (end !== undefined && (!anchor || end > anchor.day)) anchor = { day: end, phase };
  }
  return anchor;
}

/** One wave's migration: its go-live, the phases preparing it, and M_k with what fixed it. */
export interface WaveMigration {
  /** Undefined in a plan without a placed go-live, where every phase counts as one rollout. */
  goLive?: Phase;
  /** The phases preparing this go-live (the go-live itself included), in file order. */
  phases: ReadonlySet<Phase>;
  anchor: MigrationAnchor;
}

/**
 * M_k for every wave k that has one (rules.md 1.1): for each placed go-live, in go-live order,
 * the migration anchor among the phases preparing it. A wave with no data-migration phase and
 * no final-migration item preparing it has no M_k and is left out. A plan without a placed
 * go-live is one rollout whose M is the plan's (a plan still being written keeps its checks).
 */
export function waveMigrations(plan: Plan, schedule: Schedule): WaveMigration[] {
  if (schedule.goLives.length === 0) {
    const anchor = migrationAnchor(plan, schedule);
    return anchor ? [{ phases: new Set(plan.phases), anchor }] : [];
  }
  const out: WaveMigration[] = [];
  for (const goLive of schedule.goLives) {
    const phases = new Set(phasesPreparing(goLive, plan, schedule));
    const anchor = migrationAnchor(plan, schedule, phases);
    if (anchor) out.push({ goLive, phases, anchor });
  }
  return out;
}

/**
 * How messages name the wave a go-live brings live: `wave 3 (France)` (the name from `waves`
 * when declared), `wave 3`, `go-live "launch-eu"` for a go-live without a wave number in a
 * plan with several, and `the plan` when there is only one go-live and no wave.
 */
export function waveLabel(goLive: Phase | undefined, schedule: Schedule): string {
  if (!goLive) return 'the plan';
  const wave = goLive.wave?.value;
  if (wave !== undefined) {
    const name = schedule.waveGoLives.find((w) => w.wave === wave)?.name;
    return name ? `wave ${wave} (${name})` : `wave ${wave}`;
  }
  return schedule.goLives.length > 1 ? `go-live "${goLive.id}"` : 'the plan';
}

/** M, the migration date (see `migrationAnchor`). */
export function migrationDate(plan: Plan, schedule: Schedule): number | undefined {
  return migrationAnchor(plan, schedule)?.day;
}

/**
 * Task wording that suggests a tag ("tags decide": a match only ever adds a hint to a
 * message, it never counts as the tag). Tags too generic to guess from wording (objectives,
 * design, support) have no pattern.
 */
export const TAG_HINT_PATTERNS: Readonly<Partial<Record<ChecklistTag, RegExp>>> = {
  stakeholders: /stakeholder|interview|workshop/i,
  requirements: /requirement|user stor|pain points?|needs analysis/i,
  'process-mapping': /process(?:es)? map|map(?:ping)? (?:the )?(?:[\w-]+ )?process|workflows?\b|as-is|to-be/i,
  'vendor-selection': /vendor|\brfp\b|request for proposal|shortlist|select (?:a |the )?(?:crm|platform|product|tool)/i,
  'access-roles': /access (?:rights|control|levels?|roles?)|permission|security roles?|user roles?|\bsso\b|single sign-on|privilege/i,
  'data-audit': /data[- ]audit|audit\b.*\bdata|data (?:quality|profil)|profil\w* (?:the )?(?:[\w-]+ )?data/i,
  'data-cleansing': /cleans|clean[- ]?up|clean (?:the )?(?:[\w-]+ )?data|de-?dup|duplicates?\b/i,
  'data-mapping': /(?:field|data) mapping|\bmap(?:ping)?\b.*\b(?:fields?|columns?|data|schema)\b/i,
  backup: /back[- ]?up|snapshot/i,
  'test-migration': /\btrial\b|test migration|dry[- ]?run|mock migration|migration rehearsal/i,
  'final-migration': /final migration|cut[- ]?over|production migration|migrate (?:in)?to production/i,
  validation: /validat|reconcil|verify|record counts?/i,
  'functional-test': /functional test|system test|test (?:cases|scripts)|regression/i,
  'integration-test': /integration test|end[- ]to[- ]end|\btest\w*\b.*\b(?:integration|interface|api|sync)/i,
  uat: /user acceptance|\buat\b/i,
  'performance-test': /performance|load test|stress test|volume test/i,
  training: /\b(?:re-?)?train/i,
  communication: /communicat|announce|newsletter|town hall/i,
  champions: /champion|super[- ]?users?|power users?|ambassador/i,
  feedback: /feedback|survey|retrospective/i,
  rollback: /roll[- ]?back|fall[- ]?back|back[- ]?out plan/i,
  'go-live-readiness': /readiness|go[/ -]no[- ]go/i,
  'kpi-review': /\bkpis?\b|review (?:the )?(?:results|metrics|adoption|objectives)|benefits review/i,
  compliance: /complian|gdpr|ccpa|hipaa|retention|privacy|consent|regulat/i,
};

const HINT_TASK_LENGTH = 60;

function quoteTask(task: string): string {
  const short = task.length > HINT_TASK_LENGTH ? `${task.slice(0, HINT_TASK_LENGTH - 1).trimEnd()}…` : task;
  return `"${short}"`;
}

/**
 * A clause to append to a message when `item`'s task text suggests `tag` but the item lacks
 * it, e.g. `; item "Back up the legacy database" looks like it should be tagged backup`.
 */
export function tagHint(item: ChecklistItem, tag: ChecklistTag): string | undefined {
  const pattern = TAG_HINT_PATTERNS[tag];
  const task = item.task?.value;
  if (!pattern || !task || hasTag(item, tag) || !pattern.test(task)) return undefined;
  return `; item ${quoteTask(task)} looks like it should be tagged ${tag}`;
}

/** The hint for the first item (in file order, among those `within` accepts) whose text suggests `tag`. */
export function findTagHint(plan: Plan, tag: ChecklistTag, within: (item: ChecklistItem) => boolean = () => true): string | undefined {
  for (const item of allChecklistItems(plan)) {
    if (!within(item)) continue;
    const hint = tagHint(item, tag);
    if (hint) return hint;
  }
  return undefined;
}
