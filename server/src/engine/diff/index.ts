import type { LintResult } from '../lint';
import type { TimelineData } from '../timeline';
import { diffBudget, diffEntities, diffPlanFields } from './entities';
import { diffFindings } from './findings';
import { calendarOf, chainStrings, diffSchedule, planWorkingDays } from './schedule';
import { snapshotPlan } from './snapshot';
import { CHANGE_SEVERITIES, type ChangeSeverity, type PlanChange, type PlanDiff, type PlanSummary } from './types';
import { pushAll } from '../arrays';

export * from './types';

/**
 * The semantic diff of two versions of one plan (pure: give it what `lintText` and
 * `buildTimeline` made of each). Entities are compared only when both sides parsed into a
 * plan model; a side without one (broken YAML) contributes its findings only, so callers
 * should refuse such a side rather than show every entity as removed or added.
 */
export interface PlanVersion {
  result: LintResult;
  timeline: TimelineData;
}

function summary(version: PlanVersion): PlanSummary {
  const t = version.timeline;
  return {
    path: t.path,
    name: t.name,
    start: t.start,
    end: t.end,
    workingDays: planWorkingDays(t, calendarOf(t)),
    goLive: t.goLive,
    goLives: t.goLives.map((g) => ({ ...g })),
    criticalPath: [...t.criticalPath],
    criticalChains: chainStrings(t),
    findings: { ...t.findings },
  };
}

const RANK: Record<ChangeSeverity, number> = { breaking: 0, warning: 1, info: 2 };

export function diffPlans(base: PlanVersion, head: PlanVersion): PlanDiff {
  const baseSnapshot = base.result.plan ? snapshotPlan(base.result.plan) : undefined;
  const headSnapshot = head.result.plan ? snapshotPlan(head.result.plan) : undefined;
  const changes: PlanChange[] = [];
  if (baseSnapshot && headSnapshot) {
    const phaseIds = (s: typeof baseSnapshot) => new Set(s.entities.filter((e) => e.subject === 'phase').map((e) => e.id));
    pushAll(changes, diffSchedule(base.timeline, head.timeline, phaseIds(baseSnapshot), phaseIds(headSnapshot)));
    pushAll(changes, diffPlanFields(baseSnapshot, headSnapshot));
    pushAll(changes, diffEntities(baseSnapshot, headSnapshot));
    pushAll(changes, diffBudget(baseSnapshot, headSnapshot));
  }
  pushAll(changes, diffFindings(base.result.findings, baseSnapshot, head.result.findings, headSnapshot));
  // Stable: within a severity, the order above (schedule, plan, entities, budget, findings).
  const sorted = changes.map((c, i) => ({ c, i })).sort((a, b) => RANK[a.c.severity] - RANK[b.c.severity] || a.i - b.i).map(({ c }) => c);
  const counts = Object.fromEntries(CHANGE_SEVERITIES.map((s) => [s, sorted.filter((c) => c.severity === s).length])) as Record<ChangeSeverity, number>;
  return { base: summary(base), head: summary(head), changes: sorted, counts };
}
