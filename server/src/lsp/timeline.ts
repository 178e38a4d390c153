import { buildTrackedTimeline } from '../engine/timeline';
import type { TimelineResult } from '../protocol';
import type { Analysis } from './project';

/**
 * The `crm-rollout/timeline` answer: the plan as scheduled, with the as-of setting as "today";
 * for a plan that records actual dates, the forecast with the planned schedule as its ghost.
 */
export function timeline(analysis: Analysis | undefined): TimelineResult {
  if (!analysis || analysis.result.role !== 'plan') return null;
  return buildTrackedTimeline(analysis.result, analysis.settings.asOf);
}
