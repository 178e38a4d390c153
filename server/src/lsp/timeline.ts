import { planNotEditable } from '../engine/scheduleEdits';
import { buildTrackedTimeline } from '../engine/timeline';
import type { TimelineResult } from '../protocol';
import type { Analysis } from './project';
import type { SettingBaselines } from './settingBaseline';

/**
 * The `crm-rollout/timeline` answer: the plan as scheduled, with the as-of setting as "today";
 * for a plan that records actual dates, or when the `crm-rollout.baseline` setting names a
 * usable version of it, the forecast with that baseline (else the planned schedule) as its ghost;
 * and why dragging is off, when the plan cannot be edited from the timeline at all, so the
 * panel says so before anyone drags.
 */
export function timeline(analysis: Analysis | undefined, baselines: SettingBaselines): TimelineResult {
  if (!analysis || analysis.result.role !== 'plan') return null;
  const { baseline } = baselines.of(analysis);
  const data = buildTrackedTimeline(analysis.result, analysis.settings.asOf, baseline && { result: baseline.result, label: `baseline ${analysis.settings.baseline}` });
  const dragOff = planNotEditable(analysis.result.source);
  return dragOff ? { ...data, dragOff } : data;
}
