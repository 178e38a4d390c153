import { dayFromIso, isoFromDay, WEEKDAYS, type Weekday } from './calendar';
import { criticalChains } from './criticalChains';
import { milestoneDate } from './definitions';
import type { LintResult } from './lint';
import type { DateValue, DependencyType, NamedCalendar, Plan } from './model';
import { phaseProgress } from './progress';
import type { Schedule } from './schedule';
import { buildSchedule } from './scheduler';
import type { PhaseKind } from './vocabulary';
import { nodeOffsets, rangeFromOffsets } from './source';
import type { Range, Severity } from './types';

/**
 * The scheduled plan as the timeline shows it: one plain, serialisable structure used by the
 * editor's preview (over the `crm-rollout/timeline` request), `crm-rollout timeline` exports
 * and the plan diff. Every date is an ISO string; nothing here needs the YAML document.
 */

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export interface TimelinePhase {
  id: string;
  name: string;
  kind?: PhaseKind;
  owner?: string;
  start: string;
  end: string;
  workingDays: number;
  /**
   * Float (total slack): working days of the phase's own calendar by which it can slip without
   * moving the plan's last end or a fixed date; negative when a fixed date cannot be met.
   */
  float: number;
  /** The same number as `float`, under its version-1 name; kept for existing readers of the json. */
  slack: number;
  /** Float zero or negative and not complete: on a critical chain (ties included). */
  critical: boolean;
  /** Id of the named calendar the phase is counted on (its own, else its wave's); absent: the plan's. */
  calendar?: string;
  wave?: number;
  /** Index into `lanes`. */
  lane: number;
  after: string[];
  /** Done checklist items of all; a phase with `actual.end` counts every item done and is `complete`. */
  progress: { done: number; total: number; complete?: true };
  /** The phase's `actual` dates, when it records them. */
  actual?: { start?: string; end?: string };
  findings: FindingCounts;
  /** Range of the phase's `id` value in the plan, for reveal-in-editor. */
  range: Range;
  /** Range of the whole phase entry, so the preview can follow the editor's cursor. */
  extent?: Range;
}

export interface TimelineMilestone {
  id: string;
  name: string;
  phaseId: string;
  date: string;
  gate: boolean;
  owner?: string;
  criteria: string[];
  /** The day it was reached (`achieved`); in a forecast it stands for its date. */
  achieved?: string;
  /** Not achieved and its date is before the as-of date. */
  overdue?: true;
  range: Range;
  /** Range of the whole milestone entry, so the preview can follow the editor's cursor. */
  extent?: Range;
}

export interface TimelineDependency {
  /** The phase waited for (for a milestone, the phase it belongs to). */
  from: string;
  to: string;
  /** Set when the entry names a milestone: the arrow starts at its diamond. */
  milestone?: string;
  type: DependencyType;
  /** Working days of lag. */
  lag: number;
  /**
   * This entry decides the later phase's start, both phases are critical (for a dated
   * milestone, only the later one: the date is fixed).
   */
  critical: boolean;
}

export interface TimelineLane {
  /** Wave number, or undefined for phases that belong to no wave. */
  wave?: number;
  /** The wave's `name` from `waves`, when declared. */
  name?: string;
  /** `Wave 2: Germany`, `Wave 2` without a name, `All waves` or `Plan` for phases of no wave. */
  label: string;
  /** Id of the wave's calendar, whose non-working days the lane shades; absent: the plan's. */
  calendar?: string;
}

/** A named calendar, resolved: the plan's holidays and extra working days included. */
interface TimelineCalendar {
  id: string;
  /** Its `name`, else its id. */
  label: string;
  workdays: Weekday[];
  holidays: string[];
  extraWorkingDays: string[];
}

/** One wave's go-live: the start of its earliest go-live phase. */
export interface TimelineGoLive {
  wave?: number;
  name?: string;
  phase: string;
  date: string;
}

export interface TimelineData {
  path: string;
  name: string;
  /** First and last day of the axis. */
  start?: string;
  end?: string;
  asOf: string;
  /** The plan's calendar. */
  workdays: Weekday[];
  holidays: string[];
  extraWorkingDays: string[];
  /** Named calendars (the plan's, then imported ones), for lanes and phases that use them. */
  calendars: TimelineCalendar[];
  /** The earliest go-live. */
  goLive?: string;
  /** Every wave's go-live, by date. */
  goLives: TimelineGoLive[];
  /** Every critical phase, by start (ties by file order). */
  criticalPath: string[];
  /** Each critical chain from its first phase to its last (see criticalChains.ts; at most 20). */
  criticalChains: string[][];
  /** The lane of phases in no wave first, then the waves by number: the order every view shows. */
  lanes: TimelineLane[];
  phases: TimelinePhase[];
  milestones: TimelineMilestone[];
  dependencies: TimelineDependency[];
  findings: FindingCounts;
  /**
   * The schedule these bars are compared with, drawn as faint "ghost" bars under them: the
   * plan read without its actual dates, or a baseline version of it, when this timeline is a
   * forecast (see buildTrackedTimeline). Absent when there is nothing to compare.
   */
  ghost?: TimelineData;
  /** What the ghost bars are called on the chart when they are not the plan's own planned schedule. */
  ghostLabel?: string;
}

