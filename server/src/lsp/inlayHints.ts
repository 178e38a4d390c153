import type { InlayHint, Range } from 'vscode-languageserver';
import { isoFromDay } from '../engine/calendar';
import type { PhaseWindow } from '../engine/schedule';
import { nodeOffsets, positionAt } from '../engine/source';
import type { Analysis } from './project';

/**
 * `2027-01-11 → 2027-02-05 · 20d · critical` or `… · slack 3d`: a phase's scheduled window in
 * one line. Working days and slack are counted on the phase's own calendar, named after the
 * working days when it is not the plan's (`5d France`). Every phase with zero or negative float
 * is critical, so tied chains show `critical` on each of their phases.
 */
function windowSummary(window: PhaseWindow): string {
  const status = window.critical ? (window.slack < 0 ? `critical, float ${window.slack}d` : 'critical') : `slack ${window.slack}d`;
  const calendar = window.calendar.id === undefined ? '' : ` ${window.calendar.label}`;
  return `${isoFromDay(window.start)} → ${isoFromDay(window.end)} · ${window.workingDays}d${calendar} · ${status}`;
}

function tooltip(window: PhaseWindow): string {
  const counted = window.calendar.id === undefined ? '' : ` Working days are counted on calendar "${window.calendar.label}".`;
  if (window.slack < 0) return `Critical with negative float: a fixed date its prerequisites cannot meet.${counted}`;
  if (window.critical) return `On a critical chain (float 0): any delay moves the plan's last end date or a fixed date.${counted}`;
  return `Can slip ${window.slack} working day${window.slack === 1 ? '' : 's'} without moving the plan's last end date.${counted}`;
}

function inRange(line: number, range: Range): boolean {
  return line >= range.start.line && line <= range.end.line;
}

/** After each scheduled phase's id: its resolved dates, working days and slack or `critical`. */
export function inlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const { result } = analysis;
  if (result.role !== 'plan' || !result.schedule) return [];
  const hints: InlayHint[] = [];
  for (const window of result.schedule.windows) {
    const offsets = nodeOffsets(window.phase.idNode);
    if (!offsets || window.phase.source !== result.source) continue;
    const position = positionAt(result.source, offsets[1]);
    if (!inRange(position.line, range)) continue;
    hints.push({
      position,
      label: windowSummary(window),
      paddingLeft: true,
      tooltip: tooltip(window),
    });
  }
  return hints;
}
