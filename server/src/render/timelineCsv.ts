import type { TimelineData } from '../engine/timeline';
import { escapeCsvCell } from './escape';
import { phasesByLane } from './timelineLayout';
import { slipsOf } from './timelineSlip';

/**
 * The timeline as CSV (RFC 4180: CRLF line ends, a header row, fields quoted only when they
 * must be), for spreadsheets and reporting tools. One row per phase, each followed by its
 * milestones, in the order of the SVG's lanes; milestones of unscheduled phases come last.
 * Every cell goes through `escapeCsvCell`, which also defuses formula injection.
 * A milestone row has its date as both `start` and `end` and its phase in `phase`. `calendar`
 * is the named calendar a phase is counted on (empty: the plan's) and `float` its float in
 * working days of that calendar; both come last so version-1 readers keep their columns.
 * For a plan that records progress (a timeline with a ghost: the forecast over the planned
 * schedule), `planned_start`, `planned_end` and `slip` (working days of the phase's calendar
 * from the planned end to the forecast end, positive when later) follow, empty otherwise.
 */

export const CSV_COLUMNS = [
  'type',
  'id',
  'name',
  'kind',
  'lane',
  'wave',
  'owner',
  'start',
  'end',
  'working_days',
  'slack',
  'critical',
  'after',
  'checklist_done',
  'checklist_total',
  'gate',
  'phase',
  'criteria',
  'errors',
  'warnings',
  'info',
  'calendar',
  'float',
  'planned_start',
  'planned_end',
  'slip',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean>>;

function line(row: Row): string {
  return CSV_COLUMNS.map((c) => escapeCsvCell(row[c])).join(',');
}

export function renderTimelineCsv(data: TimelineData): string {
  const rows = [CSV_COLUMNS.join(',')];
  const milestoneRow = (m: TimelineData['milestones'][number], lane?: string): Row => ({
    type: 'milestone',
    id: m.id,
    name: m.name,
    lane,
    owner: m.owner,
    start: m.date,
    end: m.date,
    gate: m.gate,
    phase: m.phaseId,
    criteria: m.criteria.join('; '),
  });
  const placed = new Set(data.phases.map((p) => p.id));
  const slipOf = slipsOf(data, data.ghost);
  for (const { lane: { label: lane }, phases } of phasesByLane(data)) {
    for (const p of phases) {
      const slip = slipOf(p);
      rows.push(
        line({
          type: 'phase',
          id: p.id,
          name: p.name,
          kind: p.kind,
          lane,
          wave: p.wave,
          owner: p.owner,
          start: p.start,
          end: p.end,
          working_days: p.workingDays,
          slack: p.slack,
          critical: p.critical,
          after: p.after.join(' '),
          checklist_done: p.progress.done,
          checklist_total: p.progress.total,
          errors: p.findings.error,
          warnings: p.findings.warning,
          info: p.findings.info,
          calendar: p.calendar,
          float: p.float,
          planned_start: slip?.ghost.start,
          planned_end: slip?.ghost.end,
          slip: slip?.days,
        }),
      );
      for (const m of data.milestones) if (m.phaseId === p.id) rows.push(line(milestoneRow(m, lane)));
    }
  }
  for (const m of data.milestones) if (!placed.has(m.phaseId)) rows.push(line(milestoneRow(m)));
  return `${rows.join('\r\n')}\r\n`;
}
