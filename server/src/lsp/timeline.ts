import { planNotEditable } from '../engine/scheduleEdits';
import { buildTrackedTimeline } from '../engine/timeline';
import type { TimelineResult } from '../protocol';
import type { Analysis } from './project';

/**
 * The `crm-rollout/timeline` answer: the plan as scheduled, with the as-of setting as "today";
 * for a plan that records actual dates, the forecast with the planned schedule as its ghost;
 * and why dragging is off, when the plan cannot be edited from the timeline at all, so the
 * panel says so before anyone drags.
 */
export function timeline(analysis: Analysis | undefined): TimelineResult {
  if (!analysis || analysis.result.role !== 'plan') return null;
  const data = buildTrackedTimeline(analysis.result, analysis.settings.asOf);
  const dragOff = planNotEditable(analysis.result.source);
  return dragOff ? { ...data, dragOff } : data;
}
