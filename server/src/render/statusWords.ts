import type { PhaseState, StatusBaseline, StatusGoLive, StatusReport, StatusVerdict, StatusWork } from '../engine/status';

/**
 * The words every status format shares (text, markdown, html), so the three say the same thing.
 * They return raw text: each format escapes it for its own syntax.
 */

export const STATE_LABELS: Readonly<Record<PhaseState, string>> = {
  done: 'done',
  running: 'running',
  late: 'late',
  'not-started': 'not started',
};

/** How the report's date was chosen, said in the first line. */
export type AsOfSource = 'today' | 'as-of' | 'setting';

export function titleLine(asOf: string, source: AsOfSource): string {
  const why = { today: 'today', 'as-of': 'the --as-of date', setting: 'the crm-rollout.asOf setting' }[source];
  return `Status report as of ${asOf} (${why})`;
}

export function signedDays(days: number | undefined): string {
  if (days === undefined) return '—';
  return days > 0 ? `+${days}` : String(days);
}

export function baselineLabel(baseline: StatusBaseline): string {
  if (baseline.kind === 'planned') return 'the planned schedule (the plan read without actual dates)';
  return `baseline ${baseline.source}`;
}

/** The column heading for the dates compared with: "Planned" or "Baseline". */
export function baselineHeading(baseline: StatusBaseline): string {
  return baseline.kind === 'planned' ? 'Planned' : 'Baseline';
}

export function goLiveLabel(goLive: StatusGoLive): string {
  if (goLive.wave === undefined) return `Go-live (${goLive.phase})`;
  return `Wave ${goLive.wave}${goLive.name ? ` ${goLive.name}` : ''} (${goLive.phase})`;
}

export function workLabel(work: StatusWork): string {
  const kind = work.kind === 'item' ? 'item' : work.gate ? 'gate' : 'milestone';
  const title = work.title && work.id ? `${work.title} (${work.id})` : (work.title ?? work.id ?? 'untitled item');
  return `${kind}: ${title}`;
}

export function progressLine(report: StatusReport): string {
  const { progress } = report;
  const p = progress.phases;
  const next = progress.milestones.next;
  return [
    `${progress.done}/${progress.total} checklist items done (${progress.percent}%)`,
    `phases: ${p.done} done, ${p.running} running, ${p.late} late, ${p['not-started']} not started`,
    `milestones: ${progress.milestones.achieved}/${progress.milestones.total} achieved${next ? `, next ${next.name} on ${next.date}` : ''}`,
  ].join('; ');
}

export function findingsLine(report: StatusReport): string {
  const f = report.findings;
  return `${f.error} error${f.error === 1 ? '' : 's'}, ${f.warning} warning${f.warning === 1 ? '' : 's'}, ${f.info} info`;
}

/** The verdict's sentence without its leading "Red: ", for formats that show the colour as a badge. */
export function reasonAfterColour(verdict: StatusVerdict): string {
  const prefix = /^(Red|Amber|Green): /;
  return verdict.reason.replace(prefix, '');
}
