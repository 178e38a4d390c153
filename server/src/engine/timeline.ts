import { isoFromDay, WEEKDAYS, type Weekday } from './calendar';
import { milestoneDate } from './definitions';
import type { LintResult } from './lint';
import type { DependencyType } from './model';
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
  slack: number;
  critical: boolean;
  wave?: number;
  /** Index into `lanes`. */
  lane: number;
  after: string[];
  progress: { done: number; total: number };
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
  /** Both ends critical and this entry decides the later phase's start. */
  critical: boolean;
}

export interface TimelineLane {
  /** Wave number, or undefined for phases that belong to no wave. */
  wave?: number;
  label: string;
}

export interface TimelineData {
  path: string;
  name: string;
  /** First and last day of the axis. */
  start?: string;
  end?: string;
  asOf: string;
  workdays: Weekday[];
  holidays: string[];
  goLive?: string;
  criticalPath: string[];
  lanes: TimelineLane[];
  phases: TimelinePhase[];
  milestones: TimelineMilestone[];
  dependencies: TimelineDependency[];
  findings: FindingCounts;
}

function countFindings(severities: Severity[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const s of severities) counts[s]++;
  return counts;
}

/** Builds the timeline of a lint result; phases that could not be scheduled are left out. */
export function buildTimeline(result: LintResult, asOf: string): TimelineData {
  const { plan, schedule, source } = result;
  const data: TimelineData = {
    path: result.path,
    name: plan?.name?.value ?? result.path,
    asOf,
    workdays: plan ? plan.calendar.workdays : [...WEEKDAYS.slice(0, 5)],
    holidays: plan ? [...plan.calendar.holidays, ...plan.importedHolidays].map((h) => h.value).sort() : [],
    criticalPath: [],
    lanes: [],
    phases: [],
    milestones: [],
    dependencies: [],
    findings: countFindings(result.findings.map((f) => f.severity)),
  };
  if (!plan || !schedule) return data;
  const range = (node: Parameters<typeof nodeOffsets>[0]) => {
    const o = nodeOffsets(node) ?? [0, 0];
    return rangeFromOffsets(source, o[0], o[1]);
  };
  // Array.prototype.sort always moves undefined last, so order through a numeric key: no wave first.
  const waves = [...new Set(schedule.windows.map((w) => w.phase.wave?.value))]
    .map((wave) => ({ wave, key: wave ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => a.key - b.key)
    .map(({ wave }) => wave);
  data.lanes = waves.map((wave) => ({ wave, label: wave === undefined ? (waves.length > 1 ? 'All waves' : 'Plan') : `Wave ${wave}` }));
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
      slack: w.slack,
      critical: w.critical,
      wave: p.wave?.value,
      lane: waves.indexOf(p.wave?.value),
      after: p.after.filter((a) => schedule.targetOf(a) !== undefined).map((a) => a.value),
      progress: { done: p.checklist.filter((c) => c.done).length, total: p.checklist.length },
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
        critical: from.critical && w.critical && driving.has(dependency),
      });
    }
  }
  const days = [schedule.planStart, schedule.planEnd];
  if (days[0] !== undefined) data.start = isoFromDay(days[0]);
  if (days[1] !== undefined) data.end = isoFromDay(days[1]);
  if (schedule.goLive !== undefined) data.goLive = isoFromDay(schedule.goLive);
  return data;
}
