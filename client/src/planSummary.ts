import type { FindingCounts, TimelineData } from '../../server/src/engine/timeline';
import { findingsText as countsText, plural } from '../../server/src/render/timelineText';

/** The numbers the status item shows for a plan, from the server's timeline of it. */
export interface PlanSummary {
  findings: FindingCounts;
  goLive?: string;
  criticalPhases: number;
  /** Working days of the phases on the critical path, added up. */
  criticalDays: number;
}

export function summarize(data: TimelineData): PlanSummary {
  const critical = new Set(data.criticalPath);
  const days = data.phases.filter((p) => critical.has(p.id)).reduce((sum, p) => sum + p.workingDays, 0);
  return { findings: data.findings, goLive: data.goLive, criticalPhases: data.criticalPath.length, criticalDays: days };
}

export function findingsText(f: FindingCounts): string {
  return countsText(f) || 'no problems';
}

export function scheduleText(s: PlanSummary): string {
  const goLive = s.goLive ? `go-live ${s.goLive}` : 'no go-live phase';
  const path = s.criticalPhases > 0 ? `critical path ${plural(s.criticalPhases, 'phase')}, ${plural(s.criticalDays, 'working day')}` : 'no schedule yet';
  return `${goLive} · ${path}`;
}
