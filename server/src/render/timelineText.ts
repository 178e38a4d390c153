import type { FindingCounts, TimelineData, TimelineGoLive, TimelineMilestone, TimelinePhase } from '../engine/timeline';

/** Plain-text descriptions shared by the SVG's tooltips and labels and the HTML tables. */

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `1 error, 2 warnings`; empty when there are none. */
export function findingsText(counts: FindingCounts): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(`${counts.info} info`);
  return parts.join(', ');
}

/** `Wave 2 (Germany) 2027-06-18`, `Wave 2 2027-06-18`, or `Plan 2027-06-18` for a go-live of no wave. */
function waveGoLiveText(g: TimelineGoLive): string {
  if (g.wave === undefined) return `Plan ${g.date}`;
  return `Wave ${g.wave}${g.name ? ` (${g.name})` : ''} ${g.date}`;
}

/**
 * The timeline panel's toolbar line: every wave's go-live (a plan of one go-live and no waves:
 * `Go-live 2027-02-16`), the as-of date and the findings:
 * `Go-lives: Wave 1 (France) 2027-05-19, Wave 2 (Germany) 2027-06-18 · as of 2027-04-19 · 2 warnings`.
 * Plain text: the page sets it as text, never as markup.
 */
export function toolbarSummary(data: Pick<TimelineData, 'goLive' | 'goLives' | 'asOf' | 'findings'>): string {
  // A drawing restored from the state an older version of the panel saved may lack `goLives`.
  const goLives = data.goLives ?? [];
  const waves = goLives.length > 1 || goLives.some((g) => g.wave !== undefined);
  const goLive = waves ? `Go-live${goLives.length > 1 ? 's' : ''}: ${goLives.map(waveGoLiveText).join(', ')}` : data.goLive ? `Go-live ${data.goLive}` : 'No go-live phase';
  const findings = findingsText(data.findings);
  return `${goLive} · as of ${data.asOf}${findings ? ` · ${findings}` : ''}`;
}

export function totalFindings(counts: FindingCounts): number {
  return counts.error + counts.warning + counts.info;
}

/** The most severe level present, for the badge colour. */
export function worstSeverity(counts: FindingCounts): keyof FindingCounts | undefined {
  if (counts.error) return 'error';
  if (counts.warning) return 'warning';
  return counts.info ? 'info' : undefined;
}

/** Whole percent of checklist items done; undefined without a checklist. */
export function progressPercent(phase: TimelinePhase): number | undefined {
  const { done, total } = phase.progress;
  return total === 0 ? undefined : Math.round((done * 100) / total);
}

/** `2 of 3 checklist items done (67%)`. */
export function checklistText(done: number, total: number): string {
  return total === 0 ? 'no checklist' : `${done} of ${total} checklist items done (${Math.round((done * 100) / total)}%)`;
}

function progressText(phase: TimelinePhase): string {
  return checklistText(phase.progress.done, phase.progress.total);
}

/** `critical (float 0)`, `critical, float -3 working days` or `float 4 working days`. */
function floatText(phase: TimelinePhase): string {
  const float = phase.float ?? phase.slack;
  if (!phase.critical) return `float ${plural(float, 'working day')}`;
  return float < 0 ? `critical, float ${plural(float, 'working day')}` : 'critical (float 0)';
}

/** The phase's calendar, for tooltips of plans with named calendars: its name, else its id, else the plan's. */
function calendarText(phase: TimelinePhase, calendars: ReadonlyMap<string, string>): string {
  return phase.calendar === undefined ? 'plan calendar' : (calendars.get(phase.calendar) ?? phase.calendar);
}

/** One sentence for screen readers. */
export function phaseAriaLabel(phase: TimelinePhase): string {
  const parts = [`phase ${phase.name}`, `${phase.start} to ${phase.end}`, plural(phase.workingDays, 'working day')];
  parts.push(floatText(phase));
  parts.push(progressText(phase));
  const findings = findingsText(phase.findings);
  if (findings) parts.push(findings);
  return parts.join(', ');
}

/** The tooltip: one fact per line. */
export function phaseTooltip(phase: TimelinePhase, calendars: ReadonlyMap<string, string> = new Map()): string {
  const lines = [`${phase.name} (${phase.id})`, `${phase.start} → ${phase.end}, ${plural(phase.workingDays, 'working day')}`];
  if (phase.kind) lines.push(`kind: ${phase.kind}`);
  if (phase.owner) lines.push(`owner: ${phase.owner}`);
  if (phase.wave !== undefined) lines.push(`wave: ${phase.wave}`);
  if (calendars.size > 0) lines.push(`calendar: ${calendarText(phase, calendars)}`);
  lines.push(floatText(phase));
  if (phase.after.length) lines.push(`after: ${phase.after.join(', ')}`);
  lines.push(`checklist: ${progressText(phase)}`);
  const findings = findingsText(phase.findings);
  if (findings) lines.push(`findings: ${findings}`);
  return lines.join('\n');
}

/** `achieved 2027-03-02`, `overdue` or nothing. */
function milestoneState(m: TimelineMilestone): string | undefined {
  if (m.achieved) return `achieved ${m.achieved}`;
  return m.overdue ? 'overdue' : undefined;
}

export function milestoneAriaLabel(m: TimelineMilestone): string {
  const state = milestoneState(m);
  return `${m.gate ? 'gate' : 'milestone'} ${m.name}, ${m.date}, phase ${m.phaseId}${state ? `, ${state}` : ''}`;
}

export function milestoneTooltip(m: TimelineMilestone): string {
  const lines = [`${m.name} (${m.id})`, `${m.gate ? 'gate' : 'milestone'} on ${m.date}, phase ${m.phaseId}`];
  const state = milestoneState(m);
  if (state) lines.push(state);
  if (m.owner) lines.push(`owner: ${m.owner}`);
  for (const c of m.criteria) lines.push(`criterion: ${c}`);
  return lines.join('\n');
}