interface BuildTimelineOptions {
  /** The schedule to show; the lint result's (the planned one) unless given. */
  schedule?: Schedule;
}

const isoDates = (dates: readonly DateValue[]) => [...new Set(dates.map((d) => d.value))].sort();

/** Named calendars as the timeline shows them: each on top of the plan's (plan-format.md, Calendars). */
function timelineCalendars(plan: Plan): TimelineCalendar[] {
  const holidays = [...plan.calendar.holidays, ...plan.importedHolidays];
  const seen = new Set<string>();
  const out: TimelineCalendar[] = [];
  const add = (c: NamedCalendar) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    out.push({
      id: c.id,
      label: c.name?.value ?? c.id,
      workdays: c.workdays ?? plan.calendar.workdays,
      holidays: isoDates([...holidays, ...c.holidays]),
      extraWorkingDays: isoDates([...plan.calendar.extraWorkingDays, ...c.extraWorkingDays]),
    });
  };
  plan.calendars.forEach(add);
  plan.importedCalendars.forEach(add);
  return out;
}

function laneLabel(wave: number | undefined, name: string | undefined, waveCount: number): string {
  if (wave === undefined) return waveCount > 1 ? 'All waves' : 'Plan';
  return name ? `Wave ${wave}: ${name}` : `Wave ${wave}`;
}

function progressOf(phase: Plan['phases'][number]): TimelinePhase['progress'] {
  const { done, total } = phaseProgress(phase);
  return phase.actual?.end !== undefined ? { done, total, complete: true } : { done, total };
}

/** Whether the plan records anything that happened: an `actual` date or an `achieved` milestone. */
function recordsProgress(plan: Plan): boolean {
  return plan.phases.some((p) => p.actual?.start || p.actual?.end || p.milestones.some((m) => m.achieved));
}

/** An earlier version of the plan that a timeline is compared with (plan-format.md, Baselines). */
export interface TimelineBaseline {
  /** That version, linted. */
  result: LintResult;
  /** What its bars are called on the chart: `baseline v1.0`. */
  label: string;
}

/**
 * The timeline a plan in execution is followed on: when it records actual dates or achieved
 * milestones, or a baseline is given, the forecast schedule as of `asOf` (plan-format.md,
 * "Progress and actual dates"), with the baseline's planned schedule, else the plan's own, as
 * its `ghost`; otherwise the planned timeline.
 */
export function buildTrackedTimeline(result: LintResult, asOf: string, baseline?: TimelineBaseline): TimelineData {
  const asOfDay = dayFromIso(asOf);
  if (!result.plan || asOfDay === undefined || (!baseline && !recordsProgress(result.plan))) return buildTimeline(result, asOf);
  if (!baseline) return forecastOver(result, result.plan, asOf, asOfDay, buildTimeline(result, asOf));
  return { ...forecastOver(result, result.plan, asOf, asOfDay, buildTimeline(baseline.result, asOf)), ghostLabel: baseline.label };
}

/** The forecast timeline of a linted plan as of a day (plan-format.md, "Progress and actual dates"), over `ghost`'s bars. */
export function forecastOver(result: LintResult, plan: Plan, asOf: string, asOfDay: number, ghost: TimelineData): TimelineData {
  return { ...buildTimeline(result, asOf, { schedule: buildSchedule(plan, { mode: 'forecast', asOf: asOfDay }) }), ghost };
}

function countFindings(severities: Severity[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const s of severities) counts[s]++;
  return counts;
}

