import type { InlayHint, Range } from 'vscode-languageserver';
import { isoFromDay } from '../engine/calendar';
import type { PhaseWindow } from '../engine/schedule';
import { nodeOffsets, positionAt } from '../engine/source';
import type { Analysis } from './project';

/** `2027-01-11 → 2027-02-05 · 20d · critical` or `… · slack 3d`: a phase's scheduled window in one line. */
function windowSummary(window: PhaseWindow): string {
  const status = window.critical ? 'critical' : `slack ${window.slack}d`;
  return `${isoFromDay(window.start)} → ${isoFromDay(window.end)} · ${window.workingDays}d · ${status}`;
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
      tooltip: window.critical
        ? 'On the critical path: any delay moves the plan\'s last end date.'
        : `Can slip ${window.slack} working day${window.slack === 1 ? '' : 's'} without moving the plan's last end date.`,
    });
  }
  return hints;
}
