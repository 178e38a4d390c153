import type { FindingCounts, TimelineData, TimelineGoLive } from '../../server/src/engine/timeline';
import { findingsText as countsText, plural } from '../../server/src/render/timelineText';

/** The numbers the status item shows for a plan, from the server's timeline of it. */
export interface PlanSummary {
  findings: FindingCounts;
  /** The earliest go-live. */
  goLive?: string;
  /** Every wave's go-live, by date. */
  goLives: TimelineGoLive[];
  criticalPhases: number;
  /** Working days of the phases on the critical path, added up. */
  criticalDays: number;
}

export function summarize(data: TimelineData): PlanSummary {
  const critical = new Set(data.criticalPath);
  const days = data.phases.filter((p) => critical.has(p.id)).reduce((sum, p) => sum + p.workingDays, 0);
  return { findings: data.findings, goLive: data.goLive, goLives: data.goLives, criticalPhases: data.criticalPath.length, criticalDays: days };
}

export function findingsText(f: FindingCounts): string {
  return countsText(f) || 'no problems';
}

/** `wave 2 Germany 2027-06-18`, `wave 2 2027-06-18`, or the date alone for a go-live of no wave. */
function goLiveText(g: TimelineGoLive): string {
  if (g.wave === undefined) return g.date;
  return `wave ${g.wave}${g.name ? ` ${g.name}` : ''} ${g.date}`;
}

/**
 * `go-live 2027-02-16 · critical path …` for a plan with one go-live; with several (waves),
 * every wave's go-live: `go-lives wave 1 France 2027-05-19, wave 2 Germany 2027-06-18 · …`.
 */
export function scheduleText(s: PlanSummary): string {
  const goLive =
    s.goLives.length > 1 || s.goLives.some((g) => g.wave !== undefined)
      ? `go-lives ${s.goLives.map(goLiveText).join(', ')}`
      : s.goLive
        ? `go-live ${s.goLive}`
        : 'no go-live phase';
  const path = s.criticalPhases > 0 ? `critical path ${plural(s.criticalPhases, 'phase')}, ${plural(s.criticalDays, 'working day')}` : 'no schedule yet';
  return `${goLive} · ${path}`;
}
