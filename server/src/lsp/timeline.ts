import { buildTimeline } from '../engine/timeline';
import type { TimelineResult } from '../protocol';
import type { Analysis } from './project';

/** The `crm-rollout/timeline` answer: the plan as scheduled, with the as-of setting as "today". */
export function timeline(analysis: Analysis | undefined): TimelineResult {
  if (!analysis || analysis.result.role !== 'plan') return null;
  return buildTimeline(analysis.result, analysis.settings.asOf);
}
