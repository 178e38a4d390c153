import { dayFromIso, isoFromDay } from '../engine/calendar';
import type { TimelineData, TimelineMilestone, TimelinePhase } from '../engine/timeline';
import { escapeMermaid } from './escape';
import { dayOf, phasesByLane } from './timelineLayout';
import { slipsOf, type PhaseSlip } from './timelineSlip';

/**
 * The timeline as Mermaid `gantt` text, for Markdown (READMEs, pull-request comments).
 *
 * Dates, not `after`: every task is written with its start date and an end date, both from
 * our scheduler, and never with Mermaid's `after` or a duration. Mermaid counts durations in
 * calendar days, knows holidays only through `excludes`, and with `excludes weekends` it also
 * pushes fixed end dates past every excluded day, so any of those would draw a different
 * plan than `crm-rollout lint` checks. Mermaid's end dates are exclusive, so a phase that
 * ends (inclusively) on a Friday is written to end on the Saturday. No `excludes` line is
 * written for the same reason; dependencies show through the dates they produce.
 *
 * Tags: `crit` marks every critical phase (every chain, ties included), and each critical
 * chain is spelled out in a `%%` comment; `done` a phase whose checklist is all done, `active`
 * one that contains the as-of date. Milestones carry `milestone` at their date (0d);
 * gates are also `crit` and their name ends with "(gate)". Task ids are `p_`/`m_` plus the
 * plan id with every character Mermaid might misread replaced by `_` (made unique), so an id
 * such as `done` can never be read as a tag. Sections are the lanes (waves), in the same
 * order as the SVG. Names are escaped with `escapeMermaid`.
 *
 * A plan that records progress is drawn as its forecast; Mermaid has no ghost bars, so a phase
 * that slipped from the planned schedule says so in its name (`Build (2d late)`, `(1d early)`,
 * in working days of its calendar), and a `%%` comment before it gives its planned dates.
 */

function mermaidId(prefix: string, id: string, used: Set<string>): string {
  const base = `${prefix}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
  used.add(candidate);
  return candidate;
}

/** ` (2d late)`, ` (1d early)`, or nothing for a phase on time or without a planned schedule. */
function slipMark(slip: PhaseSlip | undefined): string {
  if (!slip || slip.days === 0) return '';
  return ` (${Math.abs(slip.days)}d ${slip.days > 0 ? 'late' : 'early'})`;
}

function phaseLines(phase: TimelinePhase, asOf: number | undefined, used: Set<string>, slip: PhaseSlip | undefined): string[] {
  const planned = slip && slip.days !== 0 ? [`    %% ${escapeMermaid(phase.id)}: planned ${slip.ghost.start} → ${slip.ghost.end}`] : [];
  return [...planned, phaseLine(phase, asOf, used, slipMark(slip))];
}

function phaseLine(phase: TimelinePhase, asOf: number | undefined, used: Set<string>, mark: string): string {
  const tags: string[] = [];
  if (phase.critical) tags.push('crit');
  const start = dayOf(phase.start);
  const end = dayOf(phase.end);
  if (phase.progress.total > 0 && phase.progress.done === phase.progress.total) tags.push('done');
  else if (asOf !== undefined && asOf >= start && asOf <= end) tags.push('active');
  const fields = [...tags, mermaidId('p', phase.id, used), phase.start, isoFromDay(end + 1)];
  return `    ${escapeMermaid(phase.name) || phase.id}${mark} :${fields.join(', ')}`;
}

function milestoneLine(m: TimelineMilestone, used: Set<string>): string {
  const tags = m.gate ? ['crit', 'milestone'] : ['milestone'];
  const name = `${escapeMermaid(m.name) || m.id}${m.gate ? ' (gate)' : ''}`;
  return `    ${name} :${[...tags, mermaidId('m', m.id, used), m.date, '0d'].join(', ')}`;
}

export function renderTimelineMermaid(data: TimelineData): string {
  const lines = ['gantt', `    title ${escapeMermaid(data.name) || 'Timeline'}`, '    dateFormat YYYY-MM-DD', '    axisFormat %d %b'];
  lines.push(`    %% crm-rollout timeline as of ${data.asOf}; dates come from each phase's working calendar`);
  for (const chain of data.criticalChains) lines.push(`    %% critical chain: ${chain.map(escapeMermaid).join(' → ')}`);
  const used = new Set<string>();
  const asOf = dayFromIso(data.asOf);
  const placed = new Set(data.phases.map((p) => p.id));
  const slipOf = slipsOf(data, data.ghost);
  for (const { lane, phases } of phasesByLane(data)) {
    if (phases.length === 0) continue;
    lines.push(`    section ${escapeMermaid(lane.label)}`);
    for (const phase of phases) {
      lines.push(...phaseLines(phase, asOf, used, slipOf(phase)));
      for (const m of data.milestones) if (m.phaseId === phase.id) lines.push(milestoneLine(m, used));
    }
  }
  const orphans = data.milestones.filter((m) => !placed.has(m.phaseId));
  if (orphans.length > 0) {
    lines.push('    section Milestones of unscheduled phases');
    for (const m of orphans) lines.push(milestoneLine(m, used));
  }
  if (data.phases.length === 0 && orphans.length === 0) lines.push('    %% no phase could be scheduled');
  return `${lines.join('\n')}\n`;
}