/** Builds the timeline of a lint result; phases that could not be scheduled are left out. */
export function buildTimeline(result: LintResult, asOf: string, options: BuildTimelineOptions = {}): TimelineData {
  const { plan, source } = result;
  const schedule = options.schedule ?? result.schedule;
  const data: TimelineData = {
    path: result.path,
    name: plan?.name?.value ?? result.path,
    asOf,
    workdays: plan ? plan.calendar.workdays : [...WEEKDAYS.slice(0, 5)],
    holidays: plan ? [...plan.calendar.holidays, ...plan.importedHolidays].map((h) => h.value).sort() : [],
    extraWorkingDays: plan ? isoDates(plan.calendar.extraWorkingDays) : [],
    calendars: plan ? timelineCalendars(plan) : [],
    goLives: [],
    criticalPath: [],
    criticalChains: [],
    lanes: [],
    phases: [],
    milestones: [],
    dependencies: [],
    findings: countFindings(result.findings.map((f) => f.severity)),
  };
  if (!plan || !schedule) return data;
  const asOfDay = dayFromIso(asOf);
  const range = (node: Parameters<typeof nodeOffsets>[0]) => {
    const o = nodeOffsets(node) ?? [0, 0];
    return rangeFromOffsets(source, o[0], o[1]);
  };
  // Lanes are in the order every view shows them: phases of no wave (shared by every wave) first,
  // then the waves by number, as a plan author counts them, whatever order `waves:` lists them in
  // and whichever wave starts first. Array.prototype.sort always moves undefined last, so order
  // through a numeric key.
  const waves = [...new Set(schedule.windows.map((w) => w.phase.wave?.value))]
    .map((wave) => ({ wave, key: wave ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => a.key - b.key)
    .map(({ wave }) => wave);
  const declared = new Map<number, Plan['waves'][number]>();
  for (const w of plan.waves) if (!declared.has(w.wave.value)) declared.set(w.wave.value, w);
  const named = new Set(data.calendars.map((c) => c.id));
  data.lanes = waves.map((wave) => {
    const declaration = wave === undefined ? undefined : declared.get(wave);
    const name = declaration?.name?.value;
    const calendar = declaration?.calendar?.value;
    return { wave, ...(name ? { name } : {}), label: laneLabel(wave, name, waves.length), ...(calendar && named.has(calendar) ? { calendar } : {}) };
  });
  data.criticalPath = schedule.criticalPath.map((p) => p.id);
  for (const w of schedule.windows) {
    const p = w.phase;
    const [from, to] = nodeOffsets(p.map) ?? [0, 0];
    const inPhase = result.findings.filter((f) => f.offsets[0] >= from && f.offsets[0] < to);
    data.phases.push({
      id: p.id,
      name: p.name?.value ?? p.id,
      kind: p.phaseKind?.value,
      owner: p.owner?.value,
      start: isoFromDay(w.start),
      end: isoFromDay(w.end),
      workingDays: w.workingDays,
      float: w.slack,
      slack: w.slack,
      critical: w.critical,
      ...(w.calendar.id !== undefined ? { calendar: w.calendar.id } : {}),
      wave: p.wave?.value,
      lane: waves.indexOf(p.wave?.value),
      after: p.after.filter((a) => schedule.targetOf(a) !== undefined).map((a) => a.value),
      progress: progressOf(p),
      ...(p.actual && (p.actual.start || p.actual.end) ? { actual: { ...(p.actual.start ? { start: p.actual.start.value } : {}), ...(p.actual.end ? { end: p.actual.end.value } : {}) } } : {}),
      findings: countFindings(inPhase.map((f) => f.severity)),
      range: range(p.idNode),
      extent: range(p.map),
    });
    for (const m of p.milestones) {
      const day = milestoneDate(m, schedule);
      if (day === undefined) continue;
      data.milestones.push({
        id: m.id,
        name: m.name?.value ?? m.id,
        phaseId: p.id,
        date: isoFromDay(day),
        gate: m.gate,
        owner: m.owner?.value,
        criteria: m.criteria.map((c) => c.value),
        ...(m.achieved ? { achieved: m.achieved.value } : {}),
        ...(!m.achieved && asOfDay !== undefined && day < asOfDay ? { overdue: true as const } : {}),
        range: range(m.idNode),
        extent: range(m.map),
      });
    }
  }
  for (const w of schedule.windows) {
    const driving = new Set(w.drivenBy);
    for (const dependency of w.phase.after) {
      const target = schedule.targetOf(dependency);
      const from = target && schedule.windowOf(target.phase);
      if (!target || !from || target.phase === w.phase) continue;
      data.dependencies.push({
        from: target.phase.id,
        to: w.phase.id,
        ...(target.milestone ? { milestone: target.milestone.id } : {}),
        type: target.milestone ? 'fs' : dependency.type,
        lag: dependency.lag,
        // A dated milestone is a fixed date: the chain starts there whatever its phase's float.
        critical: (from.critical || target.milestone?.date !== undefined) && w.critical && driving.has(dependency),
      });
    }
  }
  const byStart = [...data.phases].sort((a, b) => a.start.localeCompare(b.start));
  data.criticalChains = criticalChains(byStart, data.dependencies);
  data.goLives = schedule.waveGoLives.map((g) => ({
    ...(g.wave !== undefined ? { wave: g.wave } : {}),
    ...(g.name !== undefined ? { name: g.name } : {}),
    phase: g.phase.id,
    date: isoFromDay(g.start),
  }));
  const days = [schedule.planStart, schedule.planEnd];
  if (days[0] !== undefined) data.start = isoFromDay(days[0]);
  if (days[1] !== undefined) data.end = isoFromDay(days[1]);
  if (schedule.goLive !== undefined) data.goLive = isoFromDay(schedule.goLive);
  return data;
}
